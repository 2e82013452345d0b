"use server";

import { after } from "next/server";
import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags } from "@/lib/cache-expiry";
import { setReaction } from "@/lib/data/reactions";
import type { ReactionCounts } from "@/lib/domain/ranking";
import { requestBadgeEvaluation } from "@/lib/jobs/badges";
import { requireUser } from "@/lib/session";
import { reactSchema } from "@/lib/validation/reaction";

export async function reactAction(
  input: unknown,
): Promise<ActionResult<{ counts: ReactionCounts; mine: string | null }>> {
  return runAction(async () => {
    const user = await requireUser();
    const change = await setReaction(user, reactSchema.parse(input));
    await expireTags(change);
    after(() => requestBadgeEvaluation([change.authorId]));
    return { counts: change.counts, mine: change.mine };
  });
}
