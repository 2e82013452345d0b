import "server-only";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import {
  AUDIT_ACTIONS,
  DECISION_REASON_LABELS,
  EDITED_SINCE_SEEN,
  publicModerationLine,
  REPORTS_TO_HIDE,
  type AuditAction,
  type AuditTargetType,
} from "@/lib/domain/moderation";
import { AppError, uniqueViolation } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type {
  AppealStatus,
  DecisionReason,
  InsightStatus,
  ReportReason,
  UserStatus,
} from "@/lib/generated/prisma/enums";
import { describeAutoFlags } from "@/lib/domain/auto-checks";
import { decodePageCursor, queueItemVersion } from "@/lib/validation/moderation";
import { recordAudit } from "./audit";
import { loadBlockedTerms } from "./blocked-terms";
import { cached } from "./cache";
import { notifyMember } from "./notifications";
import type { Tx } from "./transaction";
import { listMemberTrust } from "./trust";
import { accountBlock, describeBlock, type SessionUser } from "./users";

// The moderation data layer: the review queue, decisions (approve, reject, remove, restore), reports,
// appeals and the audit log. Every decision locks the insight's row, checks the state it expects and
// refuses with CONFLICT when another moderator got there first: nothing is applied twice, and each applied
// action writes exactly one audit row in the same transaction as the change.

export type QueueKind = "pending" | "reported" | "hidden" | "appeal";
export type QueueFilters = { kind?: QueueKind; domainSlug?: string; reason?: ReportReason };
export type QueueItem = {
  insightId: string;
  kind: QueueKind;
  /** ISO: when the item joined the queue */
  queuedAt: string;
  /**
   * What the moderator sees, as a version: when it was queued and when its text last changed. Pass it back
   * with a decision, which is refused if the item changed since (another moderator, or the author edited it).
   */
  version: string;
  status: InsightStatus;
  body: string;
  createdAt: string;
  editedAt: string | null;
  article: { title: string; slug: string };
  section: { title: string; anchor: string; body: string };
  domain: { name: string; slug: string };
  author: {
    id: string;
    name: string;
    handle: string;
    joinedAt: string;
    trust: "NEW" | "TRUSTED";
    status: UserStatus;
    published: number;
    rejected: number;
    removed: number;
  };
  autoFlags: { code: string; label: string }[];
  /** open reports for pending, reported and hidden items; every report for an appeal */
  reports: { reason: ReportReason; note: string | null; createdAt: string; reporterHandle: string }[];
  /** the last decision (for an appeal: the one appealed) */
  decision: {
    reason: DecisionReason | null;
    note: string | null;
    decidedAt: string;
    moderatorName: string;
  } | null;
  appeal: { id: string; message: string; createdAt: string; moderatorId: string | null } | null;
};
export type QueuePage = { items: QueueItem[]; nextCursor: string | null };
export type ModerationChange = {
  insightId: string;
  articleId: string;
  authorId: string;
  authorHandle: string;
  status: InsightStatus;
};
export type OwnModerationNote = {
  reason: DecisionReason | null;
  note: string | null;
  decidedAt: string | null;
  appeal: { status: AppealStatus; createdAt: string } | null;
  canAppeal: boolean;
};
export type AuditLogFilters = {
  action?: AuditAction;
  actorHandle?: string;
  targetType?: AuditTargetType;
  targetId?: string;
  cursor?: string;
};
export type AuditLogEntry = {
  id: string;
  at: string;
  actor: { name: string; handle: string };
  action: AuditAction;
  actionLabel: string;
  targetType: string;
  targetId: string;
  targetLabel: string | null;
  targetHref: string | null;
  /** readable: a decision reason's label, or the reason as written */
  reason: string | null;
  /** as stored: a DecisionReason or ReportReason code, or a short reason */
  reasonCode: string | null;
  note: string | null;
};
export type AuditLogPage = { entries: AuditLogEntry[]; nextCursor: string | null };

/** A decision on one item; `version` is the QueueItem's, when the moderator acts from the queue. */
export type DecisionTarget = { insightId: string; version?: string };
export type DecisionWithReason = DecisionTarget & { reason: DecisionReason; note?: string };

export const QUEUE_PAGE_SIZE = 20;
export const AUDIT_PAGE_SIZE = 50;
/** At most this many ids per "which of these" lookup (a page of insights is far fewer). */
const MAX_LOOKUP_IDS = 500;

export const ALREADY_HANDLED = "Another moderator already handled this item.";

// ---------------------------------------------------------------------------------------------------------
// Permissions and locking

function isModerator(actor: SessionUser): boolean {
  return actor.role === "MODERATOR" || actor.role === "ADMIN";
}

function assertModerator(actor: SessionUser): void {
  if (!isModerator(actor)) throw new AppError("FORBIDDEN", "Only moderators can do this.");
}

/** The acting member's account, re-read: a suspension that began mid-session stops reports and appeals. */
async function assertActiveAccount(tx: Tx, userId: string): Promise<void> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { status: true, statusReason: true, statusUntil: true },
  });
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  const block = accountBlock(user);
  if (block) throw new AppError("FORBIDDEN", describeBlock(block));
}

