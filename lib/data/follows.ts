import "server-only";
import { z } from "zod";
import { cursorCodec, cursorId, cursorTimestamp } from "@/lib/cursor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FollowKind, SetFollowInput } from "@/lib/validation/follows";
import type { SessionUser } from "./users";

// Members follow a domain (new articles in it, or in its child domains) or an article (new insights on it).
// Following is private: nothing here is cached, and only the member themselves reads their follows.
//
// The notifications are fanned out by a background job (lib/jobs/follows.ts), never inside the request that
// publishes: one INSERT … SELECT … ON CONFLICT per event, whatever the number of followers, so a retried job
// or a repeated event never notifies anyone twice.

/** Stored timestamps are UTC wall-clock time without a zone, as Prisma writes them. */
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

export const FOLLOWS_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 50;

/** One notification per followed-domain article, and one running notification per followed article. */
export const domainArticleGroupKey = (articleId: string) => `follow-domain-article:${articleId}`;
export const articleInsightsGroupKey = (articleId: string) => `follow-article:${articleId}`;

// Fixed SQL for each kind of follow: identifiers only, never user input.
const TABLES = {
  domain: {
    follow: Prisma.raw(`"DomainFollow"`),
    column: Prisma.raw(`"domainId"`),
    // Any domain can be followed; only published articles can (a draft is a 404 for readers).
    target: (id: string) => Prisma.sql`SELECT "id" FROM "Domain" WHERE "id" = ${id}`,
    missing: "This domain does not exist.",
  },
  article: {
    follow: Prisma.raw(`"ArticleFollow"`),
    column: Prisma.raw(`"articleId"`),
    target: (id: string) =>
      Prisma.sql`SELECT "id" FROM "Article" WHERE "id" = ${id} AND "status" = 'PUBLISHED'`,
    missing: "This article is not published.",
  },
} as const;

const INACTIVE = "Your account cannot follow anything right now.";

/**
 * Follows (or, `following: false`, unfollows) a domain or an article. Idempotent: asking for the state the
 * member is already in changes nothing, and two racing requests leave one row (ON CONFLICT on the key).
 */
export async function setFollow(actor: SessionUser, input: SetFollowInput): Promise<{ following: boolean }> {
  const table = TABLES[input.kind];
  if (input.following) {
    // One statement: the member must be active and the target followable at the moment of the insert.
    const [outcome] = await db.$queryRaw<{ active: boolean; found: boolean }[]>`
      WITH member AS (SELECT "id" FROM "User" WHERE "id" = ${actor.id} AND "status" = 'ACTIVE'),
      target AS (${table.target(input.id)}),
      followed AS (
        INSERT INTO ${table.follow} ("userId", ${table.column}, "createdAt")
        SELECT m."id", t."id", ${NOW} FROM member m CROSS JOIN target t
        ON CONFLICT DO NOTHING
        RETURNING 1
      )
      SELECT EXISTS (SELECT 1 FROM member) AS "active", EXISTS (SELECT 1 FROM target) AS "found"`;
    if (!outcome?.active) throw new AppError("FORBIDDEN", INACTIVE);
    if (!outcome.found) throw new AppError("NOT_FOUND", table.missing);
    return { following: true };
  }
  // Unfollowing works on anything followed, even an article taken back to draft since.
  const [outcome] = await db.$queryRaw<{ active: boolean }[]>`
    WITH member AS (SELECT "id" FROM "User" WHERE "id" = ${actor.id} AND "status" = 'ACTIVE'),
    unfollowed AS (
      DELETE FROM ${table.follow}
      WHERE "userId" = (SELECT "id" FROM member) AND ${table.column} = ${input.id}
      RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM member) AS "active"`;
  if (!outcome?.active) throw new AppError("FORBIDDEN", INACTIVE);
  return { following: false };
}

export const followDomain = (actor: SessionUser, domainId: string) =>
  setFollow(actor, { kind: "domain", id: domainId, following: true });
export const unfollowDomain = (actor: SessionUser, domainId: string) =>
  setFollow(actor, { kind: "domain", id: domainId, following: false });
export const followArticle = (actor: SessionUser, articleId: string) =>
  setFollow(actor, { kind: "article", id: articleId, following: true });
