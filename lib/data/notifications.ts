import "server-only";
import { z } from "zod";
import { cursorCodec, cursorId, cursorTimestamp } from "@/lib/cursor";
import { db } from "@/lib/db";
import { notificationText, type NotificationSubject } from "@/lib/domain/notification-text";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { DECISION_REASON_LABELS } from "@/lib/domain/moderation";
import type { BadgeTier, DecisionReason, NotificationKind, ReactionKind } from "@/lib/generated/prisma/enums";
import type { Tx } from "./transaction";
import type { SessionUser } from "./users";

/** One line of the notifications list, as its owner sees it. */
export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  text: string;
  href: string;
  unread: boolean;
  /** ISO; when the event last changed (a grouped notification moves up when more people join in) */
  updatedAt: string;
};

export type NotificationPage = { items: NotificationItem[]; nextCursor: string | null };

export const NOTIFICATIONS_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 50;

const publishedGroupKey = (insightId: string) => `published:${insightId}`;
const reactionsGroupKey = (insightId: string, kind: ReactionKind) => `reactions:${insightId}:${kind}`;

/**
 * Tells an author their insight is live. Called inside the transaction that publishes it; calling it again
 * (a retried publish, a re-approval) finds the notification already there and leaves it as it is.
 */
export async function notifyInsightPublished(
  tx: Tx,
  insight: { id: string; authorId: string },
): Promise<void> {
  // INSERT … ON CONFLICT DO NOTHING on (userId, groupKey): never doubled, even by two racing publishes.
  await tx.notification.createMany({
    data: [
      {
        userId: insight.authorId,
        kind: "INSIGHT_PUBLISHED",
        groupKey: publishedGroupKey(insight.id),
        insightId: insight.id,
      },
    ],
    skipDuplicates: true,
  });
}

/**
 * Brings the author's "N people <reacted> your insight" notification in line with the reactions of `kind`
 * on the insight. Call it inside the transaction that adds, changes or removes a reaction, after that
 * write, once for every kind the write touched.
 */
export async function syncReactionNotification(
  tx: Tx,
  insight: { id: string; authorId: string },
  kind: ReactionKind,
): Promise<void> {
  // Serialises the syncs of one insight. Taken after the caller's reaction write, it waits for any other
  // transaction syncing this insight to commit, and the count below (a new statement, hence a new READ
  // COMMITTED snapshot) then includes that transaction's reaction: racing reactions never leave a stale
  // count. NO KEY UPDATE, the lock an UPDATE of the counters takes, does not conflict with the KEY SHARE
  // lock that inserting a reaction takes on its insight, so two reactors cannot deadlock here.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Insight" WHERE "id" = ${insight.id} FOR NO KEY UPDATE`;
  if (locked.length === 0) return;

  const userId = insight.authorId;
  const groupKey = reactionsGroupKey(insight.id, kind);
  const count = await tx.reaction.count({
    // The author cannot react to their own insight; should such a row ever exist, it is no news to them.
    where: { insightId: insight.id, kind, userId: { not: userId } },
  });
  if (count === 0) {
    // Nobody left: an unread notification would announce reactions that are gone. A read one is history.
    await tx.notification.deleteMany({ where: { userId, groupKey, readAt: null } });
    return;
  }

  const existing = await tx.notification.findUnique({
    where: { userId_groupKey: { userId, groupKey } },
    select: { actorCount: true, updatedAt: true },
  });
  if (existing?.actorCount === count) return;
  // Prisma runs this upsert as one INSERT … ON CONFLICT DO UPDATE on the (userId, groupKey) unique index,
  // so even a sync that skipped the lock above could not fail it with a unique violation (which would
  // abort the caller's whole transaction: there is no retrying inside it).
  await tx.notification.upsert({
    where: { userId_groupKey: { userId, groupKey } },
    create: {
      userId,
      kind: "INSIGHT_REACTIONS",
      groupKey,
      insightId: insight.id,
      reactionKind: kind,
      actorCount: count,
    },
    update:
      !existing || count > existing.actorCount
        ? // More people than last time: news again, back at the top of the list.
          { actorCount: count, readAt: null, updatedAt: new Date() }
        : // Fewer: the count is corrected where it stands, read or not.
          { actorCount: count, updatedAt: existing.updatedAt },
    select: { id: true },
  });
}

export type MemberNotice = {
  userId: string;
  kind: Exclude<NotificationKind, "INSIGHT_PUBLISHED" | "INSIGHT_REACTIONS" | "BADGE_GRANTED">;
  /** one notification per (member, groupKey): a repeated event refreshes it instead of adding another */
  groupKey: string;
  insightId?: string | null;
  articleId?: string | null;
  /**
   * INSIGHT_REJECTED/REMOVED: the DecisionReason; APPEAL_DECIDED: the AppealStatus outcome;
   * MEMBER_SUSPENDED: the ISO end of the suspension
   */
  reason?: string | null;
  /** a moderator's note, a warning's message or a suspension's reason */
  message?: string | null;
  /** FOLLOWED_ARTICLE_INSIGHT: how many new insights it covers */
  actorCount?: number;
};