type LockedInsight = {
  id: string;
  authorId: string;
  authorHandle: string;
  authorStatus: UserStatus;
  articleId: string;
  articleStatus: string;
  status: InsightStatus;
  queuedAt: Date | null;
  editedAt: Date | null;
  publishedAt: Date | null;
  deletedAt: Date | null;
  openReportCount: number;
  decidedById: string | null;
  decisionReason: DecisionReason | null;
  appeal: { id: string; status: AppealStatus; moderatorId: string | null } | null;
};

/**
 * Locks an insight's row for the rest of the transaction and reads it afresh. The read is a separate
 * statement after the lock, so under READ COMMITTED it sees whatever the transaction we waited for committed.
 */
async function lockInsight(tx: Tx, insightId: string): Promise<LockedInsight | null> {
  // Locks in the order the rest of the app takes them, the author's row before their insight's (posting,
  // editing and sanctions lock the member FOR UPDATE, then the insights): the notification and report rows
  // written below take this KEY SHARE lock on the author anyway, and taking it only after the insight's
  // lock could deadlock with the author editing that insight at the same moment.
  await tx.$queryRaw`
    SELECT u."id" FROM "User" u JOIN "Insight" i ON i."authorId" = u."id"
    WHERE i."id" = ${insightId} FOR KEY SHARE OF u`;
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "Insight" WHERE "id" = ${insightId} FOR UPDATE`;
  if (locked.length === 0) return null;
  const row = await tx.insight.findUniqueOrThrow({
    where: { id: insightId },
    select: {
      id: true,
      authorId: true,
      status: true,
      queuedAt: true,
      editedAt: true,
      publishedAt: true,
      deletedAt: true,
      openReportCount: true,
      decidedById: true,
      decisionReason: true,
      author: { select: { handle: true, status: true } },
      section: { select: { articleId: true, article: { select: { status: true } } } },
      appeal: { select: { id: true, status: true, moderatorId: true } },
    },
  });
  return {
    id: row.id,
    authorId: row.authorId,
    authorHandle: row.author.handle,
    authorStatus: row.author.status,
    articleId: row.section.articleId,
    articleStatus: row.section.article.status,
    status: row.status,
    queuedAt: row.queuedAt,
    editedAt: row.editedAt,
    publishedAt: row.publishedAt,
    deletedAt: row.deletedAt,
    openReportCount: row.openReportCount,
    decidedById: row.decidedById,
    decisionReason: row.decisionReason,
    appeal: row.appeal,
  };
}

function changeOf(insight: LockedInsight, status: InsightStatus): ModerationChange {
  return {
    insightId: insight.id,
    articleId: insight.articleId,
    authorId: insight.authorId,
    authorHandle: insight.authorHandle,
    status,
  };
}

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
  if (insight.authorId === actor.id) {
    throw new AppError("FORBIDDEN", "You cannot moderate your own insight.");
  }
  if (insight.deletedAt) throw new AppError("CONFLICT", "The author deleted this insight.");
  if (version !== undefined && versionOf(insight) !== version) {
    const [seenQueuedAt] = version.split("+");
    const sameQueueEntry = insight.queuedAt !== null && insight.queuedAt.toISOString() === seenQueuedAt;
    throw new AppError("CONFLICT", sameQueueEntry ? EDITED_SINCE_SEEN : ALREADY_HANDLED);
  }
  if (insight.appeal?.status === "OPEN") {
    throw new AppError("CONFLICT", "This decision is under appeal: decide the appeal instead.");
  }
  if (!applies(insight)) throw new AppError("CONFLICT", ALREADY_HANDLED);
}

const groupKeyOf = (insightId: string, kind: string) => `moderation:${insightId}:${kind}`;

/** Dismisses (approval) or upholds (rejection, removal) the insight's open reports. */
function resolveOpenReports(tx: Tx, insightId: string, resolution: "UPHELD" | "DISMISSED", at: Date) {
  return tx.report.updateMany({
    where: { insightId, resolvedAt: null },
    data: { resolution, resolvedAt: at },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Decisions

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
): Promise<ModerationChange> {
  const insight = await lockInsight(tx, input.insightId);
  assertDecidable(actor, insight, approvable, input.version);
  const now = new Date();
  const dismissed = await resolveOpenReports(tx, insight.id, "DISMISSED", now);
  await tx.insight.update({
    where: { id: insight.id },
    data: {
      status: "PUBLISHED",
      publishedAt: insight.publishedAt ?? now,
      queuedAt: null,
      openReportCount: 0,
      decidedById: actor.id,
      decidedAt: now,
      decisionReason: null,
      decisionNote: null,
    },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "insight.approve",
    targetType: "insight",
    targetId: insight.id,
    data: { from: insight.status, dismissedReports: dismissed.count },
  });
  // A published insight whose reports were dismissed never changed for its author: nothing to tell them.
  if (insight.status !== "PUBLISHED") {
    await notifyMember(tx, {
      userId: insight.authorId,
      kind: "INSIGHT_APPROVED",
      groupKey: groupKeyOf(insight.id, "INSIGHT_APPROVED"),
      insightId: insight.id,
    });
  }
  return changeOf(insight, "PUBLISHED");
}

async function rejectInTransaction(
  tx: Tx,
  actor: SessionUser,
  input: DecisionWithReason,
): Promise<ModerationChange> {
  const insight = await lockInsight(tx, input.insightId);
  assertDecidable(actor, insight, (i) => i.status === "PENDING", input.version);
  const now = new Date();
  const note = input.note ?? null;
  await resolveOpenReports(tx, insight.id, "UPHELD", now);
  await tx.insight.update({
    where: { id: insight.id },
    data: {
      status: "REJECTED",
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
    action: "insight.reject",
    targetType: "insight",
    targetId: insight.id,
    reason: input.reason,
    note,
  });
  await notifyMember(tx, {
    userId: insight.authorId,
    kind: "INSIGHT_REJECTED",
    groupKey: groupKeyOf(insight.id, "INSIGHT_REJECTED"),
    insightId: insight.id,
    reason: input.reason,
    message: note,
  });
  return changeOf(insight, "REJECTED");
}

/** Approves a held or hidden insight (publishing it), or dismisses the open reports on a published one. */
export async function approveInsight(actor: SessionUser, input: DecisionTarget): Promise<ModerationChange> {
  assertModerator(actor);
  return db.$transaction((tx) => approveInTransaction(tx, actor, input));
}

/** Rejects an insight held for review, with a reason (and optional note) its author is shown. */
export async function rejectInsight(
  actor: SessionUser,
  input: DecisionWithReason,
): Promise<ModerationChange> {
  assertModerator(actor);
  return db.$transaction((tx) => rejectInTransaction(tx, actor, input));
}

/** Removes a published (or hidden) insight, with a reason its author is shown; its open reports are upheld. */
export async function removeInsight(
  actor: SessionUser,
  input: DecisionWithReason,
): Promise<ModerationChange> {
  assertModerator(actor);
  return db.$transaction(async (tx) => {
    const insight = await lockInsight(tx, input.insightId);
    assertDecidable(actor, insight, (i) => i.status === "PUBLISHED" || i.status === "HIDDEN", input.version);
    const now = new Date();
    const note = input.note ?? null;
    const upheld = await resolveOpenReports(tx, insight.id, "UPHELD", now);
    await tx.insight.update({
      where: { id: insight.id },
      data: {
        status: "REMOVED",
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
      action: "insight.remove",
      targetType: "insight",
      targetId: insight.id,
      reason: input.reason,
      note,
      data: { from: insight.status, upheldReports: upheld.count },
    });
    await notifyMember(tx, {
      userId: insight.authorId,
      kind: "INSIGHT_REMOVED",
      groupKey: groupKeyOf(insight.id, "INSIGHT_REMOVED"),
      insightId: insight.id,
      reason: input.reason,
      message: note,
    });
    return changeOf(insight, "REMOVED");
  });
}

/**
 * Undoes a removal: the insight is published again and the reports that led to it no longer count against
 * its author. Not while an appeal is open (decide the appeal), nor after an appeal upheld it (final).
 */
export async function restoreInsight(actor: SessionUser, input: DecisionTarget): Promise<ModerationChange> {
  assertModerator(actor);
  return db.$transaction(async (tx) => {
    const insight = await lockInsight(tx, input.insightId);
    assertDecidable(actor, insight, (i) => i.status === "REMOVED", input.version);
    if (insight.appeal?.status === "UPHELD") {
      throw new AppError("CONFLICT", "An appeal upheld this removal: the outcome is final.");
    }
    const now = new Date();
    const dismissed = await tx.report.updateMany({
      where: { insightId: insight.id, resolution: "UPHELD" },
      data: { resolution: "DISMISSED", resolvedAt: now },
    });
    await tx.insight.update({
      where: { id: insight.id },
      data: {
        status: "PUBLISHED",
        publishedAt: insight.publishedAt ?? now,
        queuedAt: null,
        decidedById: actor.id,
        decidedAt: now,
        decisionReason: null,
        decisionNote: null,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "insight.restore",
      targetType: "insight",
      targetId: insight.id,
      data: { removedFor: insight.decisionReason, dismissedReports: dismissed.count },
    });
    await notifyMember(tx, {
      userId: insight.authorId,
      kind: "INSIGHT_RESTORED",
      groupKey: groupKeyOf(insight.id, "INSIGHT_RESTORED"),
      insightId: insight.id,
    });
    return changeOf(insight, "PUBLISHED");
  });
}

export type BulkDecisionResult = {
  changes: ModerationChange[];
  /** items another moderator decided first (or that left and rejoined the queue since they were listed) */
  alreadyHandled: string[];
  /** items their author edited since they were listed: not decided, to be reviewed again with the new text */
  changed: string[];
  /** items refused for another reason (one's own insight, not found), with the reason */
  skipped: { insightId: string; message: string }[];
};

/**
 * Approves or rejects several items, each in its own transaction and at the version the moderator saw: one
 * item handled by someone else or edited by its author in the meantime does not stop the others, and is
 * reported back instead.
 */
export async function bulkDecide(
  actor: SessionUser,
  input: { items: DecisionTarget[]; action: "approve" | "reject"; reason?: DecisionReason; note?: string },
): Promise<BulkDecisionResult> {
  assertModerator(actor);
  const { reason } = input;
  if (input.action === "reject" && !reason) {
    throw new AppError("INVALID_INPUT", "Choose a reason.", { fieldErrors: { reason: "Choose a reason." } });
  }
  const result: BulkDecisionResult = { changes: [], alreadyHandled: [], changed: [], skipped: [] };
  const seen = new Set<string>();
  for (const { insightId, version } of input.items) {
    if (seen.has(insightId)) continue;
    seen.add(insightId);
    try {
      const change = await db.$transaction((tx) =>
        input.action === "approve" || !reason
          ? approveInTransaction(tx, actor, { insightId, version })
          : rejectInTransaction(tx, actor, { insightId, version, reason, note: input.note }),
      );
      result.changes.push(change);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "CONFLICT" && error.message === ALREADY_HANDLED)
        result.alreadyHandled.push(insightId);
      else if (error.code === "CONFLICT" && error.message === EDITED_SINCE_SEEN)
        result.changed.push(insightId);
      else result.skipped.push({ insightId, message: error.message });
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Reports

/**
 * A member reports a published insight once, with a reason. Every report joins the queue; at the
 * REPORTS_TO_HIDE-th open report from different members the insight is hidden at once, pending review.
 * The audit log records that hiding as "insight.hide" with the member whose report triggered it as the
 * actor (no moderator acted).
 */
export async function reportInsight(
  actor: SessionUser,
  input: { insightId: string; reason: ReportReason; note?: string },
): Promise<{ hidden: boolean; change: ModerationChange | null }> {
  try {
    return await db.$transaction(async (tx) => {
      await assertActiveAccount(tx, actor.id);
      const insight = await lockInsight(tx, input.insightId);
      // Only what readers can see can be reported.
      if (
        !insight ||
        insight.deletedAt ||
        insight.authorStatus !== "ACTIVE" ||
        insight.articleStatus !== "PUBLISHED" ||
        (insight.status !== "PUBLISHED" && insight.status !== "HIDDEN")
      ) {
        throw new AppError("NOT_FOUND", "Insight not found.");
      }
      if (insight.authorId === actor.id) {
        throw new AppError("FORBIDDEN", "You cannot report your own insight.");
      }
      const earlier = await tx.report.findUnique({
        where: { insightId_reporterId: { insightId: insight.id, reporterId: actor.id } },
        select: { id: true },
      });
      if (earlier) throw new AppError("CONFLICT", "You have already reported this insight.");
      if (insight.status === "HIDDEN") {
        throw new AppError("CONFLICT", "This insight is already hidden pending review.");
      }

      await tx.report.create({
        data: {
          insightId: insight.id,
          reporterId: actor.id,
          authorId: insight.authorId,
          reason: input.reason,
          note: input.note ?? null,
        },
        select: { id: true },
      });
      // One report per member per insight (unique index): the open reports come from as many members.
      const openReports = insight.openReportCount + 1;
      const hide = openReports >= REPORTS_TO_HIDE;
      await tx.insight.update({
        where: { id: insight.id },
        data: {
          openReportCount: openReports,
          queuedAt: insight.queuedAt ?? new Date(),
          ...(hide ? { status: "HIDDEN" } : {}),
        },
      });
      if (!hide) return { hidden: false, change: null };
      await recordAudit(tx, {
        actorId: actor.id,
        action: "insight.hide",
        targetType: "insight",
        targetId: insight.id,
        data: { openReports, automatic: true },
      });
      await notifyMember(tx, {
        userId: insight.authorId,
        kind: "INSIGHT_HIDDEN",
        groupKey: groupKeyOf(insight.id, "INSIGHT_HIDDEN"),
        insightId: insight.id,
      });
      return { hidden: true, change: changeOf(insight, "HIDDEN") };
    });
  } catch (error) {
    if (uniqueViolation(error)?.includes("reporterId")) {
      throw new AppError("CONFLICT", "You have already reported this insight.");
    }
    throw error;
  }
}

/** Which of these insights the viewer has already reported. */
export async function listViewerReports(actor: SessionUser, insightIds: string[]): Promise<string[]> {
  const ids = [...new Set(insightIds)].slice(0, MAX_LOOKUP_IDS);
  if (ids.length === 0) return [];
  const rows = await db.report.findMany({
    where: { reporterId: actor.id, insightId: { in: ids } },
    select: { insightId: true },
  });
  return rows.map((row) => row.insightId);
}

// ---------------------------------------------------------------------------------------------------------
// Appeals

/** The author appeals the rejection or removal of their insight, once, with a message. It joins the queue. */
export async function appealDecision(
  actor: SessionUser,
  input: { insightId: string; message: string },
): Promise<{ appealId: string }> {
  try {
    return await db.$transaction(async (tx) => {
      await assertActiveAccount(tx, actor.id);
      const insight = await lockInsight(tx, input.insightId);
      if (!insight || insight.deletedAt) throw new AppError("NOT_FOUND", "Insight not found.");
      if (insight.authorId !== actor.id) {
        throw new AppError("FORBIDDEN", "Only the author can appeal this decision.");
      }
      if (insight.appeal) throw new AppError("CONFLICT", "You have already appealed this decision.");
      if (insight.status !== "REJECTED" && insight.status !== "REMOVED") {
        throw new AppError("CONFLICT", "Only a rejected or removed insight can be appealed.");
      }
      const appeal = await tx.appeal.create({
        data: {
          insightId: insight.id,
          authorId: actor.id,
          moderatorId: insight.decidedById,
          message: input.message,
        },
        select: { id: true },
      });
      await tx.insight.update({ where: { id: insight.id }, data: { queuedAt: new Date() } });
      return { appealId: appeal.id };
    });
  } catch (error) {
    if (uniqueViolation(error)?.includes("insightId")) {
      throw new AppError("CONFLICT", "You have already appealed this decision.");
    }
    throw error;
  }
}

/**
 * A moderator other than the one whose decision is appealed decides the appeal: UPHELD leaves the decision
 * as it is, OVERTURNED publishes the insight. The outcome is final and notified to the author.
 */
export async function decideAppeal(
  actor: SessionUser,
  input: { appealId: string; outcome: "UPHELD" | "OVERTURNED"; note?: string },
): Promise<ModerationChange> {
  assertModerator(actor);
  return db.$transaction(async (tx) => {
    const target = await tx.appeal.findUnique({ where: { id: input.appealId }, select: { insightId: true } });
    if (!target) throw new AppError("NOT_FOUND", "Appeal not found.");
    const insight = await lockInsight(tx, target.insightId);
    const appeal = insight?.appeal;
    if (!insight || !appeal) throw new AppError("NOT_FOUND", "Appeal not found.");
    if (appeal.status !== "OPEN") throw new AppError("CONFLICT", ALREADY_HANDLED);
    if (insight.authorId === actor.id) {
      throw new AppError("FORBIDDEN", "You cannot decide an appeal about your own insight.");
    }
    if (appeal.moderatorId === actor.id) {
      throw new AppError(
        "FORBIDDEN",
        "You made the decision this appeal contests: another moderator must decide it.",
      );
    }
    if (insight.deletedAt) throw new AppError("CONFLICT", "The author deleted this insight.");

    const now = new Date();
    const note = input.note ?? null;
    const overturned = input.outcome === "OVERTURNED";
    await tx.appeal.update({
      where: { id: appeal.id },
      data: { status: input.outcome, resolvedById: actor.id, resolvedAt: now, outcomeNote: note },
    });
    if (overturned) {
      await tx.report.updateMany({
        where: { insightId: insight.id, resolution: "UPHELD" },
        data: { resolution: "DISMISSED", resolvedAt: now },
      });
    }
    await tx.insight.update({
      where: { id: insight.id },
      data: overturned
        ? {
            status: "PUBLISHED",
            publishedAt: insight.publishedAt ?? now,
            queuedAt: null,
            decidedById: actor.id,
            decidedAt: now,
            decisionReason: null,
            decisionNote: null,
          }
        : { queuedAt: null },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: overturned ? "appeal.overturn" : "appeal.uphold",
      targetType: "appeal",
      targetId: appeal.id,
      reason: input.outcome,
      note,
      data: { insightId: insight.id, decision: insight.status, decisionReason: insight.decisionReason },
    });
    await notifyMember(tx, {
      userId: insight.authorId,
      kind: "APPEAL_DECIDED",
      groupKey: `appeal:${appeal.id}`,
      insightId: insight.id,
      reason: input.outcome,
      message: note,
    });
    return changeOf(insight, overturned ? "PUBLISHED" : insight.status);
  });
}

/**
 * What the author of these insights should know about their moderation: the reason and note of the last
 * decision, their appeal, and whether they may still appeal. Insights of other members are left out.
 */
export async function listOwnModerationNotes(
  actor: SessionUser,
  insightIds: string[],
): Promise<Record<string, OwnModerationNote>> {
  const ids = [...new Set(insightIds)].slice(0, MAX_LOOKUP_IDS);
  if (ids.length === 0) return {};
  const rows = await db.insight.findMany({
    where: { id: { in: ids }, authorId: actor.id, deletedAt: null },
    select: {
      id: true,
      status: true,
      decisionReason: true,
      decisionNote: true,
      decidedAt: true,
      appeal: { select: { status: true, createdAt: true } },
    },
  });
  const notes: Record<string, OwnModerationNote> = {};
  for (const row of rows) {
    notes[row.id] = {
      reason: row.decisionReason,
      note: row.decisionNote,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      appeal: row.appeal
        ? { status: row.appeal.status, createdAt: row.appeal.createdAt.toISOString() }
        : null,
      canAppeal: (row.status === "REJECTED" || row.status === "REMOVED") && !row.appeal,
    };
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------------------
// The queue

type Cursor = { at: string; id: string };

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string, what: string): Cursor {
  const decoded = decodePageCursor(cursor);
  if (!decoded) throw new AppError("INVALID_INPUT", `That page of the ${what} does not exist.`);
  return decoded;
}

type QueueRow = {
  id: string;
  status: InsightStatus;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  queuedAt: Date;
  autoFlags: string[];
  decisionReason: DecisionReason | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  moderatorName: string | null;
  articleTitle: string;
  articleSlug: string;
  sectionTitle: string;
  sectionAnchor: string;
  sectionBody: string;
  domainName: string;
  domainSlug: string;
  authorId: string;
  authorName: string;
  authorHandle: string;
  authorJoinedAt: Date;
  authorStatus: UserStatus;
  appealId: string | null;
  appealMessage: string | null;
  appealCreatedAt: Date | null;
  appealModeratorId: string | null;
};

function kindOf(row: { status: InsightStatus; appealId: string | null }): QueueKind {
  if (row.appealId) return "appeal";
  if (row.status === "HIDDEN") return "hidden";
  if (row.status === "PENDING") return "pending";
  return "reported";
}

const kindCondition: Record<QueueKind, Prisma.Sql> = {
  pending: Prisma.sql`i."status" = 'PENDING' AND ap."id" IS NULL`,
  reported: Prisma.sql`i."status" = 'PUBLISHED' AND ap."id" IS NULL`,
  hidden: Prisma.sql`i."status" = 'HIDDEN' AND ap."id" IS NULL`,
  appeal: Prisma.sql`ap."id" IS NOT NULL`,
};

/**
 * How many of each author's insights were rejected and removed (deleted ones included: deleting does not
 * wipe a record): one grouped query for the page. Published counts come with trust (lib/data/trust.ts).
 */
async function authorDecisions(authorIds: string[]) {
  const decisions = new Map<string, { rejected: number; removed: number }>();
  if (authorIds.length === 0) return decisions;
  const rows = await db.$queryRaw<{ authorId: string; rejected: number; removed: number }[]>`
    SELECT "authorId",
           count(*) FILTER (WHERE "status" = 'REJECTED')::int AS "rejected",
           count(*) FILTER (WHERE "status" = 'REMOVED')::int AS "removed"
    FROM "Insight"
    WHERE "authorId" IN (${Prisma.join(authorIds)}) AND "status" IN ('REJECTED', 'REMOVED')
    GROUP BY "authorId"`;
  for (const row of rows) decisions.set(row.authorId, row);
  return decisions;
}

/**
 * The review queue, oldest first, a page at a time: insights held for review, reported, hidden by reports,
 * or whose rejection or removal is appealed. Each item carries its context (article, section), its author's
 * standing and history, the automatic checks' findings, its reports and the decision appealed.
 */
export async function listModerationQueue(
  actor: SessionUser,
  filters: QueueFilters,
  cursor?: string,
): Promise<QueuePage> {
  assertModerator(actor);
  const after = cursor ? decodeCursor(cursor, "queue") : null;
  const conditions: Prisma.Sql[] = [Prisma.sql`i."queuedAt" IS NOT NULL`, Prisma.sql`i."deletedAt" IS NULL`];
  if (filters.kind) conditions.push(kindCondition[filters.kind]);
  if (filters.domainSlug) {
    conditions.push(Prisma.sql`(d."slug" = ${filters.domainSlug} OR pd."slug" = ${filters.domainSlug})`);
  }
  if (filters.reason) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "Report" r
      WHERE r."insightId" = i."id" AND r."resolvedAt" IS NULL AND r."reason" = ${filters.reason}::"ReportReason")`);
  }
  if (after) {
    // Stored timestamps are UTC without a zone; the cursor's ISO text cast to timestamp reads as the same.
    conditions.push(Prisma.sql`(i."queuedAt", i."id") > (${after.at}::timestamp(3), ${after.id})`);
  }
  const rows = await queueRows(conditions, QUEUE_PAGE_SIZE + 1);
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  const nextCursor = rows.length > QUEUE_PAGE_SIZE && last ? encodeCursor(last.queuedAt, last.id) : null;
  return { items: await queueItemsOf(page), nextCursor };
}

