import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFrom } from "@/lib/action-result";
import { PASSWORD_MIN, handleSchema, profileSchema, signInSchema, signUpSchema } from "./account";

/** The first message per field, as the forms show them; {} when the input is accepted. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsFrom(result.error);
}

const validSignUp = { name: "Ada Lovelace", email: "ada@example.com", password: "analytical-engine" };

describe("signUpSchema", () => {
  it("trims and lower-cases the email", () => {
    expect(signUpSchema.parse({ ...validSignUp, email: "  Ada.Lovelace@Example.COM \n" }).email).toBe(
      "ada.lovelace@example.com",
    );
  });

  it("trims the name", () => {
    expect(signUpSchema.parse({ ...validSignUp, name: "  Ada Lovelace  " }).name).toBe("Ada Lovelace");
  });

  it.each(["ada", "ada@", "@example.com", "ada@example", "ada lovelace@example.com", "ada@@example.com"])(
    "refuses the email %j with a message",
    (email) => {
      expect(errorsOf(signUpSchema, { ...validSignUp, email })).toEqual({
        email: "Enter a valid email address.",
      });
    },
  );

  it("asks for an email when it is blank", () => {
    expect(errorsOf(signUpSchema, { ...validSignUp, email: "   " }).email).toBe("Enter your email address.");
  });

  it(`refuses a password shorter than ${PASSWORD_MIN} characters`, () => {
    expect(errorsOf(signUpSchema, { ...validSignUp, password: "x".repeat(PASSWORD_MIN - 1) })).toEqual({
      password: "Use at least 10 characters.",
    });
    expect(errorsOf(signUpSchema, { ...validSignUp, password: "x".repeat(PASSWORD_MIN) })).toEqual({});
  });

  it("refuses an absurdly long password", () => {
    expect(errorsOf(signUpSchema, { ...validSignUp, password: "x".repeat(201) }).password).toBe(
      "Keep your password to 200 characters.",
    );
  });

  it("requires a name (blank is not a name)", () => {
    expect(errorsOf(signUpSchema, { ...validSignUp, name: "" })).toEqual({ name: "Enter your name." });
    expect(errorsOf(signUpSchema, { ...validSignUp, name: "    " })).toEqual({ name: "Enter your name." });
    expect(errorsOf(signUpSchema, { ...validSignUp, name: "x".repeat(81) }).name).toBe(
      "Keep your name to 80 characters.",
    );
  });

  it("reports every bad field at once", () => {
    expect(
      Object.keys(errorsOf(signUpSchema, { name: "", email: "nope", password: "short" })).sort(),
    ).toEqual(["email", "name", "password"]);
  });
});

describe("signInSchema", () => {
  it("normalises the email like sign-up does, so either spelling finds the account", () => {
    expect(signInSchema.parse({ email: " ADA@Example.com", password: "x" }).email).toBe("ada@example.com");
  });

  it("accepts any non-empty password (old passwords may be shorter than today's minimum)", () => {
    expect(errorsOf(signInSchema, { email: "ada@example.com", password: "short" })).toEqual({});
    expect(errorsOf(signInSchema, { email: "ada@example.com", password: "" })).toEqual({
      password: "Enter your password.",
    });
  });
});

describe("handleSchema", () => {
  it("lower-cases and trims a handle", () => {
    expect(handleSchema.parse("  Ada-Lovelace ")).toBe("ada-lovelace");
  });

  it.each([
    ["ab", "Use at least 3 characters."],
    ["a".repeat(31), "Keep it to 30 characters."],
    ["-ada", "Use lower-case letters, digits and single hyphens (not at the start or end)."],
    ["ada-", "Use lower-case letters, digits and single hyphens (not at the start or end)."],
    ["ada--lovelace", "Use lower-case letters, digits and single hyphens (not at the start or end)."],
    ["ada_lovelace", "Use lower-case letters, digits and single hyphens (not at the start or end)."],
    ["ada lovelace", "Use lower-case letters, digits and single hyphens (not at the start or end)."],
    ["admin", "That handle is reserved."],
    ["Moderator", "That handle is reserved."],
    [" support ", "That handle is reserved."],
  ])("refuses %j: %s", (handle, message) => {
    const result = handleSchema.safeParse(handle);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("accepts handles at the length limits", () => {
    expect(handleSchema.parse("abc")).toBe("abc");
    expect(handleSchema.parse("a".repeat(30))).toBe("a".repeat(30));
  });
});

describe("profileSchema", () => {
  const validProfile = { name: "Ada Lovelace", handle: "ada", headline: "First programmer" };

  it("accepts a headline of up to 120 characters, trimmed, and an empty one", () => {
    expect(profileSchema.parse({ ...validProfile, headline: ` ${"h".repeat(120)} ` }).headline).toBe(
      "h".repeat(120),
    );
    expect(profileSchema.parse({ ...validProfile, headline: "" }).headline).toBe("");
  });

  it("refuses a headline over 120 characters", () => {
    expect(errorsOf(profileSchema, { ...validProfile, headline: "h".repeat(121) })).toEqual({
      headline: "Keep your headline to 120 characters.",
    });
  });

  it("applies the handle rules to the handle field", () => {
    expect(errorsOf(profileSchema, { ...validProfile, handle: "staff" })).toEqual({
      handle: "That handle is reserved.",
    });
    expect(profileSchema.parse({ ...validProfile, handle: "Ada-L" }).handle).toBe("ada-l");
  });

  it("requires a name", () => {
    expect(errorsOf(profileSchema, { ...validProfile, name: " " })).toEqual({ name: "Enter your name." });
  });

  it("takes the leaderboard choice as a boolean, and leaves it out when not given", () => {
    expect(profileSchema.parse({ ...validProfile, showOnLeaderboards: false }).showOnLeaderboards).toBe(
      false,
    );
    expect(profileSchema.parse({ ...validProfile, showOnLeaderboards: true }).showOnLeaderboards).toBe(true);
    expect(profileSchema.parse(validProfile)).not.toHaveProperty("showOnLeaderboards");
    expect(errorsOf(profileSchema, { ...validProfile, showOnLeaderboards: "false" })).toHaveProperty(
      "showOnLeaderboards",
    );
  });
});