export const unfollowArticle = (actor: SessionUser, articleId: string) =>
  setFollow(actor, { kind: "article", id: articleId, following: false });

export type ViewerFollows = { domainIds: string[]; articleIds: string[] };

/** Which of these domains and articles (those a page shows) the viewer follows; by primary key. */
export async function listViewerFollows(
  actor: SessionUser,
  ids: { domainIds?: string[]; articleIds?: string[] },
): Promise<ViewerFollows> {
  const domainIds = [...new Set(ids.domainIds ?? [])].slice(0, 100);
  const articleIds = [...new Set(ids.articleIds ?? [])].slice(0, 100);
  const [domains, articles] = await Promise.all([
    domainIds.length
      ? db.domainFollow.findMany({
          where: { userId: actor.id, domainId: { in: domainIds } },
          select: { domainId: true },
        })
      : [],
    articleIds.length
      ? db.articleFollow.findMany({
          where: { userId: actor.id, articleId: { in: articleIds } },
          select: { articleId: true },
        })
      : [],
  ]);
  return { domainIds: domains.map((d) => d.domainId), articleIds: articles.map((a) => a.articleId) };
}

/** A domain or article the member follows, as /following lists it. */
export type FollowedItem = {
  kind: FollowKind;
  id: string;
  /** the domain's name or the article's title */
  name: string;
  href: string;
  /** the parent domain of a domain, the domain of an article */
  context: string | null;
  /** ISO */
  followedAt: string;
};

export type FollowedPage = { items: FollowedItem[]; nextCursor: string | null };

type FollowedRow = {
  id: string;
  name: string;
  slug: string;
  context: string | null;
  followedAt: Date;
};

/** The last follow a page showed: when it was made, and the followed domain's or article's id. */
const followCursor = cursorCodec(z.object({ followedAt: cursorTimestamp, id: cursorId }));

/**
 * The member's followed domains or articles, most recently followed first, a page at a time (keyset on
 * followedAt, id; the primary key's userId prefix finds the member's rows). Articles taken back to draft
 * stay followed but are not listed.
 */
export async function listMyFollows(
  actor: SessionUser,
  options: { kind: FollowKind; cursor?: string; limit?: number },
): Promise<FollowedPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? FOLLOWS_PAGE_SIZE), 1), MAX_PAGE_SIZE);
  const cursor = options.cursor ? followCursor.decode(options.cursor) : null;
  if (options.cursor && !cursor)
    throw new AppError("INVALID_INPUT", "That page of your follows does not exist.");
  // Stored timestamps are UTC without a zone; the cursor's ISO text cast to timestamp reads as the same.
  const after = (createdAt: Prisma.Sql, id: Prisma.Sql) =>
    cursor
      ? Prisma.sql`AND (${createdAt}, ${id}) < (${cursor.followedAt.toISOString()}::timestamp(3), ${cursor.id})`
      : Prisma.empty;
  const rows =
    options.kind === "domain"
      ? await db.$queryRaw<FollowedRow[]>`
          SELECT d."id", d."name", d."slug", p."name" AS "context", f."createdAt" AS "followedAt"
          FROM "DomainFollow" f
          JOIN "Domain" d ON d."id" = f."domainId"
          LEFT JOIN "Domain" p ON p."id" = d."parentId"
          WHERE f."userId" = ${actor.id} ${after(Prisma.sql`f."createdAt"`, Prisma.sql`f."domainId"`)}
          ORDER BY f."createdAt" DESC, f."domainId" DESC
          LIMIT ${limit + 1}`
      : await db.$queryRaw<FollowedRow[]>`
          SELECT a."id", a."title" AS "name", a."slug", d."name" AS "context", f."createdAt" AS "followedAt"
          FROM "ArticleFollow" f
          JOIN "Article" a ON a."id" = f."articleId" AND a."status" = 'PUBLISHED'
          JOIN "Domain" d ON d."id" = a."domainId"
          WHERE f."userId" = ${actor.id} ${after(Prisma.sql`f."createdAt"`, Prisma.sql`f."articleId"`)}
          ORDER BY f."createdAt" DESC, f."articleId" DESC
          LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      kind: options.kind,
      id: row.id,
      name: row.name,
      href: options.kind === "domain" ? `/domains/${row.slug}` : `/articles/${row.slug}`,
      context: row.context,
      followedAt: row.followedAt.toISOString(),
    })),
    nextCursor:
      rows.length > limit && last ? followCursor.encode({ followedAt: last.followedAt, id: last.id }) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Fan-out (run by the job in lib/jobs/follows.ts, after the publishing transaction committed)

/**
 * Tells the active followers of a published article's domain, and of that domain's parent, that it is out:
 * one notification per member and article (a member following both domains hears once; a re-run, or the
 * article published again after a trip back to draft, adds nothing). `publishedById`, the admin who
 * published it, is not told about their own article. Returns how many members were notified.
 */
export async function notifyDomainFollowersOfArticle(
  articleId: string,
  options: { publishedById?: string | null } = {},
): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "groupKey", "articleId", "actorCount", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, f."userId", 'FOLLOWED_DOMAIN_ARTICLE'::"NotificationKind",
           ${domainArticleGroupKey("")}::text || a."id", a."id", 1, ${NOW}, ${NOW}
    FROM "Article" a
    JOIN "Domain" d ON d."id" = a."domainId"
    JOIN LATERAL (
      SELECT DISTINCT df."userId" FROM "DomainFollow" df
      WHERE df."domainId" = ANY (ARRAY[d."id", d."parentId"])
    ) f ON true
    JOIN "User" u ON u."id" = f."userId" AND u."status" = 'ACTIVE'
    WHERE a."id" = ${articleId} AND a."status" = 'PUBLISHED' AND f."userId" <> ${options.publishedById ?? ""}
    ORDER BY f."userId"
    ON CONFLICT ("userId", "groupKey") DO NOTHING`;
}

