import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { changed, type Changed } from "@/lib/cache-expiry";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import {
  CONTRIBUTOR_TIERS,
  contributorProgress,
  FIRST_INSIGHT_SLUG,
  HELPFUL_REACTIONS,
  HELPFUL_SLUG,
  TOP_VOICE,
  type ContributorProgress,
} from "@/lib/domain/badges";
import { countedInsights, qualityScores } from "./quality-score";
import type { Tx } from "./transaction";

// Every badge rule is set-based SQL here. The same SQL serves the daily full pass and the per-member pass
// that follows a publish, delete or reaction (`users`: those members; null: everybody). Grants are
// INSERT … SELECT … ON CONFLICT: running a pass twice changes nothing the second time, and two passes
// racing grant each badge once. A new grant (or a revoked badge earned again) notifies its member once.
//
// What counts: PUBLISHED, not deleted insights by ACTIVE members on published articles.
//
// Cost at 2 million insights: one scan of the counted insights per pass (memberFacts), plus one of the last
// 60 days' insights and their reactions for Top Voice (bench/badges.ts measures it).

type Users = string[] | null;

export type BadgeChange = { userId: string; badgeSlug: string; domainId: string | null };
export type PassReport = { granted: BadgeChange[]; revoked: BadgeChange[] };

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** The transaction-level advisory lock that orders badge passes (see runBadgePass). */
const PASS_LOCK = Prisma.sql`hashtext('roundtable:badges:pass')`;

const contributorTiers = Prisma.sql`(VALUES ${Prisma.join(
  CONTRIBUTOR_TIERS.map((t) => Prisma.sql`(${t.slug}::text, ${t.articles}::int)`),
)}) AS t("slug", "articles")`;

/** `column` is one of `users`; nothing when the pass is for everybody. */
function amongUsers(column: Prisma.Sql, users: Users) {
  return users ? Prisma.sql`AND ${column} = ANY(${users}::text[])` : Prisma.empty;
}

/**
 * One row per member with counted insights: on how many distinct articles, and whether one of them has
 * HELPFUL_REACTIONS Helpful or Insightful reactions. Members are filtered after grouping, which joins
 * their tens of thousands of rows instead of millions of insights.
 */
function memberFacts(users: Users) {
  return Prisma.sql`
    SELECT f.user_id, f.articles, f.helpful
    FROM (
      SELECT i."authorId" AS user_id, count(DISTINCT s."articleId")::int AS articles,
             bool_or(i."helpfulCount" + i."insightfulCount" >= ${HELPFUL_REACTIONS}::int) AS helpful
      FROM "Insight" i
      JOIN "Section" s ON s."id" = i."sectionId"
      JOIN "Article" a ON a."id" = s."articleId"
      WHERE i."status" = 'PUBLISHED' AND i."deletedAt" IS NULL AND a."status" = 'PUBLISHED'
        ${amongUsers(Prisma.sql`i."authorId"`, users)}
      GROUP BY i."authorId"
    ) f
    JOIN "User" u ON u."id" = f.user_id
    WHERE u."status" = 'ACTIVE' ${amongUsers(Prisma.sql`u."id"`, users)}`;
}

/** The badges that rows of `facts` (memberFacts' columns) have earned: First insight, Contributor, Helpful. */
function earnedBy(facts: Prisma.Sql) {
  return Prisma.sql`
    SELECT f.user_id, ${FIRST_INSIGHT_SLUG}::text AS badge_slug, NULL::text AS domain_id FROM ${facts} f
    UNION ALL
    SELECT f.user_id, t."slug", NULL FROM ${facts} f JOIN ${contributorTiers} ON f.articles >= t."articles"
    UNION ALL
    SELECT f.user_id, ${HELPFUL_SLUG}::text, NULL FROM ${facts} f WHERE f.helpful`;
}