/**
 * Tells a member about a moderation decision, a sanction or something they follow. Call it inside the
 * transaction that makes the change. The same event again (same groupKey) updates the one notification and
 * marks it unread, so nothing is ever notified twice.
 */
export async function notifyMember(tx: Tx, notice: MemberNotice): Promise<void> {
  const fields = {
    kind: notice.kind,
    insightId: notice.insightId ?? null,
    articleId: notice.articleId ?? null,
    reason: notice.reason ?? null,
    message: notice.message ?? null,
    actorCount: notice.actorCount ?? 1,
  };
  await tx.notification.upsert({
    where: { userId_groupKey: { userId: notice.userId, groupKey: notice.groupKey } },
    create: { userId: notice.userId, groupKey: notice.groupKey, ...fields },
    update: { ...fields, readAt: null, updatedAt: new Date() },
    select: { id: true },
  });
}

type NotificationRow = {
  id: string;
  kind: NotificationKind;
  reactionKind: ReactionKind | null;
  reason: string | null;
  message: string | null;
  articleTitle: string | null;
  followedArticleSlug: string | null;
  followedDomainName: string | null;
  actorCount: number;
  readAt: Date | null;
  updatedAt: Date;
  sectionTitle: string | null;
  sectionAnchor: string | null;
  articleSlug: string | null;
  badgeSlug: string | null;
  badgeName: string | null;
  badgeTier: BadgeTier | null;
  domainName: string | null;
};

// A notification about an insight shows only while the insight exists and its author has not deleted it
// (a deleted insight is gone from every page, so the link would lead nowhere). Needs `i` joined to `n`.
const visible = Prisma.sql`(n."insightId" IS NULL OR (i."id" IS NOT NULL AND i."deletedAt" IS NULL))`;

const DECISION_REASONS = new Set<string>(Object.keys(DECISION_REASON_LABELS));

function decisionReason(value: string | null): DecisionReason | null {
  return value !== null && DECISION_REASONS.has(value) ? (value as DecisionReason) : null;
}

function subjectOf(row: NotificationRow): NotificationSubject | null {
  switch (row.kind) {
    case "INSIGHT_APPROVED":
    case "INSIGHT_RESTORED":
    case "INSIGHT_HIDDEN":
      return row.sectionTitle === null ? null : { kind: row.kind, sectionTitle: row.sectionTitle };
    case "INSIGHT_REJECTED":
    case "INSIGHT_REMOVED":
      return row.sectionTitle === null
        ? null
        : {
            kind: row.kind,
            sectionTitle: row.sectionTitle,
            reason: decisionReason(row.reason),
            note: row.message,
          };
    case "APPEAL_DECIDED":
      return row.sectionTitle === null || (row.reason !== "UPHELD" && row.reason !== "OVERTURNED")
        ? null
        : { kind: row.kind, sectionTitle: row.sectionTitle, outcome: row.reason, note: row.message };
    case "MEMBER_WARNED":
      return row.message === null ? null : { kind: row.kind, message: row.message };
    case "MEMBER_SUSPENDED":
      return row.reason === null ? null : { kind: row.kind, until: row.reason, message: row.message ?? "" };
    case "SANCTION_LIFTED":
      return { kind: row.kind };
    case "FOLLOWED_DOMAIN_ARTICLE":
      return row.articleTitle === null || row.followedDomainName === null
        ? null
        : { kind: row.kind, domainName: row.followedDomainName, articleTitle: row.articleTitle };
    case "FOLLOWED_ARTICLE_INSIGHT":
      return row.articleTitle === null
        ? null
        : { kind: row.kind, articleTitle: row.articleTitle, actorCount: row.actorCount };
    case "INSIGHT_PUBLISHED":
      return row.sectionTitle === null ? null : { kind: row.kind, sectionTitle: row.sectionTitle };
    case "INSIGHT_REACTIONS":
      return row.reactionKind === null
        ? null
        : { kind: row.kind, reactionKind: row.reactionKind, actorCount: row.actorCount };
    case "BADGE_GRANTED":
      return row.badgeName === null || row.badgeTier === null
        ? null
        : { kind: row.kind, badgeName: row.badgeName, tier: row.badgeTier, domainName: row.domainName };
  }
}

