import "server-only";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { badgeLabel, TIER_RANK, type BadgeChipData, type BadgeTierName } from "@/lib/domain/badge-labels";
import { CONTRIBUTOR_TIERS, TOP_VOICE } from "@/lib/domain/badges";
import { cached } from "./cache";

// Reads that show badges: the badge list and each badge's holders (cached under `badges`), a member's
// badges for their profile and the header menu, and the chips next to authors' names on an article.
// The granting job (lib/data/badges.ts) writes UserBadge rows; nothing here writes.
//
// A holder is a member whose grant is not revoked and who is not banned (a banned member's profile is gone).

export type { BadgeChipData, BadgeTierName };

export type DomainLink = { name: string; slug: string };

export type BadgeSummary = {
  slug: string;
  family: string;
  name: string;
  /** "Contributor · Gold"; the bare name for untiered badges */
  label: string;
  description: string;
  criteria: string;
  tier: BadgeTierName;
  perDomain: boolean;
  revocable: boolean;
  /** members holding it now: revoked grants do not count, and a member counts once however many domains */
  holderCount: number;
};

export type BadgeHolder = {
  /** the grant's id */
  id: string;
  name: string;
  handle: string;
  grantedAt: string;
  /** the domain a per-domain badge (Top Voice) was earned in */
  domain: DomainLink | null;
};

export type BadgeHoldersView = {
  badge: BadgeSummary;
  holders: BadgeHolder[];
  /** current grants, one per member and domain */
  grantCount: number;
  page: number;
  pageCount: number;
};

export type MemberBadge = {
  /** the grant's id */
  id: string;
  slug: string;
  name: string;
  label: string;
  description: string;
  tier: BadgeTierName;
  grantedAt: string;
  domain: DomainLink | null;
};

/** A badge the member held and lost again (revocable badges: Contributor tiers, Top Voice). */
export type PastMemberBadge = MemberBadge & { revokedAt: string };

/** A badge as the header menu lists it (from /api/viewer). */
export type MenuBadge = { slug: string; name: string; tier: BadgeTierName; domainName: string | null };

/** A chip next to an author's name on an insight. */
export type AuthorBadge = BadgeChipData;

export const BADGE_HOLDERS_PAGE_SIZE = 20;

const CONTRIBUTOR_SLUGS = CONTRIBUTOR_TIERS.map((tier) => tier.slug);

const notBanned = { status: { not: "BANNED" } } as const;

async function countHolders(slug: string | null): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ badgeSlug: string; holders: number }[]>`
    SELECT ub."badgeSlug", count(DISTINCT ub."userId")::int AS holders
    FROM "UserBadge" ub JOIN "User" u ON u."id" = ub."userId"
    WHERE ub."revokedAt" IS NULL AND u."status" <> 'BANNED'
      AND (${slug}::text IS NULL OR ub."badgeSlug" = ${slug}::text)
    GROUP BY ub."badgeSlug"`;
  return new Map(rows.map((row) => [row.badgeSlug, row.holders]));
}

const badgeSelect = {
  slug: true,
  family: true,
  name: true,
  description: true,
  criteria: true,
  tier: true,
  perDomain: true,
  revocable: true,
} as const;

type BadgeRow = {
  slug: string;
  family: string;
  name: string;
  description: string;
  criteria: string;
  tier: BadgeTierName;
  perDomain: boolean;
  revocable: boolean;
};

function toSummary(badge: BadgeRow, holders: Map<string, number>): BadgeSummary {
  return { ...badge, label: badgeLabel(badge.name, badge.tier), holderCount: holders.get(badge.slug) ?? 0 };
}

/** Every badge in display order, each with how many members hold it now. */
export const listBadges = (): Promise<BadgeSummary[]> =>
  cached(
    async (): Promise<BadgeSummary[]> => {
      const [badges, holders] = await Promise.all([
        db.badge.findMany({ select: badgeSelect, orderBy: [{ position: "asc" }, { slug: "asc" }] }),
        countHolders(null),
      ]);
      return badges.map((badge) => toSummary(badge, holders));
    },
    ["badge-list"],
    [tags.badges],
  );

/** A badge and one page of its current holders, most recently earned first; null for an unknown badge. */
export async function getBadgeHolders(slug: string, page: number): Promise<BadgeHoldersView | null> {
  return cached(
    async (): Promise<BadgeHoldersView | null> => {
      const badge = await db.badge.findUnique({ where: { slug }, select: badgeSelect });
      if (!badge) return null;
      const where = { badgeSlug: slug, revokedAt: null, user: notBanned };
      const [holders, grantCount, rows] = await Promise.all([
        countHolders(slug),
        db.userBadge.count({ where }),
        db.userBadge.findMany({
          where,
          select: {
            id: true,
            grantedAt: true,
            user: { select: { name: true, handle: true } },
            domain: { select: { name: true, slug: true } },
          },
          orderBy: [{ grantedAt: "desc" }, { id: "asc" }],
          skip: (page - 1) * BADGE_HOLDERS_PAGE_SIZE,
          take: BADGE_HOLDERS_PAGE_SIZE,
        }),
      ]);
      return {
        badge: toSummary(badge, holders),
        holders: rows.map((row) => ({
          id: row.id,
          name: row.user.name,
          handle: row.user.handle,
          grantedAt: row.grantedAt.toISOString(),
          domain: row.domain,
        })),
        grantCount,
        page,
        pageCount: Math.max(1, Math.ceil(grantCount / BADGE_HOLDERS_PAGE_SIZE)),
      };
    },
    ["badge-holders", slug, String(page)],
    [tags.badges],
  );
}