/**
 * One item of the review queue as it stands now (to show a moderator the new text after its author edited
 * it), or null when it is no longer waiting.
 */
export async function getModerationQueueItem(
  actor: SessionUser,
  insightId: string,
): Promise<QueueItem | null> {
  assertModerator(actor);
  const rows = await queueRows(
    [
      Prisma.sql`i."id" = ${insightId}`,
      Prisma.sql`i."queuedAt" IS NOT NULL`,
      Prisma.sql`i."deletedAt" IS NULL`,
    ],
    1,
  );
  const [item] = await queueItemsOf(rows);
  return item ?? null;
}

/** The queue's rows matching these conditions, oldest first (Insight(queuedAt) index). */
function queueRows(conditions: Prisma.Sql[], limit: number): Promise<QueueRow[]> {
  return db.$queryRaw<QueueRow[]>`
    SELECT i."id", i."status", i."body", i."createdAt", i."editedAt", i."queuedAt", i."autoFlags",
           i."decisionReason", i."decisionNote", i."decidedAt", dm."name" AS "moderatorName",
           a."title" AS "articleTitle", a."slug" AS "articleSlug",
           s."title" AS "sectionTitle", s."anchor" AS "sectionAnchor", s."body" AS "sectionBody",
           d."name" AS "domainName", d."slug" AS "domainSlug",
           u."id" AS "authorId", u."name" AS "authorName", u."handle" AS "authorHandle",
           u."createdAt" AS "authorJoinedAt", u."status" AS "authorStatus",
           ap."id" AS "appealId", ap."message" AS "appealMessage", ap."createdAt" AS "appealCreatedAt",
           ap."moderatorId" AS "appealModeratorId"
    FROM "Insight" i
    JOIN "Section" s ON s."id" = i."sectionId"
    JOIN "Article" a ON a."id" = s."articleId"
    JOIN "Domain" d ON d."id" = a."domainId"
    LEFT JOIN "Domain" pd ON pd."id" = d."parentId"
    JOIN "User" u ON u."id" = i."authorId"
    LEFT JOIN "User" dm ON dm."id" = i."decidedById"
    LEFT JOIN "Appeal" ap ON ap."insightId" = i."id" AND ap."status" = 'OPEN'
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY i."queuedAt", i."id"
    LIMIT ${limit}`;
}

