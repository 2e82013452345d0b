"use server";

import { after } from "next/server";
import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags, type CacheChange } from "@/lib/cache-expiry";
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
import { isStaff } from "@/lib/domain/permissions";
import type { InsightStatus } from "@/lib/generated/prisma/enums";
import { requestBadgeEvaluation } from "@/lib/jobs/badges";
import { requestFollowerNotifications } from "@/lib/jobs/follows";
import { requireUser } from "@/lib/session";
import {
  bulkDecisionSchema,
  decideAppealSchema,
  decisionSchema,
  insightTargetSchema,
  loadMoreQueueSchema,
  queueItemSchema,
} from "@/lib/validation/moderation";

type DecisionResult = { insightId: string; status: InsightStatus };
/** What the queue hears of a bulk decision: each item's fate, without the tags it expired. */
type BulkDecisionOutcome = Omit<BulkDecisionResult, "changes" | keyof CacheChange> & {
  changes: DecisionResult[];
};

const requireModerator = () => requireUser(isStaff);

/**
 * A decision changes what readers see: the pages it names (the article, the author's profile, the insight's
 * history) expire at once, and the author's badges are re-evaluated once the response is sent (after the
 * commit).
 */
async function applied(expired: CacheChange, changes: ModerationChange[]): Promise<void> {
  await expireTags(expired);
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
    await applied(change, [change]);
    return resultOf(change);
  });
}

export async function rejectInsightAction(input: unknown): Promise<ActionResult<DecisionResult>> {
  return runAction(async () => {
    const user = await requireModerator();
    const change = await rejectInsight(user, decisionSchema.parse(input));
    await applied(change, [change]);
    return resultOf(change);
  });
}

export async function removeInsightAction(input: unknown): Promise<ActionResult<DecisionResult>> {
  return runAction(async () => {
    const user = await requireModerator();
    const change = await removeInsight(user, decisionSchema.parse(input));
    await applied(change, [change]);
    return resultOf(change);
  });
}

export async function restoreInsightAction(input: unknown): Promise<ActionResult<DecisionResult>> {
  return runAction(async () => {
    const user = await requireModerator();
    const change = await restoreInsight(user, insightTargetSchema.parse(input));
    await applied(change, [change]);
    return resultOf(change);
  });
}

export async function bulkDecideAction(input: unknown): Promise<ActionResult<BulkDecisionOutcome>> {
  return runAction(async () => {
    const user = await requireModerator();
    const result = await bulkDecide(user, bulkDecisionSchema.parse(input));
    await applied(result, result.changes);
    const { changes, alreadyHandled, changed, skipped } = result;
    return { changes: changes.map(resultOf), alreadyHandled, changed, skipped };
  });
}

export async function decideAppealAction(input: unknown): Promise<ActionResult<DecisionResult>> {
  return runAction(async () => {
    const user = await requireModerator();
    const change = await decideAppeal(user, decideAppealSchema.parse(input));
    await applied(change, [change]);
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