/**
 * Tells the active followers of an article about a newly published insight on it, in one running
 * notification per member and article ("3 new insights on …"): while it is unread each new insight counts
 * up; once read, the next starts again at one and marks it unread. It points at the newest insight, whose
 * section its link opens. The insight's author is never told of their own insight.
 *
 * Only an insight's first publication is news: published at once (no moderator decision), or by the very
 * decision that approved it (publishedAt = decidedAt). An insight approved again after reports, restored,
 * or approved after an edit keeps its first publishedAt, older than the decision, and notifies no one.
 *
 * Idempotent: the notification only moves to an insight published after the one it points at, so a retried
 * job (or the same insight announced twice) never counts twice. Returns how many members were notified.
 */
export async function notifyArticleFollowersOfInsight(insightId: string): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "groupKey", "insightId", "articleId", "actorCount", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, f."userId", 'FOLLOWED_ARTICLE_INSIGHT'::"NotificationKind",
           ${articleInsightsGroupKey("")}::text || a."id", i."id", a."id", 1, ${NOW}, ${NOW}
    FROM "Insight" i
    JOIN "User" author ON author."id" = i."authorId" AND author."status" = 'ACTIVE'
    JOIN "Section" s ON s."id" = i."sectionId"
    JOIN "Article" a ON a."id" = s."articleId" AND a."status" = 'PUBLISHED'
    JOIN "ArticleFollow" f ON f."articleId" = a."id" AND f."userId" <> i."authorId"
    JOIN "User" u ON u."id" = f."userId" AND u."status" = 'ACTIVE'
    WHERE i."id" = ${insightId} AND i."status" = 'PUBLISHED' AND i."deletedAt" IS NULL
      AND i."publishedAt" IS NOT NULL AND (i."decidedAt" IS NULL OR i."publishedAt" >= i."decidedAt")
    ORDER BY f."userId"
    ON CONFLICT ("userId", "groupKey") DO UPDATE SET
      "actorCount" = CASE WHEN "Notification"."readAt" IS NULL THEN "Notification"."actorCount" + 1 ELSE 1 END,
      "readAt" = NULL,
      "insightId" = EXCLUDED."insightId",
      "updatedAt" = EXCLUDED."updatedAt"
    WHERE "Notification"."insightId" IS DISTINCT FROM EXCLUDED."insightId"
      AND NOT EXISTS (
        SELECT 1 FROM "Insight" shown, "Insight" incoming
        WHERE shown."id" = "Notification"."insightId" AND incoming."id" = EXCLUDED."insightId"
          AND (shown."publishedAt", shown."id") >= (incoming."publishedAt", incoming."id"))`;
}
