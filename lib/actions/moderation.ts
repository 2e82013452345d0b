"use server";

import { after } from "next/server";
import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags } from "@/lib/cache-expiry";
import { appealDecision } from "@/lib/data/moderation/appeals";
import { reportInsight } from "@/lib/data/moderation/reports";
import { requestBadgeEvaluation } from "@/lib/jobs/badges";
import { requireUser } from "@/lib/session";
import { appealSchema, reportInsightSchema } from "@/lib/validation/moderation";

/** A member reports an insight; the report that hides it expires the pages that showed it. */
export async function reportInsightAction(input: unknown): Promise<ActionResult<{ hidden: boolean }>> {
  return runAction(async () => {
    const user = await requireUser();
    const change = await reportInsight(user, reportInsightSchema.parse(input));
    await expireTags(change);
    // Hidden, the insight no longer counts toward its author's badges.
    if (change.hidden) after(() => requestBadgeEvaluation([change.authorId]));
    return { hidden: change.hidden };
  });
}

/** The author appeals the rejection or removal of their insight (nothing public changes). */
export async function appealDecisionAction(input: unknown): Promise<ActionResult<{ appealId: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    return appealDecision(user, appealSchema.parse(input));
  });
}
