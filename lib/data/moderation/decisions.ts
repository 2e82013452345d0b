import "server-only";
import { changed, type Changed } from "@/lib/cache-expiry";
import { db } from "@/lib/db";
import { mayDecide } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import type { DecisionReason } from "@/lib/generated/prisma/enums";
import { queueItemVersion } from "@/lib/validation/moderation";
import { recordAudit } from "../audit";
import { assertPermitted, assertStaff } from "../permissions";
import type { Tx } from "../transaction";
import type { SessionUser } from "../users";
import type { LockedInsight, ModerationChange } from "./shared";
import {
  alreadyHandled,
  changeOf,
  editedSinceSeen,
  lockInsight,
  notifyAuthor,
  publishedBy,
  republish,
  STAFF_ONLY,
} from "./shared";

// A moderator's decisions on an insight: approve, reject, remove and restore, one at a time or in bulk.

/** A decision on one item; `version` is the QueueItem's, when the moderator acts from the queue. */
export type DecisionTarget = { insightId: string; version?: string };
export type DecisionWithReason = DecisionTarget & { reason: DecisionReason; note?: string };

/** The version of a locked insight, as its queue item showed it (see QueueItem.version). */
function versionOf(insight: LockedInsight): string {
  return queueItemVersion(insight.queuedAt?.toISOString() ?? "", insight.editedAt?.toISOString() ?? null);
}

/**
 * Refuses a decision unless the insight is in a state it applies to (`applies`), and, when the moderator
 * acted on a queue item, still the item they saw (`version`): handled and re-queued since is
 * ALREADY_HANDLED, still queued but edited by its author since is EDITED_SINCE_SEEN.
 */
function assertDecidable(
  actor: SessionUser,
  insight: LockedInsight | null,
  applies: (insight: LockedInsight) => boolean,
  version: string | undefined,
): asserts insight is LockedInsight {
  if (!insight) throw new AppError("NOT_FOUND", "Insight not found.");
  assertPermitted(mayDecide(actor, insight), "You cannot moderate your own insight.");
  if (insight.deletedAt) throw new AppError("CONFLICT", "The author deleted this insight.");
  if (version !== undefined && versionOf(insight) !== version) {
    const [seenQueuedAt] = version.split("+");
    const sameQueueEntry = insight.queuedAt !== null && insight.queuedAt.toISOString() === seenQueuedAt;
    throw sameQueueEntry ? editedSinceSeen() : alreadyHandled();
  }
  if (insight.appeal?.status === "OPEN") {
    throw new AppError("CONFLICT", "This decision is under appeal: decide the appeal instead.");
  }
  if (!applies(insight)) throw alreadyHandled();
}

/** Dismisses (approval) or upholds (rejection, removal) the insight's open reports. */
function resolveOpenReports(tx: Tx, insightId: string, resolution: "UPHELD" | "DISMISSED", at: Date) {
  return tx.report.updateMany({
    where: { insightId, resolvedAt: null },
    data: { resolution, resolvedAt: at },
  });
}

function approvable(insight: LockedInsight): boolean {
  return (
    insight.status === "PENDING" ||
    insight.status === "HIDDEN" ||
    (insight.status === "PUBLISHED" && insight.openReportCount > 0)
  );
}

async function approveInTransaction(
  tx: Tx,
  actor: SessionUser,
  input: DecisionTarget,
): Promise<Changed<ModerationChange>> {
  const insight = await lockInsight(tx, input.insightId);
  assertDecidable(actor, insight, approvable, input.version);
  const now = new Date();
  const dismissed = await resolveOpenReports(tx, insight.id, "DISMISSED", now);
  await tx.insight.update({
    where: { id: insight.id },
    data: { ...publishedBy(insight, actor.id, now), openReportCount: 0 },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "insight.approve",
    targetType: "insight",
    targetId: insight.id,
    data: { from: insight.status, dismissedReports: dismissed.count },
  });
  // A published insight whose reports were dismissed never changed for its author: nothing to tell them.
  if (insight.status !== "PUBLISHED") await notifyAuthor(tx, insight, "INSIGHT_APPROVED");
  return changeOf(insight, "PUBLISHED");
}

/**
 * The two decisions that take an insight down with a reason its author is shown: a rejection, of an insight
 * held for review, and a removal, of one readers could see. Both uphold the insight's open reports.
 */
const TAKE_DOWN = {
  reject: {
    applies: (insight: LockedInsight) => insight.status === "PENDING",
    status: "REJECTED",
    action: "insight.reject",
    notice: "INSIGHT_REJECTED",
  },
  remove: {
    applies: (insight: LockedInsight) => insight.status === "PUBLISHED" || insight.status === "HIDDEN",
    status: "REMOVED",
    action: "insight.remove",
    notice: "INSIGHT_REMOVED",
  },
} as const;

