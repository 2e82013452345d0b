import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./redirect";

describe("safeCallbackUrl", () => {
  it.each([
    "/",
    "/articles/career-growth",
    "/articles/x?tab=insights&page=2",
    "/articles/x#what-else",
    "/a/b?c=d#e",
  ])("keeps the site path %j as it is", (path) => {
    expect(safeCallbackUrl(path)).toBe(path);
  });

  it("takes the first value of a repeated query parameter", () => {
    expect(safeCallbackUrl(["/settings", "https://evil.example"])).toBe("/settings");
    expect(safeCallbackUrl(["https://evil.example", "/settings"])).toBe("/");
  });

  it.each([
    ["missing", undefined],
    ["null", null],
    ["empty", ""],
    ["an empty list", []],
    ["an absolute URL", "https://evil.example/phish"],
    ["an absolute URL on http", "http://localhost:3000/articles"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with a path", "//evil.example/articles"],
    ["a backslash after the slash", "/\\evil.example"],
    ["a backslash later on", "/articles\\..\\..\\evil"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a relative path without a slash", "articles/x"],
    ["a leading space", " /articles"],
    ["a tab", "/\t/evil.example"],
    ["a newline", "/articles\n/x"],
    ["a carriage return", "/articles\r\nSet-Cookie: x=1"],
    ["a NUL", "/articles\u0000"],
    ["the sign-in page", "/sign-in"],
    ["the sign-in page with a callback", "/sign-in?callbackUrl=%2Fsettings"],
    ["the sign-up page", "/sign-up"],
  ])("falls back to the home page for %s", (_why, value) => {
    expect(safeCallbackUrl(value as string | string[] | null | undefined)).toBe("/");
  });

  it("uses the given fallback", () => {
    expect(safeCallbackUrl("//evil.example", "/settings")).toBe("/settings");
    expect(safeCallbackUrl(undefined, "/contribute")).toBe("/contribute");
  });
});