/**
 * Inserts the rows `candidates` selects (columns user_id, badge_slug, domain_id) as grants, re-grants
 * revoked ones, and notifies each member of each new grant; returns the new grants.
 *
 * Badges already held are left out before the upsert, so a pass with nothing new writes and locks nothing
 * (ON CONFLICT DO UPDATE locks every conflicting row, even when its WHERE then skips it). The rows go in
 * one order, so passes that do meet on the same rows (a member's pass during the daily one) wait for each
 * other instead of deadlocking.
 */
async function grant(tx: Tx, candidates: Prisma.Sql): Promise<BadgeChange[]> {
  return tx.$queryRaw<BadgeChange[]>`
    WITH candidates AS (${candidates}),
    granted AS (
      INSERT INTO "UserBadge" ("id", "userId", "badgeSlug", "scope", "domainId", "grantedAt")
      SELECT gen_random_uuid()::text, c.user_id, c.badge_slug, COALESCE(c.domain_id, ''), c.domain_id, ${NOW}
      FROM candidates c
      WHERE NOT EXISTS (
        SELECT 1 FROM "UserBadge" held
        WHERE held."userId" = c.user_id AND held."badgeSlug" = c.badge_slug
          AND held."scope" = COALESCE(c.domain_id, '') AND held."revokedAt" IS NULL)
      ORDER BY c.user_id, c.badge_slug, c.domain_id
      ON CONFLICT ("userId", "badgeSlug", "scope") DO UPDATE SET "revokedAt" = NULL, "grantedAt" = ${NOW}
        WHERE "UserBadge"."revokedAt" IS NOT NULL
      RETURNING "id", "userId", "badgeSlug", "domainId", "grantedAt"
    ),
    notified AS (
      INSERT INTO "Notification" ("id", "userId", "kind", "groupKey", "userBadgeId", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, g."userId", 'BADGE_GRANTED',
             'badge:' || g."id" || ':' || (extract(epoch FROM g."grantedAt") * 1000)::bigint, g."id", ${NOW}, ${NOW}
      FROM granted g
      ON CONFLICT ("userId", "groupKey") DO NOTHING
    )
    SELECT g."userId", g."badgeSlug", g."domainId" FROM granted g`;
}

/** Takes Contributor tiers from members of `member_facts` who no longer reach them (deleted or removed insights). */
function revokeContributor(tx: Tx) {
  return tx.$queryRaw<BadgeChange[]>`
    UPDATE "UserBadge" ub SET "revokedAt" = ${NOW}
    FROM ${contributorTiers}
    WHERE ub."badgeSlug" = t."slug" AND ub."revokedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM member_facts f WHERE f.user_id = ub."userId" AND f.articles >= t."articles")
    RETURNING ub."userId", ub."badgeSlug", ub."domainId"`;
}

/**
 * Top Voice, per domain: the five members with the highest quality score (lib/data/quality-score.ts, the
 * score the domain leaderboards show) from counted insights published there in the last 60 days. Ties go
 * to the lower member id, so the outcome does not change from one pass to the next.
 */
async function recomputeTopVoice(tx: Tx): Promise<PassReport> {
  const recent = countedInsights({
    scope: Prisma.sql`a."domainId"`,
    days: TOP_VOICE.windowDays,
    domainIds: null,
  });
  await tx.$executeRaw`
    CREATE TEMP TABLE top_voice ON COMMIT DROP AS
    WITH scores AS (${qualityScores(recent)})
    SELECT "authorId" AS user_id, scope AS domain_id FROM (
      SELECT *, row_number() OVER (PARTITION BY scope ORDER BY score DESC, "authorId") AS rank FROM scores
    ) ranked WHERE rank <= ${TOP_VOICE.size}::int`;
  const granted = await grant(
    tx,
    Prisma.sql`SELECT user_id, ${TOP_VOICE.slug}::text AS badge_slug, domain_id FROM top_voice`,
  );
  const revoked = await tx.$queryRaw<BadgeChange[]>`
    UPDATE "UserBadge" ub SET "revokedAt" = ${NOW}
    WHERE ub."badgeSlug" = ${TOP_VOICE.slug} AND ub."revokedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM top_voice v WHERE v.user_id = ub."userId" AND v.domain_id = ub."domainId")
    RETURNING ub."userId", ub."badgeSlug", ub."domainId"`;
  return { granted, revoked };
}