async function takeDownInTransaction(
  tx: Tx,
  actor: SessionUser,
  decision: keyof typeof TAKE_DOWN,
  input: DecisionWithReason,
): Promise<Changed<ModerationChange>> {
  const { applies, status, action, notice } = TAKE_DOWN[decision];
  const insight = await lockInsight(tx, input.insightId);
  assertDecidable(actor, insight, applies, input.version);
  const now = new Date();
  const note = input.note ?? null;
  const upheld = await resolveOpenReports(tx, insight.id, "UPHELD", now);
  await tx.insight.update({
    where: { id: insight.id },
    data: {
      status,
      queuedAt: null,
      openReportCount: 0,
      decidedById: actor.id,
      decidedAt: now,
      decisionReason: input.reason,
      decisionNote: note,
    },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action,
    targetType: "insight",
    targetId: insight.id,
    reason: input.reason,
    note,
    // A removal's entry also keeps what the insight was and how many reports it upheld.
    data: decision === "remove" ? { from: insight.status, upheldReports: upheld.count } : undefined,
  });
  await notifyAuthor(tx, insight, notice, { reason: input.reason, message: note });
  return changeOf(insight, status);
}

/** Approves a held or hidden insight (publishing it), or dismisses the open reports on a published one. */
export async function approveInsight(
  actor: SessionUser,
  input: DecisionTarget,
): Promise<Changed<ModerationChange>> {
  assertStaff(actor, STAFF_ONLY);
  return db.$transaction((tx) => approveInTransaction(tx, actor, input));
}

/** Rejects an insight held for review, with a reason (and optional note) its author is shown. */
export async function rejectInsight(
  actor: SessionUser,
  input: DecisionWithReason,
): Promise<Changed<ModerationChange>> {
  assertStaff(actor, STAFF_ONLY);
  return db.$transaction((tx) => takeDownInTransaction(tx, actor, "reject", input));
}

/** Removes a published (or hidden) insight, with a reason its author is shown; its open reports are upheld. */
export async function removeInsight(
  actor: SessionUser,
  input: DecisionWithReason,
): Promise<Changed<ModerationChange>> {
  assertStaff(actor, STAFF_ONLY);
  return db.$transaction((tx) => takeDownInTransaction(tx, actor, "remove", input));
}

/**
 * Undoes a removal: the insight is published again and the reports that led to it no longer count against
 * its author. Not while an appeal is open (decide the appeal), nor after an appeal upheld it (final).
 */
export async function restoreInsight(
  actor: SessionUser,
  input: DecisionTarget,
): Promise<Changed<ModerationChange>> {
  assertStaff(actor, STAFF_ONLY);
  return db.$transaction(async (tx) => {
    const insight = await lockInsight(tx, input.insightId);
    assertDecidable(actor, insight, (i) => i.status === "REMOVED", input.version);
    if (insight.appeal?.status === "UPHELD") {
      throw new AppError("CONFLICT", "An appeal upheld this removal: the outcome is final.");
    }
    const dismissed = await republish(tx, insight, actor.id, new Date());
    await recordAudit(tx, {
      actorId: actor.id,
      action: "insight.restore",
      targetType: "insight",
      targetId: insight.id,
      data: { removedFor: insight.decisionReason, dismissedReports: dismissed },
    });
    await notifyAuthor(tx, insight, "INSIGHT_RESTORED");
    return changeOf(insight, "PUBLISHED");
  });
}

export type BulkDecisionResult = Changed<{
  changes: ModerationChange[];
  /** items another moderator decided first (or that left and rejoined the queue since they were listed) */
  alreadyHandled: string[];
  /** items their author edited since they were listed: not decided, to be reviewed again with the new text */
  changed: string[];
  /** items refused for another reason (one's own insight, not found), with the reason */
  skipped: { insightId: string; message: string }[];
}>;

/**
 * Approves or rejects several items, each in its own transaction and at the version the moderator saw: one
 * item handled by someone else or edited by its author in the meantime does not stop the others, and is
 * reported back instead. The tags are those of every insight decided.
 */
export async function bulkDecide(
  actor: SessionUser,
  input: { items: DecisionTarget[]; action: "approve" | "reject"; reason?: DecisionReason; note?: string },
): Promise<BulkDecisionResult> {
  assertStaff(actor, STAFF_ONLY);
  const { reason } = input;
  if (input.action === "reject" && !reason) {
    throw new AppError("INVALID_INPUT", "Choose a reason.", { fieldErrors: { reason: "Choose a reason." } });
  }
  const decided: Changed<ModerationChange>[] = [];
  const handled: string[] = [];
  const edited: string[] = [];
  const skipped: { insightId: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const { insightId, version } of input.items) {
    if (seen.has(insightId)) continue;
    seen.add(insightId);
    try {
      decided.push(
        await db.$transaction((tx) =>
          input.action === "approve" || !reason
            ? approveInTransaction(tx, actor, { insightId, version })
            : takeDownInTransaction(tx, actor, "reject", { insightId, version, reason, note: input.note }),
        ),
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.reason === "ALREADY_HANDLED") handled.push(insightId);
      else if (error.reason === "EDITED_SINCE_SEEN") edited.push(insightId);
      else skipped.push({ insightId, message: error.message });
    }
  }
  return changed(
    { changes: decided, alreadyHandled: handled, changed: edited, skipped },
    decided.flatMap((change) => change.tags),
  );
}
