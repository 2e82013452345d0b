import "server-only";
import { changed, type Changed } from "@/lib/cache-expiry";
import { AppError } from "@/lib/errors";
import type { AppealStatus, DecisionReason, InsightStatus, UserStatus } from "@/lib/generated/prisma/enums";
import { moderationPageCursor } from "@/lib/validation/moderation";
import { insightPageTags } from "../insights";
import { type MemberNotice, notifyMember } from "../notifications";
import type { Tx } from "../transaction";
import { accountBlock, describeBlock } from "../users";

// What the files of moderation share: the insight's lock, the pieces of a decision and its refusals.
// Every decision locks the insight's row, checks the state it expects and refuses with CONFLICT when another
// moderator got there first: nothing is applied twice, and each applied action writes exactly one audit row
// in the same transaction as the change.

export type ModerationChange = {
  insightId: string;
  articleId: string;
  authorId: string;
  authorHandle: string;
  status: InsightStatus;
};

/** At most this many ids per "which of these" lookup (a page of insights is far fewer). */
export const MAX_LOOKUP_IDS = 500;

/** What staff-only moderation reads and writes answer anyone else (lib/data/permissions.ts, assertStaff). */
export const STAFF_ONLY = "Only moderators can do this.";

export const ALREADY_HANDLED = "Another moderator already handled this item.";
export const EDITED_SINCE_SEEN = "The author edited this insight after you opened it. Review the new text.";

/** Another moderator decided the item first, or it left the state the decision needs. */
export function alreadyHandled(): AppError {
  return new AppError("CONFLICT", ALREADY_HANDLED, { reason: "ALREADY_HANDLED" });
}

/** The author edited the insight after the moderator opened it: the queue shows it again with the new text. */
export function editedSinceSeen(): AppError {
  return new AppError("CONFLICT", EDITED_SINCE_SEEN, { reason: "EDITED_SINCE_SEEN" });
}

/** The acting member's account, re-read: a suspension that began mid-session stops reports and appeals. */
export async function assertActiveAccount(tx: Tx, userId: string): Promise<void> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { status: true, statusReason: true, statusUntil: true },
  });
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  const block = accountBlock(user);
  if (block) throw new AppError("FORBIDDEN", describeBlock(block));
}

export type LockedInsight = {
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
export async function lockInsight(tx: Tx, insightId: string): Promise<LockedInsight | null> {
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

/** What a decision did to the insight, with the pages that show it: its article, author's profile and history. */
export function changeOf(insight: LockedInsight, status: InsightStatus): Changed<ModerationChange> {
  return changed(
    {
      insightId: insight.id,
      articleId: insight.articleId,
      authorId: insight.authorId,
      authorHandle: insight.authorHandle,
      status,
    },
    insightPageTags(insight),
  );
}

/** Tells the insight's author what a decision did to it: one notice per insight and kind of decision. */
export function notifyAuthor(
  tx: Tx,
  insight: LockedInsight,
  kind: Extract<MemberNotice["kind"], `INSIGHT_${string}`>,
  details: Pick<MemberNotice, "reason" | "message"> = {},
): Promise<void> {
  return notifyMember(tx, {
    userId: insight.authorId,
    kind,
    groupKey: `moderation:${insight.id}:${kind}`,
    insightId: insight.id,
    ...details,
  });
}

/** The fields of an insight a moderator publishes (again): out of the queue, no reason against it. */
export function publishedBy(insight: LockedInsight, actorId: string, now: Date) {
  return {
    status: "PUBLISHED",
    publishedAt: insight.publishedAt ?? now,
    queuedAt: null,
    decidedById: actorId,
    decidedAt: now,
    decisionReason: null,
    decisionNote: null,
  } as const;
}

/**
 * Publishes a removed or rejected insight again (a restore, an appeal overturned): the reports upheld against
 * it are dismissed, so they no longer count against its author. Answers how many were.
 */
export async function republish(tx: Tx, insight: LockedInsight, actorId: string, now: Date): Promise<number> {
  const dismissed = await tx.report.updateMany({
    where: { insightId: insight.id, resolution: "UPHELD" },
    data: { resolution: "DISMISSED", resolvedAt: now },
  });
  await tx.insight.update({ where: { id: insight.id }, data: publishedBy(insight, actorId, now) });
  return dismissed.count;
}

/** The position a page of the queue or the log starts after; a cursor the codec did not write is refused. */
export function decodeCursor(cursor: string, what: string): { at: Date; id: string } {
  const decoded = moderationPageCursor.decode(cursor);
  if (!decoded) throw new AppError("INVALID_INPUT", `That page of the ${what} does not exist.`);
  return decoded;
}
