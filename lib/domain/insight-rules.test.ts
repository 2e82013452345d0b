import { describe, expect, it } from "vitest";
import { hashBody } from "@/lib/insight-hash";
import {
  checkPostingRate,
  countLinks,
  editedInsightStatus,
  initialInsightStatus,
  INSIGHT_MAX,
  INSIGHT_MIN,
  normalizeBody,
  POSTING_LIMITS,
} from "./insight-rules";

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;
const DAY = 24 * HOUR;
const NOW = new Date("2025-06-15T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe("the product's numbers", () => {
  it("allows 125 to 750 characters and limits new members (7 days, 3 published) to 1 post per 30 s, 10 a day and 3 links", () => {
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
  const flagged = [{ code: "too-fast" }];

  it("holds a new member's insight for review, flagged or not", () => {
    expect(initialInsightStatus({ role: "MEMBER", trust: "NEW" }, [])).toBe("PENDING");
    expect(initialInsightStatus({ role: "MEMBER", trust: "NEW" }, flagged)).toBe("PENDING");
  });

  it("publishes a trusted member's insight at once unless an automatic check flagged it", () => {
    expect(initialInsightStatus({ role: "MEMBER", trust: "TRUSTED" }, [])).toBe("PUBLISHED");
    expect(initialInsightStatus({ role: "MEMBER", trust: "TRUSTED" }, flagged)).toBe("PENDING");
  });

  it.each(["MODERATOR", "ADMIN"] as const)("publishes a %s's insight at once", (role) => {
    expect(initialInsightStatus({ role, trust: "TRUSTED" }, [])).toBe("PUBLISHED");
    expect(initialInsightStatus({ role, trust: "NEW" }, flagged)).toBe("PUBLISHED");
  });
});

describe("editedInsightStatus", () => {
  const flagged = [{ code: "blocked-term" }];

  it("keeps a trusted member's edited insight published when nothing is flagged", () => {
    expect(editedInsightStatus("PUBLISHED", { role: "MEMBER", trust: "TRUSTED" }, [])).toBe("PUBLISHED");
  });

  it("sends a published insight back to review when the edit is flagged or its author is new", () => {
    expect(editedInsightStatus("PUBLISHED", { role: "MEMBER", trust: "TRUSTED" }, flagged)).toBe("PENDING");
    expect(editedInsightStatus("PUBLISHED", { role: "MEMBER", trust: "NEW" }, [])).toBe("PENDING");
  });

  it("leaves pending and hidden insights as they are: they already wait for a moderator", () => {
    expect(editedInsightStatus("PENDING", { role: "MEMBER", trust: "TRUSTED" }, [])).toBe("PENDING");
    expect(editedInsightStatus("HIDDEN", { role: "MEMBER", trust: "TRUSTED" }, flagged)).toBe("HIDDEN");
  });

  it.each(["MODERATOR", "ADMIN"] as const)("keeps a %s's published insight published", (role) => {
    expect(editedInsightStatus("PUBLISHED", { role, trust: "TRUSTED" }, flagged)).toBe("PUBLISHED");
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
