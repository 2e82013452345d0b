import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFrom } from "@/lib/action-result";
import {
  INSIGHT_PAGE_SIZE,
  INSIGHTS_PER_SECTION,
  insightCursor,
  publicArticleRequestSchema,
  publicMemberInsightsRequestSchema,
  publicSectionInsightsRequestSchema,
} from "./public-api";

/** The first message per parameter, as the API's 400 body lists them; {} when the request is accepted. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsFrom(result.error);
}

const base64url = (text: string) =>
  Buffer.from(text, "utf8").toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

const position = { publishedAt: new Date("2026-03-04T05:06:07.089Z"), id: "cm1a2b3c4d5e6f7g8h9i0j1k2" };

describe("slugs, handles and anchors", () => {
  it.each(["frontend-vs-backend-career-growth", "a", "a1-b2-c3", "x".repeat(120)])("accepts %s", (slug) => {
    expect(errorsOf(publicArticleRequestSchema, { slug })).toEqual({});
  });

  it.each([
    ["an upper-case letter", "Frontend"],
    ["an underscore", "front_end"],
    ["a leading hyphen", "-frontend"],
    ["a trailing hyphen", "frontend-"],
    ["a double hyphen", "front--end"],
    ["a space", "front end"],
    ["a path", "../secrets"],
    ["an empty string", ""],
    ["121 characters", "x".repeat(121)],
  ])("refuses %s", (_case, slug) => {
    expect(Object.keys(errorsOf(publicArticleRequestSchema, { slug }))).toEqual(["slug"]);
  });

  it("names each bad path parameter", () => {
    expect(
      Object.keys(errorsOf(publicSectionInsightsRequestSchema, { slug: "Bad", anchor: "bad_" })),
    ).toEqual(["slug", "anchor"]);
    expect(Object.keys(errorsOf(publicMemberInsightsRequestSchema, { handle: "Priya" }))).toEqual(["handle"]);
    expect(Object.keys(errorsOf(publicMemberInsightsRequestSchema, {}))).toEqual(["handle"]);
  });
});

describe("limits", () => {
  const perSection = (insightsPerSection: string | null | undefined) =>
    publicArticleRequestSchema.safeParse({ slug: "article", insightsPerSection });
  const pageSize = (limit: string | null | undefined) =>
    publicMemberInsightsRequestSchema.safeParse({ handle: "priya-raman", limit });

  it("defaults when the parameter is missing or empty", () => {
    for (const missing of [undefined, null, ""]) {
      expect(perSection(missing).data?.insightsPerSection).toBe(INSIGHTS_PER_SECTION.default);
      expect(pageSize(missing).data?.limit).toBe(INSIGHT_PAGE_SIZE.default);
    }
    expect(INSIGHTS_PER_SECTION.default).toBe(10);
    expect(INSIGHT_PAGE_SIZE.default).toBe(20);
  });

  it.each([
    ["1", 1],
    ["50", 50],
    ["007", 7],
  ])("accepts %s as %i", (given, expected) => {
    expect(perSection(given).data?.insightsPerSection).toBe(expected);
    expect(pageSize(given).data?.limit).toBe(expected);
  });

  it.each(["0", "51", "-1", "1.5", "1e1", " 5", "0x10", "ten", "9999999"])("refuses %s", (given) => {
    const message = "Use a whole number from 1 to 50.";
    expect(errorsOf(publicArticleRequestSchema, { slug: "article", insightsPerSection: given })).toEqual({
      insightsPerSection: message,
    });
    expect(errorsOf(publicSectionInsightsRequestSchema, { slug: "a", anchor: "b", limit: given })).toEqual({
      limit: message,
    });
    expect(errorsOf(publicMemberInsightsRequestSchema, { handle: "priya-raman", limit: given })).toEqual({
      limit: message,
    });
  });
});

describe("cursors", () => {
  it("round-trips a position through an opaque, URL-safe string", () => {
    const cursor = insightCursor.encode(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(position.id);
    expect(insightCursor.decode(cursor)).toEqual(position);
    const parsed = publicMemberInsightsRequestSchema.parse({ handle: "priya-raman", cursor });
    expect(parsed.cursor).toEqual(position);
  });

  it("treats a missing or empty cursor as the first page", () => {
    for (const cursor of [undefined, null, ""]) {
      expect(
        publicMemberInsightsRequestSchema.parse({ handle: "priya-raman", cursor }).cursor,
      ).toBeUndefined();
    }
  });

  it.each([
    ["garbage", "not a cursor!"],
    ["base64 that is not JSON", base64url("hello")],
    ["JSON of the wrong shape", base64url(JSON.stringify({ publishedAt: position.publishedAt, id: "x" }))],
    ["a date that is not ISO", base64url(JSON.stringify(["yesterday", "abc"]))],
    ["an impossible date", base64url(JSON.stringify(["2026-02-31T00:00:00.000Z", "abc"]))],
    ["an id with odd characters", base64url(JSON.stringify([position.publishedAt.toISOString(), "a b"]))],
    ["an extra element", base64url(JSON.stringify([position.publishedAt.toISOString(), "abc", 1]))],
    ["padding", `${insightCursor.encode(position)}=`],
    ["an over-long string", "A".repeat(400)],
  ])("refuses %s", (_case, cursor) => {
    expect(insightCursor.decode(cursor)).toBeNull();
    expect(errorsOf(publicSectionInsightsRequestSchema, { slug: "a", anchor: "b", cursor })).toEqual({
      cursor: "This cursor is not valid: use a nextCursor from an earlier response.",
    });
  });
});
