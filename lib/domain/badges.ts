// Badge rules as numbers and words. The grant SQL in lib/data/badges.ts uses these same numbers (passed
// as parameters), and the Badge rows seeded by migration describe them to readers.

export type ContributorTier = "BRONZE" | "SILVER" | "GOLD";

export const CONTRIBUTOR_TIERS: readonly { slug: string; tier: ContributorTier; articles: number }[] = [
  { slug: "contributor-bronze", tier: "BRONZE", articles: 3 },
  { slug: "contributor-silver", tier: "SILVER", articles: 10 },
  { slug: "contributor-gold", tier: "GOLD", articles: 25 },
];

export const FIRST_INSIGHT_SLUG = "first-insight";
export const HELPFUL_SLUG = "helpful";
/** Helpful + Insightful reactions one insight needs for the Helpful badge */
export const HELPFUL_REACTIONS = 10;

export const TOP_VOICE = {
  slug: "top-voice",
  windowDays: 60,
  size: 5,
  /** the most points (either way) any one reacting member can contribute to a member's score */
  maxPointsPerReactor: 6,
} as const;

const TIER_LABEL: Record<ContributorTier, string> = { BRONZE: "Bronze", SILVER: "Silver", GOLD: "Gold" };

export function tierLabel(tier: ContributorTier): string {
  return TIER_LABEL[tier];
}

export type ContributorProgress = {
  /** distinct articles with a published insight */
  articles: number;
  /** distinct further articles where the member's insight awaits review */
  pendingArticles: number;
  /** the highest tier reached, if any */
  tier: ContributorTier | null;
  /** the next tier and its target, or null at Gold */
  next: { tier: ContributorTier; articles: number } | null;
  /** what the member reads under the call-out */
  message: string;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Where a member stands on the way to the next Contributor tier, in words. */
export function contributorProgress(articles: number, pendingArticles = 0): ContributorProgress {
  const reached = CONTRIBUTOR_TIERS.filter((t) => articles >= t.articles);
  const tier = reached.at(-1)?.tier ?? null;
  const next = CONTRIBUTOR_TIERS.find((t) => articles < t.articles) ?? null;
  const pending = pendingArticles > 0 ? ` (${pendingArticles} more awaiting review)` : "";
  let message: string;
  if (!next) {
    message = `You hold the Gold Contributor badge: you have contributed to ${plural(articles, "article")}.`;
  } else if (!tier) {
    message = `You have contributed to ${articles} of ${next.articles} articles${pending}.`;
  } else {
    message = `You hold the ${tierLabel(tier)} Contributor badge. You have contributed to ${articles} of ${next.articles} articles for ${tierLabel(next.tier)}${pending}.`;
  }
  return {
    articles,
    pendingArticles,
    tier,
    next: next ? { tier: next.tier, articles: next.articles } : null,
    message,
  };
}
