import { describe, expect, it } from "vitest";
import { hashBody } from "@/lib/insight-hash";
import {
  checkPostingRate,
  countLinks,
  initialInsightStatus,
  INSIGHT_MAX,
  INSIGHT_MIN,
  isLimitedPoster,
  normalizeBody,
  POSTING_LIMITS,
} from "./insight-rules";

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;
const DAY = 24 * HOUR;
const NOW = new Date("2025-06-15T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe("the product's numbers", () => {
  it("allows 125 to 750 characters and limits new members to 1 post per 30 s, 10 a day and 3 links", () => {
    expect({ INSIGHT_MIN, INSIGHT_MAX }).toEqual({ INSIGHT_MIN: 125, INSIGHT_MAX: 750 });
    expect(POSTING_LIMITS).toEqual({
      intervalSeconds: 30,
      perDay: 10,
      maxLinks: 3,
      newAccountDays: 7,
      establishedAfterPublished: 3,
    });
  });
});

describe("initialInsightStatus", () => {
  it("holds a member's first insight for review", () => {
    expect(initialInsightStatus({ role: "MEMBER", publishedInsightCount: 0 })).toBe("PENDING");
  });

  it.each([1, 2, 50])("publishes at once for a member with %i published insight(s)", (count) => {
    expect(initialInsightStatus({ role: "MEMBER", publishedInsightCount: count })).toBe("PUBLISHED");
  });

  it.each(["MODERATOR", "ADMIN"] as const)("publishes a %s's very first insight at once", (role) => {
    expect(initialInsightStatus({ role, publishedInsightCount: 0 })).toBe("PUBLISHED");
  });
});

describe("isLimitedPoster", () => {
  it("limits an account younger than 7 days, however much it has published", () => {
    expect(isLimitedPoster({ createdAt: ago(7 * DAY - SECOND), publishedInsightCount: 20 }, NOW)).toBe(true);
    expect(isLimitedPoster({ createdAt: NOW, publishedInsightCount: 20 }, NOW)).toBe(true);
  });

  it("limits an old account with fewer than 3 published insights", () => {
    expect(isLimitedPoster({ createdAt: ago(30 * DAY), publishedInsightCount: 0 }, NOW)).toBe(true);
    expect(isLimitedPoster({ createdAt: ago(30 * DAY), publishedInsightCount: 2 }, NOW)).toBe(true);
  });

  it("does not limit an account of 7 days or more with 3 or more published insights", () => {
    expect(isLimitedPoster({ createdAt: ago(7 * DAY), publishedInsightCount: 3 }, NOW)).toBe(false);
    expect(isLimitedPoster({ createdAt: ago(365 * DAY), publishedInsightCount: 40 }, NOW)).toBe(false);
  });
});

describe("checkPostingRate", () => {
  it("allows a first post", () => {
    expect(checkPostingRate([], NOW)).toBeNull();
  });

  it.each([
    [SECOND, 29],
    [10 * SECOND, 20],
    [29 * SECOND + 500, 1],
    [0, 30],
  ])("refuses a post %i ms after the last one and says to wait %i s", (sinceLast, wait) => {
    const refusal = checkPostingRate([ago(sinceLast)], NOW);
    expect(refusal?.retryAfterSeconds).toBe(wait);
    expect(refusal?.message).toContain("30 seconds");
    expect(refusal?.message).toContain(`in ${wait} second`);
  });

  it("keeps the wait within 1..30 seconds whenever the last post is too recent", () => {
    for (let sinceLast = 0; sinceLast < 30 * SECOND; sinceLast += 250) {
      const refusal = checkPostingRate([ago(sinceLast)], NOW);
      expect(refusal?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refusal?.retryAfterSeconds).toBeLessThanOrEqual(30);
    }
  });

  it("allows a post 30 seconds after the last one", () => {
    expect(checkPostingRate([ago(30 * SECOND)], NOW)).toBeNull();
  });

  it("judges by the newest post, whatever order the times come in", () => {
    const refusal = checkPostingRate([ago(5 * HOUR), ago(5 * SECOND), ago(2 * HOUR)], NOW);
    expect(refusal?.retryAfterSeconds).toBe(25);
  });

  it("refuses the 11th post in 24 hours, saying the daily limit and the time the oldest post expires", () => {
    // Ten posts, one an hour, the oldest 10 hours ago: the next is allowed when that one is 24 hours old.
    const posts = Array.from({ length: 10 }, (_, i) => ago((i + 1) * HOUR));
    const refusal = checkPostingRate(posts, NOW);
    const allowedAt = new Date(NOW.getTime() + 14 * HOUR);
    expect(refusal).toEqual({
      message: expect.stringContaining("10 insights a day") as string,
      retryAfterSeconds: 14 * 60 * 60,
    });
    expect(refusal?.message).toContain(allowedAt.toUTCString());
  });

  it("waits for the 10th newest post to expire when there are more than 10 in the last day", () => {
    const posts = Array.from({ length: 12 }, (_, i) => ago((i + 1) * HOUR));
    expect(checkPostingRate(posts, NOW)?.retryAfterSeconds).toBe(14 * 60 * 60);
  });

  it("allows a post when one of the last 10 is older than 24 hours", () => {
    const posts = [...Array.from({ length: 9 }, (_, i) => ago((i + 1) * HOUR)), ago(DAY + SECOND)];
    expect(checkPostingRate(posts, NOW)).toBeNull();
  });
});

describe("countLinks", () => {
  it("counts nothing in plain text", () => {
    expect(countLinks("No links here, only words about http and www.")).toBe(0);
  });

  it("counts Markdown links and bare URLs", () => {
    const body =
      "See [the docs](https://example.com/docs), http://example.org/a?b=c and <https://example.net/x> too.";
    expect(countLinks(body)).toBe(3);
  });

  it("counts a Markdown link whose address has parentheses once", () => {
    expect(countLinks("[wiki](https://en.wikipedia.org/wiki/Tea_(drink))")).toBe(1);
  });

  it("counts four links as four, one more than a new member may post", () => {
    const body = "https://a.example https://b.example [c](https://c.example) [d](http://d.example/path)";
    expect(countLinks(body)).toBe(POSTING_LIMITS.maxLinks + 1);
  });

  // The insight renderer (remark-gfm) turns `www.` addresses into links, so they must count toward the limit.
  it("counts bare www. addresses, which insights render as links", () => {
    expect(countLinks("Read www.example.com and www.example.org/guide for more.")).toBe(2);
  });

  // The renderer shows `[https://x](https://x)` as one link: it must count once, not twice.
  it("counts a Markdown link whose text is its own address once", () => {
    expect(countLinks("[https://example.com/a](https://example.com/a)")).toBe(1);
  });
});

describe("normalizeBody", () => {
  it("trims, collapses whitespace and lower-cases", () => {
    expect(normalizeBody("  Hello\n\n\tWORLD   of  Tea \r\n")).toBe("hello world of tea");
  });

  it("gives two spellings of the same text the same fingerprint, and different text another", () => {
    expect(hashBody("Hello   World\nagain")).toBe(hashBody(" hello world AGAIN "));
    expect(hashBody("Hello World again")).not.toBe(hashBody("Hello World again!"));
  });
});
