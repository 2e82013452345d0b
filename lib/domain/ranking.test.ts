import { describe, expect, it } from "vitest";
import {
  EMPTY_COUNTS,
  FRESHNESS_BONUS,
  FRESHNESS_HOURS,
  REACTION_WEIGHTS,
  freshnessBonus,
  insightScore,
  rankInsights,
  reactionScore,
  type ReactionCounts,
} from "./ranking";

const HOUR = 60 * 60 * 1000;
const NOW = new Date("2025-06-01T12:00:00Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
const counts = (overrides: Partial<ReactionCounts> = {}): ReactionCounts => ({
  ...EMPTY_COUNTS,
  ...overrides,
});
const insight = (id: string, ageHours: number, overrides: Partial<ReactionCounts> = {}) => ({
  id,
  counts: counts(overrides),
  publishedAt: hoursAgo(ageHours),
});
const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("reactionScore", () => {
  it("weighs Insightful and Helpful double, Like and Celebrate single, and Unhelpful against", () => {
    expect(REACTION_WEIGHTS).toEqual({ LIKE: 1, INSIGHTFUL: 2, HELPFUL: 2, CELEBRATE: 1, UNHELPFUL: -2 });
    expect(reactionScore(counts({ LIKE: 1 }))).toBe(1);
    expect(reactionScore(counts({ INSIGHTFUL: 1 }))).toBe(2);
    expect(reactionScore(counts({ HELPFUL: 1 }))).toBe(2);
    expect(reactionScore(counts({ CELEBRATE: 1 }))).toBe(1);
    expect(reactionScore(counts({ UNHELPFUL: 1 }))).toBe(-2);
  });

  it("sums every kind's weighted count", () => {
    expect(reactionScore(EMPTY_COUNTS)).toBe(0);
    expect(reactionScore({ LIKE: 3, INSIGHTFUL: 2, HELPFUL: 1, CELEBRATE: 4, UNHELPFUL: 1 })).toBe(
      3 + 4 + 2 + 4 - 2,
    );
  });

  it("lowers the score for each Unhelpful, below zero when nothing else outweighs it", () => {
    const liked = counts({ LIKE: 2, HELPFUL: 1 });
    expect(reactionScore({ ...liked, UNHELPFUL: 1 })).toBeLessThan(reactionScore(liked));
    expect(reactionScore({ ...liked, UNHELPFUL: 2 })).toBeLessThan(reactionScore({ ...liked, UNHELPFUL: 1 }));
    expect(reactionScore(counts({ UNHELPFUL: 3 }))).toBe(-6);
  });
});

describe("freshnessBonus", () => {
  it("gives a brand-new insight the whole head start of 3", () => {
    expect(FRESHNESS_BONUS).toBe(3);
    expect(freshnessBonus(NOW, NOW)).toBe(3);
  });

  it("fades linearly: half (1.5) at 36 hours", () => {
    expect(freshnessBonus(hoursAgo(36), NOW)).toBeCloseTo(1.5, 10);
    expect(freshnessBonus(hoursAgo(18), NOW)).toBeCloseTo(2.25, 10);
  });

  it("is gone at 72 hours and stays 0, never negative, afterwards", () => {
    expect(FRESHNESS_HOURS).toBe(72);
    for (const age of [72, 73, 24 * 7, 24 * 365]) {
      expect(freshnessBonus(hoursAgo(age), NOW)).toBe(0);
    }
    expect(freshnessBonus(hoursAgo(71.9), NOW)).toBeGreaterThan(0);
  });

  it("never exceeds the head start, even for a publication time in the future (clock skew)", () => {
    expect(freshnessBonus(hoursAgo(-5), NOW)).toBe(3);
  });
});

describe("insightScore", () => {
  it("is the weighted reactions plus the freshness bonus", () => {
    expect(insightScore(insight("a", 36, { HELPFUL: 2, UNHELPFUL: 1 }), NOW)).toBeCloseTo(
      2 * 2 - 2 + 1.5,
      10,
    );
    expect(insightScore(insight("b", 100, { LIKE: 2 }), NOW)).toBe(2);
  });
});

describe("rankInsights", () => {
  it("lets a brand-new insight without reactions outrank a week-old one with 2 likes, but not one with 4", () => {
    const fresh = insight("fresh", 0);
    const twoLikes = insight("two-likes", 24 * 7, { LIKE: 2 });
    const fourLikes = insight("four-likes", 24 * 7, { LIKE: 4 });
    expect(ids(rankInsights([twoLikes, fresh], "top", NOW))).toEqual(["fresh", "two-likes"]);
    expect(ids(rankInsights([fresh, fourLikes], "top", NOW))).toEqual(["four-likes", "fresh"]);
  });

  it("puts an insight with Unhelpful reactions below an equal one without them", () => {
    const plain = insight("plain", 100, { LIKE: 3 });
    const disliked = insight("disliked", 100, { LIKE: 3, UNHELPFUL: 1 });
    expect(ids(rankInsights([disliked, plain], "top", NOW))).toEqual(["plain", "disliked"]);
  });

  it("orders 'top' by score, highest first", () => {
    const items = [
      insight("low", 200, { LIKE: 1 }),
      insight("high", 200, { INSIGHTFUL: 3 }),
      insight("negative", 200, { UNHELPFUL: 1 }),
      insight("middle", 200, { HELPFUL: 1, CELEBRATE: 1 }),
    ];
    expect(ids(rankInsights(items, "top", NOW))).toEqual(["high", "middle", "low", "negative"]);
  });

  it("orders 'newest' by publication time alone, whatever the reactions", () => {
    const items = [
      insight("old-popular", 200, { INSIGHTFUL: 50 }),
      insight("newest", 1, { UNHELPFUL: 3 }),
      insight("middle", 50),
    ];
    expect(ids(rankInsights(items, "newest", NOW))).toEqual(["newest", "middle", "old-popular"]);
  });

  it("breaks a tie in score with the newer insight first, then by id", () => {
    // Past the freshness window both score exactly their reactions: 2.
    const older = insight("a-older", 300, { LIKE: 2 });
    const newer = insight("z-newer", 200, { HELPFUL: 1 });
    expect(ids(rankInsights([older, newer], "top", NOW))).toEqual(["z-newer", "a-older"]);

    const sameTime = [
      insight("c", 100, { LIKE: 1 }),
      insight("a", 100, { LIKE: 1 }),
      insight("b", 100, { LIKE: 1 }),
    ];
    expect(ids(rankInsights(sameTime, "top", NOW))).toEqual(["a", "b", "c"]);
    expect(ids(rankInsights(sameTime, "newest", NOW))).toEqual(["a", "b", "c"]);
  });

  it("returns a sorted copy and leaves its input as it was", () => {
    const items = [insight("old", 100), insight("new", 1, { LIKE: 1 }), insight("mid", 50)];
    const before = structuredClone(items);
    const top = rankInsights(items, "top", NOW);
    const newest = rankInsights(items, "newest", NOW);
    expect(items).toEqual(before);
    expect(top).not.toBe(items);
    expect(newest).not.toBe(items);
    expect(ids(top)).toEqual(["new", "mid", "old"]);
    // the very same objects, not copies of them
    expect(top[0]).toBe(items[1]);
  });

  it("handles an empty list", () => {
    expect(rankInsights([], "top", NOW)).toEqual([]);
    expect(rankInsights([], "newest", NOW)).toEqual([]);
  });
});
