"use server";

import { updateTag } from "next/cache";
import { after } from "next/server";
import { runAction, type ActionResult } from "@/lib/action-result";
import { tags } from "@/lib/cache-tags";
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
    const result = await setReaction(user, reactSchema.parse(input));
    updateTag(tags.article(result.articleId));
    after(() => requestBadgeEvaluation([result.authorId]));
    return { counts: result.counts, mine: result.mine };
  });
}
