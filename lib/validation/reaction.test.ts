import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFrom } from "@/lib/action-result";
import { REACTION_KINDS, articleFeedbackSchema, reactSchema, sectionInsightsQuerySchema } from "./reaction";

/** The first message per field, as the forms show them; {} when the input is accepted. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsFrom(result.error);
}

const TOO_LONG = "Keep it to one line of 200 characters.";
const ONE_LINE = "Keep it to one line.";
const text = (length: number) => "a".repeat(length);

describe("reactSchema", () => {
  it("offers exactly the five reactions", () => {
    expect(REACTION_KINDS).toEqual(["LIKE", "INSIGHTFUL", "HELPFUL", "CELEBRATE", "UNHELPFUL"]);
  });

  it.each(REACTION_KINDS)("accepts %s", (kind) => {
    expect(reactSchema.parse({ insightId: "insight-1", kind })).toEqual({ insightId: "insight-1", kind });
  });

  it("accepts null, which removes the reaction", () => {
    expect(reactSchema.parse({ insightId: "insight-1", kind: null })).toEqual({
      insightId: "insight-1",
      kind: null,
    });
  });

  it.each([["LOVE"], ["like"], [""], [1], [undefined]])("refuses the kind %j", (kind) => {
    expect(errorsOf(reactSchema, { insightId: "insight-1", kind })).toHaveProperty("kind");
  });

  it("refuses a missing, empty or overlong insight id", () => {
    expect(errorsOf(reactSchema, { kind: "LIKE" })).toHaveProperty("insightId");
    expect(errorsOf(reactSchema, { insightId: "", kind: "LIKE" })).toHaveProperty("insightId");
    expect(errorsOf(reactSchema, { insightId: text(65), kind: "LIKE" })).toHaveProperty("insightId");
    expect(errorsOf(reactSchema, { insightId: text(64), kind: "LIKE" })).toEqual({});
  });
});

describe("articleFeedbackSchema", () => {
  it("accepts Yes and No without a reason", () => {
    expect(articleFeedbackSchema.parse({ articleId: "article-1", liked: true })).toEqual({
      articleId: "article-1",
      liked: true,
    });
    expect(articleFeedbackSchema.parse({ articleId: "article-1", liked: false })).toEqual({
      articleId: "article-1",
      liked: false,
    });
  });

  it("refuses an answer that is not a boolean", () => {
    expect(errorsOf(articleFeedbackSchema, { articleId: "article-1", liked: "yes" })).toHaveProperty("liked");
    expect(errorsOf(articleFeedbackSchema, { articleId: "article-1" })).toHaveProperty("liked");
    expect(errorsOf(articleFeedbackSchema, { articleId: "", liked: true })).toHaveProperty("articleId");
  });

  it("trims the reason", () => {
    const parsed = articleFeedbackSchema.parse({ articleId: "a", liked: false, reason: "  Too long.\t " });
    expect(parsed.reason).toBe("Too long.");
  });

  it("accepts a reason of exactly 200 characters, and 200 once surrounding spaces are trimmed", () => {
    expect(errorsOf(articleFeedbackSchema, { articleId: "a", liked: false, reason: text(200) })).toEqual({});
    expect(
      articleFeedbackSchema.parse({ articleId: "a", liked: false, reason: `  ${text(200)}  ` }).reason,
    ).toBe(text(200));
  });

  it("refuses a reason of 201 characters", () => {
    expect(errorsOf(articleFeedbackSchema, { articleId: "a", liked: false, reason: text(201) })).toEqual({
      reason: TOO_LONG,
    });
  });

  it.each([["line one\nline two"], ["line one\r\nline two"], ["line one\rline two"]])(
    "refuses a reason over more than one line: %j",
    (reason) => {
      expect(errorsOf(articleFeedbackSchema, { articleId: "a", liked: false, reason })).toEqual({
        reason: ONE_LINE,
      });
    },
  );

  it("keeps a reason whose only line break was trailing, without it", () => {
    expect(articleFeedbackSchema.parse({ articleId: "a", liked: false, reason: "Too vague.\n" }).reason).toBe(
      "Too vague.",
    );
  });

  it("turns a blank reason into an empty string (which the data layer stores as none)", () => {
    expect(articleFeedbackSchema.parse({ articleId: "a", liked: false, reason: "   " }).reason).toBe("");
  });
});

describe("sectionInsightsQuerySchema", () => {
  it("defaults to the top order, from the start, 10 at a time", () => {
    expect(sectionInsightsQuerySchema.parse({})).toEqual({ order: "top", offset: 0, limit: 10 });
  });

  it("reads the query string's text as numbers", () => {
    expect(sectionInsightsQuerySchema.parse({ order: "newest", offset: "3", limit: "7" })).toEqual({
      order: "newest",
      offset: 3,
      limit: 7,
    });
  });

  it("accepts the bounds: offset 0 to 10000, limit 1 to 50", () => {
    for (const query of [
      { offset: "0", limit: "1" },
      { offset: "10000", limit: "50" },
    ]) {
      expect(errorsOf(sectionInsightsQuerySchema, query)).toEqual({});
    }
  });

  it.each([
    ["order", { order: "oldest" }],
    ["offset", { offset: "-1" }],
    ["offset", { offset: "10001" }],
    ["offset", { offset: "1.5" }],
    ["offset", { offset: "many" }],
    ["limit", { limit: "0" }],
    ["limit", { limit: "51" }],
    ["limit", { limit: "2.5" }],
  ])("refuses a bad %s: %j", (field, query) => {
    expect(errorsOf(sectionInsightsQuerySchema, query)).toHaveProperty(field);
  });
});
