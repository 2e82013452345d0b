import { describe, expect, it } from "vitest";
import { addBlockedTermSchema, BLOCKED_TERM_MAX, removeBlockedTermSchema } from "./moderation-settings";

describe("addBlockedTermSchema", () => {
  it("stores a term as the checks compare it: folded, lower-case, single spaces", () => {
    expect(addBlockedTermSchema.parse({ term: "  Buy \n NOW " })).toEqual({ term: "buy now" });
    expect(addBlockedTermSchema.parse({ term: "Ｃａｓｉｎｏ" })).toEqual({ term: "casino" });
  });

  it("refuses an empty or blank term", () => {
    for (const term of ["", "   ", "\u200B"]) {
      const result = addBlockedTermSchema.safeParse({ term });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("Enter a word or phrase.");
    }
  });

  it(`accepts ${BLOCKED_TERM_MAX} characters and refuses more`, () => {
    expect(addBlockedTermSchema.safeParse({ term: "a".repeat(BLOCKED_TERM_MAX) }).success).toBe(true);
    const result = addBlockedTermSchema.safeParse({ term: "a".repeat(BLOCKED_TERM_MAX + 1) });
    expect(result.error?.issues[0]?.message).toBe(`Keep it to ${BLOCKED_TERM_MAX} characters.`);
  });

  it("refuses a term that is not text", () => {
    expect(addBlockedTermSchema.safeParse({ term: 42 }).success).toBe(false);
  });
});

describe("removeBlockedTermSchema", () => {
  it("needs an id", () => {
    expect(removeBlockedTermSchema.safeParse({ id: "" }).success).toBe(false);
    expect(removeBlockedTermSchema.parse({ id: "term-1" })).toEqual({ id: "term-1" });
  });
});
