import "server-only";
import { AppError } from "@/lib/errors";
import type { AppealStatus, DecisionReason, InsightStatus, UserStatus } from "@/lib/generated/prisma/enums";
import { decodePageCursor } from "@/lib/validation/moderation";
import { type MemberNotice, notifyMember } from "../notifications";
import type { Tx } from "../transaction";
import { accountBlock, describeBlock, type SessionUser } from "../users";

// What the files of moderation share: who may moderate, the insight's lock, and the pieces of a decision.
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

export const ALREADY_HANDLED = "Another moderator already handled this item.";

function isModerator(actor: SessionUser): boolean {
  return actor.role === "MODERATOR" || actor.role === "ADMIN";
}

export function assertModerator(actor: SessionUser): void {
  if (!isModerator(actor)) throw new AppError("FORBIDDEN", "Only moderators can do this.");
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

export function changeOf(insight: LockedInsight, status: InsightStatus): ModerationChange {
  return {
    insightId: insight.id,
    articleId: insight.articleId,
    authorId: insight.authorId,
    authorHandle: insight.authorHandle,
    status,
  };
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

type Cursor = { at: string; id: string };

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string, what: string): Cursor {
  const decoded = decodePageCursor(cursor);
  if (!decoded) throw new AppError("INVALID_INPUT", `That page of the ${what} does not exist.`);
  return decoded;
}
