import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
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
import type { Tx } from "./transaction";

// Every badge rule is one set-based statement here. Each takes `users` (null: everybody) so the same SQL
// serves the daily full pass and the per-member pass that follows a publish, delete or reaction. Grants
// are INSERT … SELECT … ON CONFLICT: running a pass twice changes nothing the second time, and two passes
// racing grant each badge once. A new grant (or a revoked badge earned again) notifies its member once.
//
// What counts: PUBLISHED, not deleted insights by ACTIVE members on published articles.

type Users = string[] | null;

export type BadgeChange = { userId: string; badgeSlug: string; domainId: string | null };
export type PassReport = { granted: BadgeChange[]; revoked: BadgeChange[] };

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

function counted(users: Users) {
  return Prisma.sql`i."status" = 'PUBLISHED' AND i."deletedAt" IS NULL AND u."status" = 'ACTIVE'
    AND a."status" = 'PUBLISHED' AND (${users}::text[] IS NULL OR i."authorId" = ANY(${users}::text[]))`;
}

const countedFrom = Prisma.sql`"Insight" i
  JOIN "User" u ON u."id" = i."authorId"
  JOIN "Section" s ON s."id" = i."sectionId"
  JOIN "Article" a ON a."id" = s."articleId"`;

const contributorTiers = Prisma.sql`(VALUES ${Prisma.join(
  CONTRIBUTOR_TIERS.map((t) => Prisma.sql`(${t.slug}::text, ${t.articles}::int)`),
)}) AS t("slug", "articles")`;

/**
 * Inserts the rows `candidates` selects (columns user_id, badge_slug, domain_id) as grants, re-grants
 * revoked ones, and notifies each member of each new grant; returns the new grants.
 */
