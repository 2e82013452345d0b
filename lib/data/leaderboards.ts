import "server-only";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { badgeLabel, TIER_RANK, type BadgeChipData, type BadgeTierName } from "@/lib/domain/badge-labels";
import { CONTRIBUTOR_TIERS, TOP_VOICE } from "@/lib/domain/badges";
import { LEADERBOARD_SIZE, periodDays, type LeaderboardPeriod } from "@/lib/domain/leaderboards";
import { Prisma } from "@/lib/generated/prisma/client";
import { isSlugParam } from "@/lib/validation/text";
import { cached } from "./cache";
import { countedInsights, qualityScores } from "./quality-score";

// Per-domain leaderboards: the members with the highest quality score (the Top Voice score, from
// lib/data/quality-score.ts) from insights published in the domain in a period. A parent domain counts
// its child domains' articles too, and one reacting member's cap then applies across the whole parent.
// Members who opted out (User.leaderboardOptOut) are left out before ranking, as are members who are not
// ACTIVE; ties share a rank and list by member id.
//
// Cost: the domain's counted insights in the period (Article(domainId, status, publishedAt) → Section →
// Insight(sectionId, status, publishedAt)) and their reactions. bench/badges.ts times it on its largest
// domain (100,000 of 2 million insights, on a busy 2-core machine): 7 days ~80 ms (reactions by index),
// 30 days ~0.7 s and all time ~2.6 s, where PostgreSQL reads the reactions in one sequential scan. Pages
// are recounted in the background at most once per backstop, hence the longer one for all time.

/**
 * How long a leaderboard may be served before it is recounted when nothing revalidated it (seconds):
 * reactions move the short periods most, and all time costs the most to count (bench/badges.ts).
 */
export const LEADERBOARD_BACKSTOP_SECONDS: Record<LeaderboardPeriod, number> = {
  "7d": 300,
  "30d": 600,
  all: 3600,
};

export type LeaderboardEntry = {
  rank: number;
  name: string;
  handle: string;
  score: number;
  /** the member's counted insights in the domain and period, reacted to or not */
  insightCount: number;
  /** their highest Contributor tier and Top Voice in this domain (or a child of it) */
  badges: BadgeChipData[];
};

export type DomainLeaderboard = {
  domain: {
    id: string;
    name: string;
    slug: string;
    parent: { name: string; slug: string } | null;
    hasChildren: boolean;
  };
  period: LeaderboardPeriod;
  /** the top LEADERBOARD_SIZE */
  entries: LeaderboardEntry[];
  /** every member with a positive score in the period, listed or not */
  memberCount: number;
};

type LeaderboardDomain = DomainLeaderboard["domain"] & { domainIds: string[] };

function findLeaderboardDomain(slug: string): Promise<LeaderboardDomain | null> {
  return cached(
    async (): Promise<LeaderboardDomain | null> => {
      const domain = await db.domain.findUnique({
        where: { slug },
        select: {
          id: true,
          name: true,
          slug: true,
          parent: { select: { name: true, slug: true } },
          children: { select: { id: true } },
        },
      });
      if (!domain) return null;
      const { children, ...rest } = domain;
      return {
        ...rest,
        hasChildren: children.length > 0,
        domainIds: [domain.id, ...children.map((child) => child.id)],
      };
    },
    ["leaderboard-domain", slug],
    [tags.domains],
  );
}

type RankedRow = {
  userId: string;
  name: string;
  handle: string;
  score: number;
  rank: number;
  insightCount: number;
  memberCount: number;
};

/** The ranked members of one leaderboard, best first; uncached (getDomainLeaderboard caches it, the bench times it). */
export async function rankDomainMembers(
  domain: { id: string; domainIds: string[] },
  period: LeaderboardPeriod,
  limit = LEADERBOARD_SIZE,
): Promise<RankedRow[]> {
  const counted = countedInsights({
    scope: Prisma.sql`${domain.id}::text`,
    days: periodDays(period),
    domainIds: domain.domainIds,
  });
  return db.$queryRaw<RankedRow[]>`
    WITH counted AS MATERIALIZED (${counted}),
    scores AS (${qualityScores(Prisma.sql`SELECT * FROM counted`)}),
    ranked AS (
      SELECT s."authorId", s.score, u."name", u."handle",
             rank() OVER (ORDER BY s.score DESC)::int AS rank, count(*) OVER ()::int AS member_count
      FROM scores s JOIN "User" u ON u."id" = s."authorId"
      WHERE NOT u."leaderboardOptOut"
    ),
    top AS (SELECT * FROM ranked ORDER BY score DESC, "authorId" LIMIT ${limit}::int),
    insight_counts AS (SELECT "authorId", count(*)::int AS n FROM counted GROUP BY "authorId")
    SELECT t."authorId" AS "userId", t."name", t."handle", t.score, t.rank, t.member_count AS "memberCount",
           c.n AS "insightCount"
    FROM top t JOIN insight_counts c ON c."authorId" = t."authorId"
    ORDER BY t.score DESC, t."authorId"`;
}