/**
 * Evaluates the badge rules. A full pass (no `users`) also revokes what is no longer deserved and
 * recomputes Top Voice; a pass for some members only grants, so a qualifying member gets a badge within
 * a minute and loses one only at the daily pass. Returns what it granted and revoked, with the cached pages
 * that show those members' badges.
 */
export async function runBadgePass(options: { users?: string[] } = {}): Promise<Changed<PassReport>> {
  const report = await passBadges(options.users ?? null);
  const members = [...report.granted, ...report.revoked].map((change) => change.userId);
  return changed(report, await listBadgeDisplayTags(members));
}

async function passBadges(users: Users): Promise<PassReport> {
  if (users && users.length === 0) return { granted: [], revoked: [] };
  return db.$transaction(
    async (tx) => {
      if (users) {
        // Shared with other members' passes, exclusive of a full pass: a full pass revokes from facts it
        // counted at its start, and would take back what a member's pass granted meanwhile on newer data.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${PASS_LOCK})`;
        const earned = earnedBy(Prisma.sql`facts`);
        return {
          granted: await grant(tx, Prisma.sql`WITH facts AS MATERIALIZED (${memberFacts(users)}) ${earned}`),
          revoked: [],
        };
      }
      // Full passes (a retried daily job, two workers) run one after the other: the second then finds
      // nothing left to do, instead of both writing the same rows at once.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PASS_LOCK})`;
      await tx.$executeRaw`CREATE TEMP TABLE member_facts ON COMMIT DROP AS ${memberFacts(null)}`;
      await tx.$executeRaw`ANALYZE member_facts`;
      const granted = await grant(tx, earnedBy(Prisma.sql`member_facts`));
      const revoked = await revokeContributor(tx);
      const topVoice = await recomputeTopVoice(tx);
      return { granted: [...granted, ...topVoice.granted], revoked: [...revoked, ...topVoice.revoked] };
    },
    // a member's pass may wait for a full pass to finish
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** A member's way to the next Contributor tier, counted live from their insights. */
export async function getContributorProgress(userId: string): Promise<ContributorProgress> {
  // Per article: does the member have a published insight there, or only one awaiting review?
  const [row] = await db.$queryRaw<{ published: number; pending: number }[]>`
    SELECT count(*) FILTER (WHERE published)::int AS published,
           count(*) FILTER (WHERE pending AND NOT published)::int AS pending
    FROM (
      SELECT bool_or(i."status" = 'PUBLISHED') AS published, bool_or(i."status" = 'PENDING') AS pending
      FROM "Insight" i
      JOIN "Section" s ON s."id" = i."sectionId"
      JOIN "Article" a ON a."id" = s."articleId"
      WHERE i."authorId" = ${userId} AND i."status" IN ('PUBLISHED', 'PENDING') AND i."deletedAt" IS NULL
        AND a."status" = 'PUBLISHED'
      GROUP BY s."articleId"
    ) per_article`;
  return contributorProgress(row?.published ?? 0, row?.pending ?? 0);
}

/**
 * The cached pages that show these members' badges: the badge pages, their profiles, and the articles
 * where their insights carry badge chips.
 */
async function listBadgeDisplayTags(userIds: string[]): Promise<string[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const [users, sections] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids } }, select: { handle: true } }),
    db.section.findMany({
      where: { insights: { some: { authorId: { in: ids }, status: "PUBLISHED", deletedAt: null } } },
      select: { articleId: true },
      distinct: ["articleId"],
    }),
  ]);
  return [
    tags.badges,
    ...users.map((user) => tags.memberHandle(user.handle)),
    ...sections.map((section) => tags.article(section.articleId)),
  ];
}
