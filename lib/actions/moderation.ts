"use server";

import { after } from "next/server";
import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags } from "@/lib/cache-expiry";
import { insightPageTags } from "@/lib/data/insights";
import { appealDecision } from "@/lib/data/moderation/appeals";
import { reportInsight } from "@/lib/data/moderation/reports";
import { requestBadgeEvaluation } from "@/lib/jobs/badges";
import { requireUser } from "@/lib/session";
import { appealSchema, reportInsightSchema } from "@/lib/validation/moderation";

/** A member reports an insight; the report that hides it expires the pages that showed it. */
export async function reportInsightAction(input: unknown): Promise<ActionResult<{ hidden: boolean }>> {
  return runAction(async () => {
    const user = await requireUser();
    const { hidden, change } = await reportInsight(user, reportInsightSchema.parse(input));
    if (change) {
      // reportInsight answers with the rows it touched, not yet with their tags: the insight's pages are named here
      await expireTags({ tags: insightPageTags({ ...change, id: change.insightId }) });
      after(() => requestBadgeEvaluation([change.authorId]));
    }
    return { hidden };
  });
}

/** The author appeals the rejection or removal of their insight (nothing public changes). */
export async function appealDecisionAction(input: unknown): Promise<ActionResult<{ appealId: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    return appealDecision(user, appealSchema.parse(input));
  });
}