const CONTRIBUTOR_SLUGS = CONTRIBUTOR_TIERS.map((tier) => tier.slug);

/** Each member's chips: the highest Contributor tier held, and Top Voice in one of `domainIds`. */
async function chipsOf(userIds: string[], domainIds: string[]): Promise<Map<string, BadgeChipData[]>> {
  const rows = await db.userBadge.findMany({
    where: {
      userId: { in: userIds },
      revokedAt: null,
      OR: [
        { badgeSlug: { in: CONTRIBUTOR_SLUGS } },
        { badgeSlug: TOP_VOICE.slug, domainId: { in: domainIds } },
      ],
    },
    select: { userId: true, badgeSlug: true, badge: { select: { name: true, tier: true } } },
  });
  const contributor = new Map<string, { name: string; tier: BadgeTierName }>();
  const topVoice = new Map<string, string>();
  for (const row of rows) {
    if (row.badgeSlug === TOP_VOICE.slug) topVoice.set(row.userId, row.badge.name);
    else if (TIER_RANK[row.badge.tier] > TIER_RANK[contributor.get(row.userId)?.tier ?? "NONE"]) {
      contributor.set(row.userId, row.badge);
    }
  }
  return new Map(
    userIds.map((userId) => {
      const held = contributor.get(userId);
      const voice = topVoice.get(userId);
      return [
        userId,
        [
          ...(held ? [{ label: badgeLabel(held.name, held.tier), tier: held.tier }] : []),
          ...(voice ? [{ label: voice, tier: "NONE" as const }] : []),
        ],
      ];
    }),
  );
}

/**
 * A domain's leaderboard for `period`; null for an unknown domain. Cached under the domain's leaderboard
 * tag (settings saves revalidate it), `articles`, `domains` and `badges` (the chips), and recounted
 * LEADERBOARD_BACKSTOP_SECONDS after it was made at the latest, since reactions do not revalidate it.
 */
export async function getDomainLeaderboard(
  slug: string,
  period: LeaderboardPeriod,
): Promise<DomainLeaderboard | null> {
  if (!isSlugParam(slug)) return null;
  const domain = await findLeaderboardDomain(slug);
  if (!domain) return null;
  return cached(
    async (): Promise<DomainLeaderboard> => {
      const rows = await rankDomainMembers(domain, period);
      const chips =
        rows.length > 0
          ? await chipsOf(
              rows.map((row) => row.userId),
              domain.domainIds,
            )
          : new Map();
      const { domainIds: _domainIds, ...shown } = domain;
      return {
        domain: shown,
        period,
        entries: rows.map((row) => ({
          rank: row.rank,
          name: row.name,
          handle: row.handle,
          score: row.score,
          insightCount: row.insightCount,
          badges: chips.get(row.userId) ?? [],
        })),
        memberCount: rows[0]?.memberCount ?? 0,
      };
    },
    ["leaderboard", domain.id, domain.domainIds.join(","), period],
    [tags.leaderboard(domain.id), tags.articles, tags.domains, tags.badges],
    { revalidate: LEADERBOARD_BACKSTOP_SECONDS[period] },
  );
}

/**
 * The leaderboard tags of every domain where `userId` has insights that are or were published, and of those
 * domains' parents: what changing the member's name, handle, leaderboard choice or standing (a sanction, a
 * ban that removed their insights) may change (index Insight(authorId, status, publishedAt)).
 */
export async function listLeaderboardTagsFor(userId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ domainId: string; parentId: string | null }[]>`
    SELECT DISTINCT d."id" AS "domainId", d."parentId"
    FROM "Insight" i
    JOIN "Section" s ON s."id" = i."sectionId"
    JOIN "Article" a ON a."id" = s."articleId"
    JOIN "Domain" d ON d."id" = a."domainId"
    WHERE i."authorId" = ${userId} AND i."publishedAt" IS NOT NULL AND i."deletedAt" IS NULL`;
  const ids = new Set(rows.flatMap((row) => (row.parentId ? [row.domainId, row.parentId] : [row.domainId])));
  return [...ids].map((id) => tags.leaderboard(id));
}
