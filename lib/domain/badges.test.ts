import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CONTRIBUTOR_TIERS,
  contributorProgress,
  FIRST_INSIGHT_SLUG,
  HELPFUL_REACTIONS,
  HELPFUL_SLUG,
  tierLabel,
  TOP_VOICE,
} from "./badges";

describe("badge rules", () => {
  it("sets the Contributor tiers at 3, 10 and 25 distinct articles, lowest first", () => {
    expect(CONTRIBUTOR_TIERS).toEqual([
      { slug: "contributor-bronze", tier: "BRONZE", articles: 3 },
      { slug: "contributor-silver", tier: "SILVER", articles: 10 },
      { slug: "contributor-gold", tier: "GOLD", articles: 25 },
    ]);
    expect(CONTRIBUTOR_TIERS.map((t) => tierLabel(t.tier))).toEqual(["Bronze", "Silver", "Gold"]);
  });

  it("sets Helpful at 10 reactions and Top Voice at the top 5 of 60 days, 6 points per reacting member", () => {
    expect(HELPFUL_REACTIONS).toBe(10);
    expect(TOP_VOICE).toEqual({ slug: "top-voice", windowDays: 60, size: 5, maxPointsPerReactor: 6 });
  });

  // Readers see the Badge rows the migration seeds; the grant SQL uses the numbers above.
  it("describes the same slugs and numbers in the seeded Badge rows", () => {
    const migrations = path.resolve("prisma/migrations");
    const folder = readdirSync(migrations).find((name) => name.endsWith("_badges"));
    const sql = readFileSync(path.join(migrations, folder!, "migration.sql"), "utf8");
    const criteria = (slug: string) => new RegExp(`\\('${slug}',[^\\n]*`).exec(sql)?.[0] ?? "";
    for (const tier of CONTRIBUTOR_TIERS) {
      expect(criteria(tier.slug)).toContain(
        `Published insights on ${tier.articles} or more different articles`,
      );
    }
    expect(criteria(FIRST_INSIGHT_SLUG)).toContain("Have one insight published.");
    expect(criteria(HELPFUL_SLUG)).toContain(`received ${HELPFUL_REACTIONS} Helpful or Insightful reactions`);
    const topVoice = criteria(TOP_VOICE.slug);
    expect(topVoice).toContain("five members");
    expect(topVoice).toContain(`last ${TOP_VOICE.windowDays} days`);
    expect(topVoice).toContain(
      `at most ${TOP_VOICE.maxPointsPerReactor} points from any one reacting member`,
    );
  });
});

describe("contributorProgress", () => {
  const BRONZE = { tier: "BRONZE", articles: 3 };
  const SILVER = { tier: "SILVER", articles: 10 };
  const GOLD = { tier: "GOLD", articles: 25 };

  it.each([
    [0, null, BRONZE, "You have contributed to 0 of 3 articles."],
    [1, null, BRONZE, "You have contributed to 1 of 3 articles."],
    [2, null, BRONZE, "You have contributed to 2 of 3 articles."],
    [
      3,
      "BRONZE",
      SILVER,
      "You hold the Bronze Contributor badge. You have contributed to 3 of 10 articles for Silver.",
    ],
    [
      9,
      "BRONZE",
      SILVER,
      "You hold the Bronze Contributor badge. You have contributed to 9 of 10 articles for Silver.",
    ],
    [
      10,
      "SILVER",
      GOLD,
      "You hold the Silver Contributor badge. You have contributed to 10 of 25 articles for Gold.",
    ],
    [
      24,
      "SILVER",
      GOLD,
      "You hold the Silver Contributor badge. You have contributed to 24 of 25 articles for Gold.",
    ],
    [25, "GOLD", null, "You hold the Gold Contributor badge: you have contributed to 25 articles."],
    [26, "GOLD", null, "You hold the Gold Contributor badge: you have contributed to 26 articles."],
  ])("at %i articles: tier %s, next %o", (articles, tier, next, message) => {
    expect(contributorProgress(articles)).toEqual({ articles, pendingArticles: 0, tier, next, message });
    // no pending articles is the default
    expect(contributorProgress(articles, 0)).toEqual(contributorProgress(articles));
  });

  it.each([
    [0, 1, "You have contributed to 0 of 3 articles (1 more awaiting review)."],
    [1, 2, "You have contributed to 1 of 3 articles (2 more awaiting review)."],
    [2, 1, "You have contributed to 2 of 3 articles (1 more awaiting review)."],
    [
      3,
      4,
      "You hold the Bronze Contributor badge. You have contributed to 3 of 10 articles for Silver (4 more awaiting review).",
    ],
    [
      9,
      1,
      "You hold the Bronze Contributor badge. You have contributed to 9 of 10 articles for Silver (1 more awaiting review).",
    ],
    [
      10,
      2,
      "You hold the Silver Contributor badge. You have contributed to 10 of 25 articles for Gold (2 more awaiting review).",
    ],
  ])("at %i articles with %i awaiting review", (articles, pendingArticles, message) => {
    const progress = contributorProgress(articles, pendingArticles);
    expect(progress.message).toBe(message);
    expect(progress.pendingArticles).toBe(pendingArticles);
    // articles awaiting review do not count towards a tier until they are published
    expect({ tier: progress.tier, next: progress.next }).toEqual({
      tier: contributorProgress(articles).tier,
      next: contributorProgress(articles).next,
    });
  });

  it("at Gold, says how many articles without mentioning any awaiting review", () => {
    expect(contributorProgress(25, 3).message).toBe(
      "You hold the Gold Contributor badge: you have contributed to 25 articles.",
    );
    expect(contributorProgress(26, 1)).toMatchObject({ tier: "GOLD", next: null, pendingArticles: 1 });
  });

  it("changes tier exactly at 3, 10 and 25 articles, and always points at the next one", () => {
    const expected = (n: number) => (n >= 25 ? "GOLD" : n >= 10 ? "SILVER" : n >= 3 ? "BRONZE" : null);
    for (let articles = 0; articles <= 30; articles++) {
      const { tier, next } = contributorProgress(articles);
      expect(tier).toBe(expected(articles));
      expect(next?.articles ?? null).toBe(articles < 3 ? 3 : articles < 10 ? 10 : articles < 25 ? 25 : null);
    }
  });
});
