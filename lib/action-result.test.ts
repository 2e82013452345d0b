import { notFound, redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { failureFrom, fieldErrorsFrom, runAction } from "./action-result";
import { AppError } from "./errors";

const schema = z.object({
  email: z.email("Enter a valid email address."),
  password: z.string().min(10, "Use at least 10 characters.").regex(/\d/, "Add a digit."),
  profile: z.object({ headline: z.string().max(3, "Too long.") }),
});

function zodErrorFor(input: unknown): z.ZodError {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return result.error;
}

describe("fieldErrorsFrom", () => {
  it("keys errors by field, first message winning, nested paths under their top-level field", () => {
    const error = zodErrorFor({ email: "nope", password: "short", profile: { headline: "far too long" } });
    expect(fieldErrorsFrom(error)).toEqual({
      email: "Enter a valid email address.",
      password: "Use at least 10 characters.",
      profile: "Too long.",
    });
  });

  it("puts errors about the whole input under root", () => {
    const result = z.string().safeParse(42);
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrorsFrom(result.error!))).toEqual(["root"]);
  });
});

describe("failureFrom", () => {
  it("keeps an AppError's code, message and field errors", () => {
    const error = new AppError("CONFLICT", "That handle is taken.", {
      fieldErrors: { handle: "That handle is taken." },
    });
    expect(failureFrom(error)).toEqual({
      ok: false,
      code: "CONFLICT",
      message: "That handle is taken.",
      fieldErrors: { handle: "That handle is taken." },
    });
  });

  it("passes an AppError's reason on, so clients never compare wording", () => {
    const failure = failureFrom(
      new AppError("CONFLICT", "Another moderator already handled this item.", { reason: "ALREADY_HANDLED" }),
    );
    expect(failure).toMatchObject({ code: "CONFLICT", reason: "ALREADY_HANDLED" });
    expect(failureFrom(new AppError("CONFLICT", "Taken."))).not.toHaveProperty("reason");
  });

  it("turns a ZodError into INVALID_INPUT with field errors keyed by field", () => {
    const failure = failureFrom(
      zodErrorFor({ email: "nope", password: "long enough but no digits", profile: {} }),
    );
    expect(failure.code).toBe("INVALID_INPUT");
    expect(failure.message).toBe("Please check the highlighted fields.");
    expect(failure.fieldErrors).toMatchObject({
      email: "Enter a valid email address.",
      password: "Add a digit.",
    });
  });

  it("hides an unexpected error behind a generic INTERNAL message", () => {
    const failure = failureFrom(
      new Error('relation "secret_table" does not exist at /srv/app/lib/data/users.ts:42'),
    );
    expect(failure).toEqual({
      ok: false,
      code: "INTERNAL",
      message: "Something went wrong on our side. Please try again.",
    });
    expect(JSON.stringify(failure)).not.toContain("secret_table");
  });

  it("hides non-Error throws too", () => {
    expect(failureFrom("password=hunter2")).toMatchObject({ code: "INTERNAL" });
    expect(JSON.stringify(failureFrom("password=hunter2"))).not.toContain("hunter2");
  });

  it("reports an unreachable database as UNAVAILABLE without the connection details", () => {
    const error = new Error("Query failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED 10.1.2.3:5432"), { code: "ECONNREFUSED" }),
    });
    const failure = failureFrom(error);
    expect(failure.code).toBe("UNAVAILABLE");
    expect(failure.message).toMatch(/temporarily unavailable/i);
    expect(failure.message).not.toContain("10.1.2.3");
  });
});

describe("runAction", () => {
  it("wraps the body's result", async () => {
    await expect(runAction(async () => ({ id: "x" }))).resolves.toEqual({ ok: true, data: { id: "x" } });
  });

  it("turns an AppError into a failed result", async () => {
    const result = await runAction(async () => {
      throw new AppError("FORBIDDEN", "This section is closed to new insights.");
    });
    expect(result).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "This section is closed to new insights.",
      fieldErrors: undefined,
    });
  });

  it("turns a schema failure into INVALID_INPUT", async () => {
    const result = await runAction(async () =>
      schema.parse({ email: "x", password: "y", profile: { headline: "" } }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { email: expect.any(String) },
    });
  });

  it("never returns an unexpected error's message", async () => {
    const result = await runAction(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'passwordHash')");
    });
    expect(result).toEqual({
      ok: false,
      code: "INTERNAL",
      message: "Something went wrong on our side. Please try again.",
    });
  });

  it("lets redirect() and notFound() through to Next.js", async () => {
    await expect(runAction(async () => redirect("/articles/x"))).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
    await expect(runAction(async () => notFound())).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
  });
});