/** Queue items with their context: the reports, the authors' standing and history, the checks' findings. */
async function queueItemsOf(page: QueueRow[]): Promise<QueueItem[]> {
  if (page.length === 0) return [];
  const now = new Date();
  const insightIds = page.map((row) => row.id);
  const authorIds = [...new Set(page.map((row) => row.authorId))];
  const needsTerms = page.some((row) => row.autoFlags.includes("blocked-term"));
  const [reports, decisions, trusts, blockedTerms] = await Promise.all([
    db.report.findMany({
      where: { insightId: { in: insightIds } },
      select: {
        insightId: true,
        reason: true,
        note: true,
        createdAt: true,
        resolvedAt: true,
        reporter: { select: { handle: true } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    authorDecisions(authorIds),
    listMemberTrust(db, authorIds, now),
    needsTerms ? loadBlockedTerms() : [],
  ]);

  return page.map((row): QueueItem => {
    const kind = kindOf(row);
    const decided = decisions.get(row.authorId) ?? { rejected: 0, removed: 0 };
    const trust = trusts.get(row.authorId);
    return {
      insightId: row.id,
      kind,
      queuedAt: row.queuedAt.toISOString(),
      version: queueItemVersion(row.queuedAt.toISOString(), row.editedAt?.toISOString() ?? null),
      status: row.status,
      body: row.body,
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
      article: { title: row.articleTitle, slug: row.articleSlug },
      section: { title: row.sectionTitle, anchor: row.sectionAnchor, body: row.sectionBody },
      domain: { name: row.domainName, slug: row.domainSlug },
      author: {
        id: row.authorId,
        name: row.authorName,
        handle: row.authorHandle,
        joinedAt: row.authorJoinedAt.toISOString(),
        trust: trust?.trust ?? "NEW",
        status: row.authorStatus,
        published: trust?.publishedCount ?? 0,
        rejected: decided.rejected,
        removed: decided.removed,
      },
      autoFlags: describeAutoFlags(row.autoFlags, { body: row.body, blockedTerms }),
      reports: reports
        .filter((r) => r.insightId === row.id && (kind === "appeal" || r.resolvedAt === null))
        .map((r) => ({
          reason: r.reason,
          note: r.note,
          createdAt: r.createdAt.toISOString(),
          reporterHandle: r.reporter.handle,
        })),
      decision:
        row.decidedAt && (row.status === "REJECTED" || row.status === "REMOVED" || kind === "appeal")
          ? {
              reason: row.decisionReason,
              note: row.decisionNote,
              decidedAt: row.decidedAt.toISOString(),
              moderatorName: row.moderatorName ?? "A former moderator",
            }
          : null,
      appeal:
        row.appealId && row.appealMessage !== null && row.appealCreatedAt
          ? {
              id: row.appealId,
              message: row.appealMessage,
              createdAt: row.appealCreatedAt.toISOString(),
              moderatorId: row.appealModeratorId,
            }
          : null,
    };
  });
}

/** How many items await a moderator: the number in the header. */
export async function countModerationQueue(actor: SessionUser): Promise<number> {
  assertModerator(actor);
  return db.insight.count({ where: { queuedAt: { not: null }, deletedAt: null } });
}

// ---------------------------------------------------------------------------------------------------------
// Public lines and the audit log

const DECISION_REASON_CODES = new Set<string>(Object.keys(DECISION_REASON_LABELS));

function asDecisionReason(value: string | null): DecisionReason | null {
  return value !== null && DECISION_REASON_CODES.has(value) ? (value as DecisionReason) : null;
}

function asAuditAction(value: string): AuditAction | null {
  return Object.hasOwn(AUDIT_ACTIONS, value) ? (value as AuditAction) : null;
}

/**
 * The public lines of an insight's moderation ("Removed by a moderator: Spam"), oldest first, for its
 * revision history. Cached with the insight's tag, which every decision expires.
 */
export async function listPublicModerationLines(insightId: string): Promise<{ line: string; at: string }[]> {
  return cached(
    async () => {
      const appeal = await db.appeal.findUnique({ where: { insightId }, select: { id: true } });
      const entries = await db.auditEntry.findMany({
        where: {
          OR: [
            { targetType: "insight", targetId: insightId },
            ...(appeal ? [{ targetType: "appeal", targetId: appeal.id }] : []),
          ],
        },
        select: { action: true, reason: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 100,
      });
      const lines: { line: string; at: string }[] = [];
      for (const entry of entries) {
        const action = asAuditAction(entry.action);
        const line = action && publicModerationLine(action, asDecisionReason(entry.reason));
        if (line) lines.push({ line, at: entry.createdAt.toISOString() });
      }
      return lines;
    },
    ["moderation-lines", insightId],
    [tags.insight(insightId)],
  );
}

type TargetInfo = { label: string | null; href: string | null };

/** Labels and links for a page of audit targets: one query per kind of target on the page. */
async function describeTargets(
  entries: { targetType: string; targetId: string }[],
): Promise<Map<string, TargetInfo>> {
  const idsOf = (type: string) => [
    ...new Set(entries.filter((e) => e.targetType === type).map((e) => e.targetId)),
  ];
  const key = (type: string, id: string) => `${type}:${id}`;
  const info = new Map<string, TargetInfo>();
  const insightLabel = (i: { section: { title: string; article: { title: string } } }) =>
    `Insight on “${i.section.title}” (${i.section.article.title})`;
  const insightSelect = { section: { select: { title: true, article: { select: { title: true } } } } };

  const insightIds = idsOf("insight");
  const appealIds = idsOf("appeal");
  const userIds = idsOf("user");
  const domainIds = idsOf("domain");
  const articleIds = idsOf("article");
  const termIds = idsOf("blocked-term");
  const [insights, appeals, users, domains, articles, terms] = await Promise.all([
    insightIds.length
      ? db.insight.findMany({ where: { id: { in: insightIds } }, select: { id: true, ...insightSelect } })
      : [],
    appealIds.length
      ? db.appeal.findMany({
          where: { id: { in: appealIds } },
          select: { id: true, insightId: true, insight: { select: insightSelect } },
        })
      : [],
    userIds.length
      ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, handle: true } })
      : [],
    domainIds.length
      ? db.domain.findMany({ where: { id: { in: domainIds } }, select: { id: true, name: true, slug: true } })
      : [],
    articleIds.length
      ? db.article.findMany({
          where: { id: { in: articleIds } },
          select: { id: true, title: true, slug: true },
        })
      : [],
    termIds.length
      ? db.blockedTerm.findMany({ where: { id: { in: termIds } }, select: { id: true, term: true } })
      : [],
  ]);
  for (const i of insights) {
    info.set(key("insight", i.id), { label: insightLabel(i), href: `/insights/${i.id}/history` });
  }
  for (const a of appeals) {
    info.set(key("appeal", a.id), {
      label: `Appeal: ${insightLabel(a.insight)}`,
      href: `/insights/${a.insightId}/history`,
    });
  }
  for (const u of users) {
    info.set(key("user", u.id), {
      label: `${u.name} (@${u.handle})`,
      href: `/moderation/members/${u.handle}`,
    });
  }
  for (const d of domains) info.set(key("domain", d.id), { label: d.name, href: `/domains/${d.slug}` });
  for (const a of articles) info.set(key("article", a.id), { label: a.title, href: `/articles/${a.slug}` });
  for (const t of terms) info.set(key("blocked-term", t.id), { label: t.term, href: "/admin/blocked-terms" });
  return info;
}

/**
 * The audit log, newest first, a page at a time (keyset on createdAt, id), filtered by action, actor,
 * target type or target. Moderators and admins only.
 */
export async function listAuditLog(actor: SessionUser, filters: AuditLogFilters): Promise<AuditLogPage> {
  assertModerator(actor);
  let actorId: string | undefined;
  if (filters.actorHandle) {
    const found = await db.user.findUnique({
      where: { handle: filters.actorHandle.toLowerCase() },
      select: { id: true },
    });
    if (!found) return { entries: [], nextCursor: null };
    actorId = found.id;
  }
  const cursor = filters.cursor ? decodeCursor(filters.cursor, "log") : null;
  const at = cursor ? new Date(cursor.at) : null;
  const rows = await db.auditEntry.findMany({
    where: {
      ...(filters.action ? { action: filters.action } : {}),
      ...(actorId ? { actorId } : {}),
      ...(filters.targetType ? { targetType: filters.targetType } : {}),
      ...(filters.targetId ? { targetId: filters.targetId } : {}),
      ...(cursor && at ? { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: cursor.id } }] } : {}),
    },
    select: {
      id: true,
      createdAt: true,
      action: true,
      targetType: true,
      targetId: true,
      reason: true,
      note: true,
      actor: { select: { name: true, handle: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page.at(-1);
  const targets = await describeTargets(page);
  const entries: AuditLogEntry[] = [];
  for (const row of page) {
    const action = asAuditAction(row.action);
    if (!action) continue;
    const target = targets.get(`${row.targetType}:${row.targetId}`);
    const reasonCode = asDecisionReason(row.reason);
    entries.push({
      id: row.id,
      at: row.createdAt.toISOString(),
      actor: row.actor,
      action,
      actionLabel: AUDIT_ACTIONS[action],
      targetType: row.targetType,
      targetId: row.targetId,
      targetLabel: target?.label ?? null,
      targetHref: target?.href ?? null,
      reason: reasonCode ? DECISION_REASON_LABELS[reasonCode] : row.reason,
      reasonCode: row.reason,
      note: row.note,
    });
  }
  return {
    entries,
    nextCursor: rows.length > AUDIT_PAGE_SIZE && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
