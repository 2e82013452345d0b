"use server";

import { updateTag } from "next/cache";
import { after } from "next/server";
import { runAction, type ActionResult } from "@/lib/action-result";
import { tags } from "@/lib/cache-tags";
import { decideAppeal } from "@/lib/data/moderation/appeals";
import {
  approveInsight,
  bulkDecide,
  rejectInsight,
  removeInsight,
  restoreInsight,
  type BulkDecisionResult,
} from "@/lib/data/moderation/decisions";
import {
  getModerationQueueItem,
  listModerationQueue,
  type QueueItem,
  type QueuePage,
} from "@/lib/data/moderation/queue";
import type { ModerationChange } from "@/lib/data/moderation/shared";
import type { InsightStatus } from "@/lib/generated/prisma/enums";
import { requestBadgeEvaluation } from "@/lib/jobs/badges";
import { requestFollowerNotifications } from "@/lib/jobs/follows";
import { requireRole } from "@/lib/session";
import {
  bulkDecisionSchema,
  decideAppealSchema,
  decisionSchema,
  insightTargetSchema,
  loadMoreQueueSchema,
  queueItemSchema,
} from "@/lib/validation/moderation";

type DecisionResult = { insightId: string; status: InsightStatus };

const requireModerator = () => requireRole("MODERATOR", "ADMIN");

/**
 * A decision changes what readers see: the article page, the author's profile and the insight's history
 * expire at once, and the author's badges are re-evaluated once the response is sent (after the commit).
 */
function applied(changes: ModerationChange[]): void {
  for (const change of changes) {
    updateTag(tags.article(change.articleId));
    updateTag(tags.memberHandle(change.authorHandle));
    updateTag(tags.insight(change.insightId));
  }
  const authors = [...new Set(changes.map((change) => change.authorId))];
  if (authors.length > 0) after(() => requestBadgeEvaluation(authors));
  // Followers of the article hear of an insight's first publication (the job tells it from a re-approval).
  const published = changes.filter((change) => change.status === "PUBLISHED");
  if (published.length > 0) {
    after(() => requestFollowerNotifications(published.map((change) => ({ insightId: change.insightId }))));
  }
}

function resultOf(change: ModerationChange): DecisionResult {
  return { insightId: change.insightId, status: change.status };
}

export async function approveInsightAction(input: unknown): Promise<ActionResult<DecisionResult>> {
  return runAction(async () => {
    const user = await requireModerator();
    const change = await approveInsight(user, insightTargetSchema.parse(input));
    applied([change]);
    return resultOf(change);
  });
}

export async function rejectInsightAction(input: unknown): Promise<ActionResult<DecisionResult>> {
  return runAction(async () => {
    const user = await requireModerator();
    const change = await rejectInsight(user, decisionSchema.parse(input));
    applied([change]);
    return resultOf(change);
  });
}

export async function removeInsightAction(input: unknown): Promise<ActionResult<DecisionResult>> {
  return runAction(async () => {
    const user = await requireModerator();
    const change = await removeInsight(user, decisionSchema.parse(input));
    applied([change]);
    return resultOf(change);
  });
}

export async function restoreInsightAction(input: unknown): Promise<ActionResult<DecisionResult>> {
  return runAction(async () => {
    const user = await requireModerator();
    const change = await restoreInsight(user, insightTargetSchema.parse(input));
    applied([change]);
    return resultOf(change);
  });
}

export async function bulkDecideAction(
  input: unknown,
): Promise<ActionResult<Omit<BulkDecisionResult, "changes"> & { changes: DecisionResult[] }>> {
  return runAction(async () => {
    const user = await requireModerator();
    const result = await bulkDecide(user, bulkDecisionSchema.parse(input));
    applied(result.changes);
    return { ...result, changes: result.changes.map(resultOf) };
  });
}

export async function decideAppealAction(input: unknown): Promise<ActionResult<DecisionResult>> {
  return runAction(async () => {
    const user = await requireModerator();
    const change = await decideAppeal(user, decideAppealSchema.parse(input));
    applied([change]);
    return resultOf(change);
  });
}

export async function loadMoreQueueAction(input: unknown): Promise<ActionResult<QueuePage>> {
  return runAction(async () => {
    const user = await requireModerator();
    const { filters, cursor } = loadMoreQueueSchema.parse(input);
    return listModerationQueue(user, filters, cursor);
  });
}

/** One queue item as it stands now (after its author edited it), or null when it is no longer waiting. */
export async function reloadQueueItemAction(input: unknown): Promise<ActionResult<QueueItem | null>> {
  return runAction(async () => {
    const user = await requireModerator();
    const { insightId } = queueItemSchema.parse(input);
    return getModerationQueueItem(user, insightId);
  });
}