function hrefOf(row: NotificationRow): string | null {
  if (row.kind === "BADGE_GRANTED") return row.badgeSlug ? `/badges/${row.badgeSlug}` : null;
  if (row.kind === "MEMBER_WARNED" || row.kind === "MEMBER_SUSPENDED" || row.kind === "SANCTION_LIFTED") {
    return "/settings#standing";
  }
  if (
    row.kind === "FOLLOWED_DOMAIN_ARTICLE" ||
    (row.kind === "FOLLOWED_ARTICLE_INSIGHT" && !row.sectionAnchor)
  ) {
    return row.followedArticleSlug === null ? null : `/articles/${row.followedArticleSlug}`;
  }
  return row.articleSlug === null || row.sectionAnchor === null
    ? null
    : `/articles/${row.articleSlug}#${row.sectionAnchor}`;
}

function itemOf(row: NotificationRow): NotificationItem | null {
  const subject = subjectOf(row);
  const href = hrefOf(row);
  if (!subject || !href) return null;
  return {
    id: row.id,
    kind: row.kind,
    text: notificationText(subject),
    href,
    unread: row.readAt === null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The last notification a page showed: when it last changed, and its id. */
const notificationCursor = cursorCodec(z.object({ updatedAt: cursorTimestamp, id: cursorId }));

/** The actor's notifications, most recently changed first, a page at a time (keyset on updatedAt, id). */
export async function listNotifications(
  actor: SessionUser,
  options: { cursor?: string; limit?: number } = {},
): Promise<NotificationPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? NOTIFICATIONS_PAGE_SIZE), 1), MAX_PAGE_SIZE);
  const cursor = options.cursor ? notificationCursor.decode(options.cursor) : null;
  if (options.cursor && !cursor)
    throw new AppError("INVALID_INPUT", "That page of notifications does not exist.");
  // Stored timestamps are UTC without a zone; the cursor's ISO text cast to timestamp reads as the same.
  const after = cursor
    ? Prisma.sql`AND (n."updatedAt", n."id") < (${cursor.updatedAt.toISOString()}::timestamp(3), ${cursor.id})`
    : Prisma.empty;
  const rows = await db.$queryRaw<NotificationRow[]>`
    SELECT n."id", n."kind", n."reactionKind", n."actorCount", n."readAt", n."updatedAt", n."reason", n."message",
           fa."title" AS "articleTitle", fa."slug" AS "followedArticleSlug", fd."name" AS "followedDomainName",
           s."title" AS "sectionTitle", s."anchor" AS "sectionAnchor", a."slug" AS "articleSlug",
           b."slug" AS "badgeSlug", b."name" AS "badgeName", b."tier" AS "badgeTier", d."name" AS "domainName"
    FROM "Notification" n
    LEFT JOIN "Insight" i ON i."id" = n."insightId"
    LEFT JOIN "Section" s ON s."id" = i."sectionId"
    LEFT JOIN "Article" a ON a."id" = s."articleId"
    LEFT JOIN "UserBadge" ub ON ub."id" = n."userBadgeId"
    LEFT JOIN "Badge" b ON b."slug" = ub."badgeSlug"
    LEFT JOIN "Domain" d ON d."id" = ub."domainId"
    LEFT JOIN "Article" fa ON fa."id" = n."articleId" AND fa."status" = 'PUBLISHED'
    LEFT JOIN "Domain" fd ON fd."id" = fa."domainId"
    WHERE n."userId" = ${actor.id} AND ${visible} ${after}
    ORDER BY n."updatedAt" DESC, n."id" DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(itemOf).filter((item): item is NotificationItem => item !== null),
    nextCursor:
      rows.length > limit && last
        ? notificationCursor.encode({ updatedAt: last.updatedAt, id: last.id })
        : null,
  };
}

/** How many of the actor's notifications are unread: the number on the header's bell. */
export async function countUnreadNotifications(actor: SessionUser): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count"
    FROM "Notification" n
    LEFT JOIN "Insight" i ON i."id" = n."insightId"
    WHERE n."userId" = ${actor.id} AND n."readAt" IS NULL AND ${visible}`;
  return row?.count ?? 0;
}

// Marking read is written in SQL because Prisma sets @updatedAt on every update, and reading a notification
// must not move it up the list. Timestamps are stored as UTC wall-clock time, hence AT TIME ZONE 'UTC'.

/** Marks one of the actor's notifications read; anyone else's, or one that does not exist, is NOT_FOUND. */
export async function markNotificationRead(actor: SessionUser, id: string): Promise<void> {
  const updated = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Notification" SET "readAt" = COALESCE("readAt", now() AT TIME ZONE 'UTC')
    WHERE "id" = ${id} AND "userId" = ${actor.id}
    RETURNING "id"`;
  if (updated.length === 0) throw new AppError("NOT_FOUND", "Notification not found.");
}

/** Marks every unread notification of the actor read; returns how many there were. */
export async function markAllNotificationsRead(actor: SessionUser): Promise<{ count: number }> {
  const count = await db.$executeRaw`
    UPDATE "Notification" SET "readAt" = now() AT TIME ZONE 'UTC'
    WHERE "userId" = ${actor.id} AND "readAt" IS NULL`;
  return { count };
}
