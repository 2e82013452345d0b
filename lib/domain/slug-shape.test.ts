import { describe, expect, it } from "vitest";
import { HANDLE_MAX, HANDLE_MIN, RESERVED_HANDLES, isValidHandle } from "./slug-shape";

describe("isValidHandle", () => {
  it("accepts lower-case words joined by single hyphens within the length limits", () => {
    expect(isValidHandle("ada")).toBe(true);
    expect(isValidHandle("ada-lovelace-1815")).toBe(true);
    expect(isValidHandle("a".repeat(HANDLE_MAX))).toBe(true);
  });

  it.each([
    ["too short", "a".repeat(HANDLE_MIN - 1)],
    ["too long", "a".repeat(HANDLE_MAX + 1)],
    ["upper case", "Ada"],
    ["leading hyphen", "-ada"],
    ["trailing hyphen", "ada-"],
    ["double hyphen", "ada--lovelace"],
    ["underscore", "ada_lovelace"],
    ["space", "ada lovelace"],
    ["accent", "josé"],
  ])("refuses a handle with %s", (_why, handle) => {
    expect(isValidHandle(handle)).toBe(false);
  });

  it("refuses every reserved handle", () => {
    expect(RESERVED_HANDLES.size).toBeGreaterThan(0);
    for (const reserved of RESERVED_HANDLES) expect(isValidHandle(reserved), reserved).toBe(false);
    expect(isValidHandle("admin")).toBe(false);
    expect(isValidHandle("moderator")).toBe(false);
  });
});