async function grant(tx: Tx, candidates: Prisma.Sql): Promise<BadgeChange[]> {
  return tx.$queryRaw<BadgeChange[]>`
    WITH candidates AS (${candidates}),
    granted AS (
      INSERT INTO "UserBadge" ("id", "userId", "badgeSlug", "scope", "domainId", "grantedAt")
      SELECT gen_random_uuid()::text, c.user_id, c.badge_slug, COALESCE(c.domain_id, ''), c.domain_id, ${NOW}
      FROM candidates c
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

function grantFirstInsight(tx: Tx, users: Users) {
  return grant(
    tx,
    Prisma.sql`SELECT DISTINCT i."authorId" AS user_id, ${FIRST_INSIGHT_SLUG}::text AS badge_slug, NULL::text AS domain_id
      FROM ${countedFrom} WHERE ${counted(users)}`,
  );
}

function contributorCounts(users: Users) {
  return Prisma.sql`SELECT i."authorId" AS user_id, count(DISTINCT s."articleId")::int AS articles
    FROM ${countedFrom} WHERE ${counted(users)} GROUP BY i."authorId"`;
}

function grantContributor(tx: Tx, users: Users) {
  return grant(
    tx,
    Prisma.sql`SELECT c.user_id, t."slug" AS badge_slug, NULL::text AS domain_id
      FROM (${contributorCounts(users)}) c JOIN ${contributorTiers} ON c.articles >= t."articles"`,
  );
}

function grantHelpful(tx: Tx, users: Users) {
  return grant(
    tx,
    Prisma.sql`SELECT DISTINCT i."authorId" AS user_id, ${HELPFUL_SLUG}::text AS badge_slug, NULL::text AS domain_id
      FROM ${countedFrom} WHERE ${counted(users)} AND i."helpfulCount" + i."insightfulCount" >= ${HELPFUL_REACTIONS}`,
  );
}

/** Takes Contributor tiers from members who no longer reach them (deleted or removed insights). */
function revokeContributor(tx: Tx, users: Users) {
  return tx.$queryRaw<BadgeChange[]>`
    WITH counts AS (${contributorCounts(users)})
    UPDATE "UserBadge" ub SET "revokedAt" = ${NOW}
    FROM ${contributorTiers}
    WHERE ub."badgeSlug" = t."slug" AND ub."revokedAt" IS NULL
      AND (${users}::text[] IS NULL OR ub."userId" = ANY(${users}::text[]))
      AND COALESCE((SELECT c.articles FROM counts c WHERE c.user_id = ub."userId"), 0) < t."articles"
    RETURNING ub."userId", ub."badgeSlug", ub."domainId"`;
}

/**
 * Top Voice, per domain: among members with counted insights published there in the last 60 days, the five
 * with the highest score from reactions received on those insights (weighted as on the page, Unhelpful
 * against), where no one reacting member adds or takes more than TOP_VOICE.maxPointsPerReactor.
 */
async function recomputeTopVoice(tx: Tx): Promise<PassReport> {
  const cap = TOP_VOICE.maxPointsPerReactor;
  await tx.$executeRaw`
    CREATE TEMP TABLE top_voice ON COMMIT DROP AS
    WITH recent AS (
      SELECT i."id", i."authorId", a."domainId"
      FROM ${countedFrom}
      WHERE ${counted(null)} AND i."publishedAt" >= ${NOW} - make_interval(days => ${TOP_VOICE.windowDays}::int)
    ),
    per_reactor AS (
      SELECT r."authorId", r."domainId",
             GREATEST(-(${cap}::int), LEAST(${cap}::int, sum(CASE x."kind"
               WHEN 'LIKE' THEN 1 WHEN 'INSIGHTFUL' THEN 2 WHEN 'HELPFUL' THEN 2 WHEN 'CELEBRATE' THEN 1
               WHEN 'UNHELPFUL' THEN -2 END))) AS points
      FROM recent r JOIN "Reaction" x ON x."insightId" = r."id"
      WHERE x."userId" <> r."authorId"
      GROUP BY r."authorId", r."domainId", x."userId"
    ),
    scores AS (
      SELECT "authorId", "domainId", sum(points) AS score FROM per_reactor
      GROUP BY "authorId", "domainId" HAVING sum(points) > 0
    )
    SELECT "authorId" AS user_id, "domainId" AS domain_id FROM (
      SELECT *, row_number() OVER (PARTITION BY "domainId" ORDER BY score DESC, "authorId") AS rank FROM scores
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
 * a minute and loses one only at the daily pass.
 */
export async function runBadgePass(options: { users?: string[] } = {}): Promise<PassReport> {
  const users: Users = options.users ?? null;
  if (users && users.length === 0) return { granted: [], revoked: [] };
  return db.$transaction(
    async (tx) => {
      const granted = [
        ...(await grantFirstInsight(tx, users)),
        ...(await grantContributor(tx, users)),
        ...(await grantHelpful(tx, users)),
      ];
      const revoked: BadgeChange[] = [];
      if (!users) {
        revoked.push(...(await revokeContributor(tx, users)));
        const topVoice = await recomputeTopVoice(tx);
        granted.push(...topVoice.granted);
        revoked.push(...topVoice.revoked);
      }
      return { granted, revoked };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** A member's way to the next Contributor tier, counted live from their insights. */
export async function getContributorProgress(userId: string): Promise<ContributorProgress> {
  const [row] = await db.$queryRaw<{ published: number; pending: number }[]>`
    SELECT count(DISTINCT s."articleId") FILTER (WHERE i."status" = 'PUBLISHED')::int AS published,
           count(DISTINCT s."articleId") FILTER (
             WHERE i."status" = 'PENDING' AND NOT EXISTS (
               SELECT 1 FROM "Insight" p JOIN "Section" ps ON ps."id" = p."sectionId"
               WHERE p."authorId" = i."authorId" AND ps."articleId" = s."articleId"
                 AND p."status" = 'PUBLISHED' AND p."deletedAt" IS NULL)
           )::int AS pending
    FROM "Insight" i
    JOIN "Section" s ON s."id" = i."sectionId"
    JOIN "Article" a ON a."id" = s."articleId"
    WHERE i."authorId" = ${userId} AND i."deletedAt" IS NULL AND a."status" = 'PUBLISHED'`;
  return contributorProgress(row?.published ?? 0, row?.pending ?? 0);
}
