import { describe, expect, it } from "vitest";
import { AppError, HTTP_STATUS, isDatabaseUnavailable, uniqueViolation } from "./errors";

/** A Prisma P2002 error as @prisma/adapter-pg reports it (see meta.driverAdapterError). */
function p2002(constraint: unknown, extra: Record<string, unknown> = {}) {
  return {
    name: "PrismaClientKnownRequestError",
    code: "P2002",
    meta: {
      modelName: "User",
      driverAdapterError: {
        name: "DriverAdapterError",
        cause: { originalCode: "23505", kind: "UniqueConstraintViolation", constraint, table: "User" },
      },
      ...extra,
    },
  };
}

describe("AppError", () => {
  it("carries its code, message, field errors and retry delay", () => {
    const error = new AppError("RATE_LIMITED", "Slow down.", {
      fieldErrors: { email: "x" },
      retryAfterSeconds: 60,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "AppError",
      code: "RATE_LIMITED",
      message: "Slow down.",
      fieldErrors: { email: "x" },
      retryAfterSeconds: 60,
    });
    expect(HTTP_STATUS[error.code]).toBe(429);
  });
});

describe("isDatabaseUnavailable", () => {
  it("finds ECONNREFUSED nested in the cause chain", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const wrapped = new Error("Query failed", { cause: new Error("Driver error", { cause: refused }) });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable({ cause: { cause: { code: "ECONNREFUSED" } } })).toBe(true);
  });

  it.each([
    ["Prisma's P1001", { code: "P1001", message: "Can't reach database server" }],
    ["Prisma's P1017", { code: "P1017" }],
    ["a server shutting down (57P01)", { code: "57P01" }],
    ["a connection reset", { code: "ECONNRESET" }],
    ["a pool connect timeout", new Error("timeout exceeded when trying to connect")],
    ["a terminated connection", new Error("Connection terminated unexpectedly")],
  ])("recognises %s", (_why, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("is false for a unique violation and other query errors", () => {
    expect(isDatabaseUnavailable(p2002({ index: "User_email_key" }))).toBe(false);
    expect(
      isDatabaseUnavailable({ code: "23514", message: 'violates check constraint "User_email_lowercase"' }),
    ).toBe(false);
    expect(isDatabaseUnavailable(new Error("Something else broke"))).toBe(false);
  });

  it("is false for things that are not errors, and stops on a cause cycle", () => {
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
    const cyclic: { message: string; cause?: unknown } = { message: "loop" };
    cyclic.cause = cyclic;
    expect(isDatabaseUnavailable(cyclic)).toBe(false);
  });
});

describe("uniqueViolation", () => {
  it("reads the constraint name the PostgreSQL adapter reports", () => {
    expect(uniqueViolation(p2002("User_email_key"))).toBe("User_email_key");
  });

  it("reads the constrained fields", () => {
    expect(uniqueViolation(p2002({ fields: ["email"] }))).toBe("email");
    expect(uniqueViolation(p2002({ fields: ["articleId", "anchor"] }))).toBe("articleId,anchor");
  });

  it("reads the index the PostgreSQL adapter reports (what @prisma/adapter-pg actually sends)", () => {
    // adapter-pg sets `constraint: { index: error.constraint }` whenever PostgreSQL names the constraint,
    // which it always does for a unique index: the caller must be able to tell email from handle.
    expect(uniqueViolation(p2002({ index: "User_email_key" }))).toContain("email");
    expect(uniqueViolation(p2002({ index: "User_handle_key" }))).toContain("handle");
  });

  it("falls back to meta.target (the classic engine's shape)", () => {
    expect(uniqueViolation({ code: "P2002", meta: { target: ["handle"] } })).toBe("handle");
    expect(uniqueViolation({ code: "P2002", meta: { target: "User_handle_key" } })).toBe("User_handle_key");
    expect(uniqueViolation({ code: "P2002", meta: {} })).toBe("unknown");
  });

  it("is null for anything but a unique violation", () => {
    expect(uniqueViolation({ code: "P2025", meta: { target: ["email"] } })).toBeNull();
    expect(uniqueViolation({ code: "P2003" })).toBeNull();
    expect(uniqueViolation(new Error("P2002"))).toBeNull();
    expect(uniqueViolation(null)).toBeNull();
    expect(uniqueViolation("P2002")).toBeNull();
  });
});
