import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { TOP_VOICE } from "@/lib/domain/badges";
import { REACTION_WEIGHTS, type ReactionKindName } from "@/lib/domain/ranking";

// The quality score, one SQL expression shared by the Top Voice badge (lib/data/badges.ts) and the domain
// leaderboards (lib/data/leaderboards.ts), so the two can never disagree on who contributes best.

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** A reaction's points (`x` is the Reaction row), as in the ranking of insights on the page. */
const reactionPoints = Prisma.sql`CASE x."kind" ${Prisma.join(
  (Object.keys(REACTION_WEIGHTS) as ReactionKindName[]).map(
    (kind) => Prisma.sql`WHEN ${kind}::"ReactionKind" THEN ${REACTION_WEIGHTS[kind]}::int`,
  ),
  " ",
)} END`;

/**
 * Counted insights (PUBLISHED, not deleted, on a PUBLISHED article) as rows of "id", "authorId" and
 * `scope` (the expression the scores are grouped by, over `i` and `a`): published in the
 * last `days` days (all of them when null), on articles in `domainIds` (any domain when null). With
 * domains it walks Article(domainId, status, publishedAt) → Section(articleId, …) → Insight(sectionId,
 * status, publishedAt); without, the recent insights by publication time.
 */
export function countedInsights(options: {
  scope: Prisma.Sql;
  days: number | null;
  domainIds: string[] | null;
}): Prisma.Sql {
  const { scope, days, domainIds } = options;
  return Prisma.sql`
    SELECT i."id", i."authorId", ${scope} AS scope
    FROM "Insight" i
    JOIN "Section" s ON s."id" = i."sectionId"
    JOIN "Article" a ON a."id" = s."articleId"
    WHERE i."status" = 'PUBLISHED' AND i."deletedAt" IS NULL AND a."status" = 'PUBLISHED'
      ${domainIds ? Prisma.sql`AND a."domainId" = ANY(${domainIds}::text[])` : Prisma.empty}
      ${days === null ? Prisma.empty : Prisma.sql`AND i."publishedAt" >= ${NOW} - make_interval(days => ${days}::int)`}`;
}

/**
 * The quality score of each ACTIVE author per scope, over `insights` (rows of countedInsights): reactions
 * received, weighted as on the page (Unhelpful against), where no one reacting member adds or takes more
 * than TOP_VOICE.maxPointsPerReactor per author and scope, and the author's own reactions do not count.
 * Only positive scores. Rows: "authorId", scope, score (int).
 */
export function qualityScores(insights: Prisma.Sql): Prisma.Sql {
  const cap = TOP_VOICE.maxPointsPerReactor;
  return Prisma.sql`
    WITH scored_insights AS (${insights}),
    per_reactor AS (
      SELECT r."authorId", r.scope,
             GREATEST(-(${cap}::int), LEAST(${cap}::int, sum(${reactionPoints}))) AS points
      FROM scored_insights r JOIN "Reaction" x ON x."insightId" = r."id"
      WHERE x."userId" <> r."authorId"
      GROUP BY r."authorId", r.scope, x."userId"
    )
    SELECT p."authorId", p.scope, sum(p.points)::int AS score
    FROM per_reactor p JOIN "User" u ON u."id" = p."authorId"
    WHERE u."status" = 'ACTIVE'
    GROUP BY p."authorId", p.scope HAVING sum(p.points) > 0`;
}
