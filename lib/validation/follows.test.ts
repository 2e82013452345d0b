import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFrom } from "@/lib/action-result";
import { FOLLOW_KINDS, listFollowsSchema, setFollowSchema } from "./follows";

/** The first message per field, as the forms show them; {} when the input is accepted. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsFrom(result.error);
}

describe("setFollowSchema", () => {
  it.each(FOLLOW_KINDS)("accepts following and unfollowing a %s", (kind) => {
    expect(setFollowSchema.parse({ kind, id: " d1 ", following: true })).toEqual({
      kind,
      id: "d1",
      following: true,
    });
    expect(setFollowSchema.parse({ kind, id: "d1", following: false }).following).toBe(false);
  });

  it("refuses anything but a domain or an article", () => {
    expect(errorsOf(setFollowSchema, { kind: "member", id: "m1", following: true })).toHaveProperty("kind");
  });

  it("refuses a missing, blank or overlong id", () => {
    expect(errorsOf(setFollowSchema, { kind: "domain", following: true })).toHaveProperty("id");
    expect(errorsOf(setFollowSchema, { kind: "domain", id: "  ", following: true })).toEqual({
      id: "Choose what to follow.",
    });
    expect(errorsOf(setFollowSchema, { kind: "domain", id: "x".repeat(65), following: true })).toEqual({
      id: "That id is too long.",
    });
  });

  it("needs the state asked for as a boolean", () => {
    expect(errorsOf(setFollowSchema, { kind: "article", id: "a1", following: "yes" })).toHaveProperty(
      "following",
    );
    expect(errorsOf(setFollowSchema, { kind: "article", id: "a1" })).toHaveProperty("following");
  });
});

describe("listFollowsSchema", () => {
  it("takes a kind and an optional cursor", () => {
    expect(listFollowsSchema.parse({ kind: "article" })).toEqual({ kind: "article" });
    expect(listFollowsSchema.parse({ kind: "domain", cursor: "abc" })).toEqual({
      kind: "domain",
      cursor: "abc",
    });
  });

  it("refuses an empty or overlong cursor", () => {
    expect(errorsOf(listFollowsSchema, { kind: "domain", cursor: "" })).toHaveProperty("cursor");
    expect(errorsOf(listFollowsSchema, { kind: "domain", cursor: "c".repeat(201) })).toHaveProperty("cursor");
  });
});