/**
 * Every badge a member holds and every one they lost, for their profile. Not cached by itself: the
 * profile's cached read calls it, under the member's tag.
 */
export async function listMemberBadges(
  userId: string,
): Promise<{ current: MemberBadge[]; past: PastMemberBadge[] }> {
  const rows = await db.userBadge.findMany({
    where: { userId },
    select: {
      id: true,
      grantedAt: true,
      revokedAt: true,
      badge: { select: { slug: true, name: true, description: true, tier: true, position: true } },
      domain: { select: { name: true, slug: true } },
    },
    orderBy: [{ grantedAt: "desc" }, { id: "asc" }],
  });
  const toMemberBadge = (row: (typeof rows)[number]): MemberBadge => ({
    id: row.id,
    slug: row.badge.slug,
    name: row.badge.name,
    label: badgeLabel(row.badge.name, row.badge.tier),
    description: row.badge.description,
    tier: row.badge.tier,
    grantedAt: row.grantedAt.toISOString(),
    domain: row.domain,
  });
  const held = rows.filter((row) => row.revokedAt === null);
  // Badges in the order the badge list shows them; several Top Voice domains newest first (the query's order).
  held.sort((a, b) => a.badge.position - b.badge.position);
  const current = held.map(toMemberBadge);
  const past = rows
    .flatMap((row) =>
      row.revokedAt ? [{ ...toMemberBadge(row), revokedAt: row.revokedAt.toISOString() }] : [],
    )
    .sort((a, b) => b.revokedAt.localeCompare(a.revokedAt));
  return { current, past };
}

/**
 * The badges the header menu lists for the signed-in member (their own, so no further check): only the highest tier of a tiered family
 * (a Gold contributor also holds Bronze and Silver), and each Top Voice domain.
 */
export async function listMenuBadges(viewer: { id: string }): Promise<MenuBadge[]> {
  const rows = await db.userBadge.findMany({
    where: { userId: viewer.id, revokedAt: null },
    select: {
      badge: { select: { slug: true, family: true, name: true, tier: true, position: true } },
      domain: { select: { name: true } },
    },
    orderBy: [{ badge: { position: "asc" } }, { grantedAt: "desc" }],
  });
  const highestTier = new Map<string, number>();
  for (const { badge } of rows) {
    highestTier.set(badge.family, Math.max(highestTier.get(badge.family) ?? 0, TIER_RANK[badge.tier]));
  }
  return rows
    .filter(({ badge }) => TIER_RANK[badge.tier] === highestTier.get(badge.family))
    .map(({ badge, domain }) => ({
      slug: badge.slug,
      name: badge.name,
      tier: badge.tier,
      domainName: domain?.name ?? null,
    }));
}

/**
 * The chips for every author on one article, keyed by author id, in one query: the highest Contributor
 * tier each holds, and Top Voice when they hold it in the article's own domain.
 */
export async function getArticleAuthorBadges(
  articleId: string,
  domainId: string,
): Promise<Map<string, AuthorBadge[]>> {
  const rows = await db.userBadge.findMany({
    where: {
      revokedAt: null,
      OR: [{ badgeSlug: { in: CONTRIBUTOR_SLUGS } }, { badgeSlug: TOP_VOICE.slug, domainId }],
      user: { insights: { some: { section: { articleId }, status: "PUBLISHED", deletedAt: null } } },
    },
    select: { userId: true, badgeSlug: true, badge: { select: { name: true, tier: true } } },
  });
  const contributor = new Map<string, { name: string; tier: BadgeTierName }>();
  const topVoice = new Map<string, string>();
  for (const row of rows) {
    if (row.badgeSlug === TOP_VOICE.slug) {
      topVoice.set(row.userId, row.badge.name);
      continue;
    }
    const held = contributor.get(row.userId);
    if (!held || TIER_RANK[row.badge.tier] > TIER_RANK[held.tier]) contributor.set(row.userId, row.badge);
  }
  const chips = new Map<string, AuthorBadge[]>();
  for (const userId of new Set([...contributor.keys(), ...topVoice.keys()])) {
    const held = contributor.get(userId);
    const voice = topVoice.get(userId);
    chips.set(userId, [
      ...(held ? [{ label: badgeLabel(held.name, held.tier), tier: held.tier }] : []),
      ...(voice ? [{ label: voice, tier: "NONE" as const }] : []),
    ]);
  }
  return chips;
}
