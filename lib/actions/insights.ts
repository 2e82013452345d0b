"use server";

import { after } from "next/server";
import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags } from "@/lib/cache-expiry";
import { createInsight, deleteInsight, editInsight, type InsightChange } from "@/lib/data/insights";
import { requestBadgeEvaluation } from "@/lib/jobs/badges";
import { requestFollowerNotifications } from "@/lib/jobs/follows";
import { requireUser } from "@/lib/session";
import { addInsightSchema, deleteInsightSchema, editInsightSchema } from "@/lib/validation/insight";

type InsightResult = { id: string; status: InsightChange["status"] };

// The author sees their change at once: an action that expires tags answers with the refreshed page, so the
// client needs no router.refresh() (which the browser may answer from its HTTP cache).

export async function addInsightAction(input: unknown): Promise<ActionResult<InsightResult>> {
  return runAction(async () => {
    const user = await requireUser();
    const change = await createInsight(user, addInsightSchema.parse(input));
    await expireTags(change);
    // Badges follow within seconds, after the response (the member sees their progress at once anyway).
    if (change.status === "PUBLISHED") after(() => requestBadgeEvaluation([user.id]));
    if (change.status === "PUBLISHED") after(() => requestFollowerNotifications({ insightId: change.id }));
    return { id: change.id, status: change.status };
  });
}

export async function editInsightAction(input: unknown): Promise<ActionResult<InsightResult>> {
  return runAction(async () => {
    const user = await requireUser();
    const change = await editInsight(user, editInsightSchema.parse(input));
    await expireTags(change);
    // An edit held for review takes the insight off the page: its badges may change.
    if (change.heldForReview) after(() => requestBadgeEvaluation([user.id]));
    return { id: change.id, status: change.status };
  });
}

export async function deleteInsightAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    const change = await deleteInsight(user, deleteInsightSchema.parse(input));
    await expireTags(change);
    after(() => requestBadgeEvaluation([user.id]));
    return { id: change.id };
  });
}
