import { describe, expect, it } from "vitest";
import { isRecordIdParam, isSlugParam, plainText, withoutControlCharacters } from "./text";

describe("withoutControlCharacters", () => {
  it("drops NUL and the other control characters but keeps tabs, line feeds and ordinary text", () => {
    expect(withoutControlCharacters("a\u0000b\u0001c\u001Fd\u007Fe")).toBe("abcde");
    expect(withoutControlCharacters("line one\r\n\tline two")).toBe("line one\n\tline two");
    expect(withoutControlCharacters("Café – naïve 👋")).toBe("Café – naïve 👋");
  });
});

describe("plainText", () => {
  it("strips control characters before the checks chained after it", () => {
    const schema = plainText().trim().min(3).max(5);
    expect(schema.parse(" \u0000abc\u0000 ")).toBe("abc");
    expect(schema.safeParse("\u0000\u0000a").success).toBe(false);
    expect(schema.parse("ab\u0000cde")).toBe("abcde");
  });
});

describe("URL segment shapes", () => {
  it("a slug or handle is lower-case words joined by single hyphens", () => {
    expect(isSlugParam("career-guides")).toBe(true);
    expect(isSlugParam("ada2")).toBe(true);
    for (const bad of ["", "\u0000", "a\u0000b", "Career", "a--b", "-a", "a b", "%00", "a".repeat(201)])
      expect(isSlugParam(bad)).toBe(false);
  });

  it("a record id is letters, digits, underscores and hyphens", () => {
    expect(isRecordIdParam("cmabc123xyz0000def456ghi")).toBe(true);
    for (const bad of ["", "\u0000", "abc\u0000", "a/b", "a".repeat(65)])
      expect(isRecordIdParam(bad)).toBe(false);
  });
});
