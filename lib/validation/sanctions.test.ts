import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFrom } from "@/lib/action-result";
import {
  banFormSchema,
  banSchema,
  liftSanctionSchema,
  memberSearchSchema,
  SANCTION_TEXT_MAX,
  setRoleSchema,
  setTrustSchema,
  suspendFormSchema,
  suspendSchema,
  warnSchema,
} from "./sanctions";

/** The first message per field, as the forms show them; {} when the input is accepted. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsFrom(result.error);
}

describe("warnSchema", () => {
  it("accepts a message and trims it", () => {
    expect(warnSchema.parse({ userId: "u1", message: "  Please keep it civil.\n" })).toEqual({
      userId: "u1",
      message: "Please keep it civil.",
    });
  });

  it("refuses an empty or blank message", () => {
    expect(errorsOf(warnSchema, { userId: "u1", message: "   " })).toEqual({
      message: "Write the warning the member will read.",
    });
  });

  it("refuses a message longer than the limit, and accepts one exactly at it", () => {
    expect(errorsOf(warnSchema, { userId: "u1", message: "a".repeat(SANCTION_TEXT_MAX) })).toEqual({});
    expect(errorsOf(warnSchema, { userId: "u1", message: "a".repeat(SANCTION_TEXT_MAX + 1) })).toEqual({
      message: `Keep it to ${SANCTION_TEXT_MAX} characters.`,
    });
  });

  it("refuses a missing member", () => {
    expect(Object.keys(errorsOf(warnSchema, { message: "Hello" }))).toEqual(["userId"]);
  });
});

describe("suspendSchema", () => {
  it.each([1, 7, 30])("accepts %i days", (days) => {
    expect(errorsOf(suspendSchema, { userId: "u1", days, reason: "Spam" })).toEqual({});
  });

  it.each([0, 2, 14, 31, 365, -1, 7.5, "7", null])("refuses %s days", (days) => {
    expect(errorsOf(suspendSchema, { userId: "u1", days, reason: "Spam" })).toEqual({
      days: "Choose 1, 7, 30 days.",
    });
  });

  it("needs a reason", () => {
    expect(errorsOf(suspendFormSchema, { days: 7, reason: "" })).toEqual({
      reason: "Give a reason: the member sees it.",
    });
  });
});

describe("banSchema", () => {
  it("defaults to keeping the member's insights", () => {
    expect(banSchema.parse({ userId: "u1", reason: "Abuse" })).toEqual({
      userId: "u1",
      reason: "Abuse",
      removeInsights: false,
    });
  });

  it("takes removeInsights as a boolean only", () => {
    expect(banSchema.parse({ userId: "u1", reason: "Abuse", removeInsights: true }).removeInsights).toBe(
      true,
    );
    expect(
      Object.keys(errorsOf(banSchema, { userId: "u1", reason: "Abuse", removeInsights: "yes" })),
    ).toEqual(["removeInsights"]);
  });

  it("the form needs a reason and the checkbox", () => {
    expect(errorsOf(banFormSchema, { reason: " ", removeInsights: false })).toEqual({
      reason: "Give a reason: the member sees it when they try to sign in.",
    });
  });
});

describe("liftSanctionSchema", () => {
  it("needs a sanction id of sane length", () => {
    expect(errorsOf(liftSanctionSchema, { sanctionId: "s1" })).toEqual({});
    expect(Object.keys(errorsOf(liftSanctionSchema, { sanctionId: "" }))).toEqual(["sanctionId"]);
    expect(Object.keys(errorsOf(liftSanctionSchema, { sanctionId: "x".repeat(65) }))).toEqual(["sanctionId"]);
  });
});

describe("setRoleSchema", () => {
  it.each(["MEMBER", "MODERATOR"])("accepts %s", (role) => {
    expect(errorsOf(setRoleSchema, { userId: "u1", role })).toEqual({});
  });

  it.each(["ADMIN", "moderator", "", null])("refuses %s: admins are not made here", (role) => {
    expect(errorsOf(setRoleSchema, { userId: "u1", role })).toEqual({ role: "Choose Member or Moderator." });
  });
});

describe("setTrustSchema", () => {
  it.each(["NEW", "TRUSTED", null])("accepts %s", (trust) => {
    expect(setTrustSchema.parse({ userId: "u1", trust })).toEqual({ userId: "u1", trust });
  });

  it("refuses anything else, and a missing value (null must be explicit)", () => {
    expect(Object.keys(errorsOf(setTrustSchema, { userId: "u1", trust: "ADMIN" }))).toEqual(["trust"]);
    expect(Object.keys(errorsOf(setTrustSchema, { userId: "u1" }))).toEqual(["trust"]);
  });
});

describe("memberSearchSchema", () => {
  it("trims and lower-cases the query", () => {
    expect(memberSearchSchema.parse({ q: "  Ada@Example.TEST " })).toEqual({ q: "ada@example.test" });
  });

  it("turns missing, repeated or over-long parameters into no filter and the first page", () => {
    expect(memberSearchSchema.parse({})).toEqual({ q: "" });
    expect(memberSearchSchema.parse({ q: ["a", "b"], cursor: ["x", "y"] })).toEqual({ q: "" });
    expect(memberSearchSchema.parse({ q: "a".repeat(101), cursor: "" })).toEqual({ q: "" });
  });

  it("drops NUL and other control characters from the query, and a cursor that is not a handle", () => {
    expect(memberSearchSchema.parse({ q: "\u0000Ada\u0000", cursor: "ada\u0000" })).toEqual({ q: "ada" });
    expect(memberSearchSchema.parse({ q: "\u0000" })).toEqual({ q: "" });
  });

  it("keeps a cursor", () => {
    expect(memberSearchSchema.parse({ q: "ada", cursor: "ada-lovelace" })).toEqual({
      q: "ada",
      cursor: "ada-lovelace",
    });
  });
});
