// How insights in a section are ordered on "Top". Reactions count with weights; Unhelpful counts
// against; a new insight gets a head start that fades over its first three days, so a good late
// contribution is not buried under early ones but still has to earn its place.

export type ReactionKindName = "LIKE" | "INSIGHTFUL" | "HELPFUL" | "CELEBRATE" | "UNHELPFUL";

export type ReactionCounts = Record<ReactionKindName, number>;

export const REACTION_WEIGHTS: ReactionCounts = {
  LIKE: 1,
  INSIGHTFUL: 2,
  HELPFUL: 2,
  CELEBRATE: 1,
  UNHELPFUL: -2,
};

/** The head start of a brand-new insight, in weighted reactions… */
export const FRESHNESS_BONUS = 3;
/** …fading to nothing over this many hours. */
export const FRESHNESS_HOURS = 72;

export const EMPTY_COUNTS: ReactionCounts = {
  LIKE: 0,
  INSIGHTFUL: 0,
  HELPFUL: 0,
  CELEBRATE: 0,
  UNHELPFUL: 0,
};

export function reactionScore(counts: ReactionCounts): number {
  return (Object.keys(REACTION_WEIGHTS) as ReactionKindName[]).reduce(
    (score, kind) => score + REACTION_WEIGHTS[kind] * counts[kind],
    0,
  );
}

export function freshnessBonus(publishedAt: Date, now: Date): number {
  const ageHours = Math.max(0, (now.getTime() - publishedAt.getTime()) / 3_600_000);
  return FRESHNESS_BONUS * Math.max(0, 1 - ageHours / FRESHNESS_HOURS);
}

export function insightScore(
  insight: { counts: ReactionCounts; publishedAt: Date },
  now = new Date(),
): number {
  return reactionScore(insight.counts) + freshnessBonus(insight.publishedAt, now);
}

export type InsightOrder = "top" | "newest";

/** Sorts a copy: "top" by score (ties: newer first), "newest" by publication time; ids break ties. */
export function rankInsights<T extends { id: string; counts: ReactionCounts; publishedAt: Date }>(
  insights: T[],
  order: InsightOrder,
  now = new Date(),
): T[] {
  const byNewest = (a: T, b: T) =>
    b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id);
  if (order === "newest") return [...insights].sort(byNewest);
  const scores = new Map(insights.map((insight) => [insight.id, insightScore(insight, now)]));
  return [...insights].sort((a, b) => scores.get(b.id)! - scores.get(a.id)! || byNewest(a, b));
}
