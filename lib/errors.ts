export type AppErrorCode =
  | "INVALID_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "UNAVAILABLE";

/**
 * Why an expected failure happened, for code that must react to one case (the review queue shows an item
 * again when its author edited it). Clients branch on these, never on a message's wording.
 */
export type AppErrorReason =
  /** another moderator decided the item first, or it left the state the decision needs */
  | "ALREADY_HANDLED"
  /** the author edited the insight after the moderator opened it */
  | "EDITED_SINCE_SEEN"
  /** the acting account is suspended or banned */
  | "ACCOUNT_BLOCKED";

/** An expected failure, safe to show to the user as it is. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly reason?: AppErrorReason;
  readonly fieldErrors?: Record<string, string>;
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    message: string,
    options: {
      reason?: AppErrorReason;
      fieldErrors?: Record<string, string>;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.reason = options.reason;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "57P01",
  "57P03",
]);

/** True when `error` means the database cannot be reached right now (as opposed to a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 6; depth++) {
    if (typeof current !== "object") return false;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (
      typeof code === "string" &&
      (CONNECTION_ERROR_CODES.has(code) || code === "P1001" || code === "P1017")
    ) {
      return true;
    }
    if (
      typeof message === "string" &&
      /ECONNREFUSED|Can't reach database|Connection terminated|DatabaseNotReachable|timeout exceeded when trying to connect/i.test(
        message,
      )
    ) {
      return true;
    }
    current = cause;
  }
  return false;
}

/** The unique constraint a Prisma P2002 error violated (driver adapters report it under meta.driverAdapterError). */
export function uniqueViolation(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, meta } = error as { code?: string; meta?: Record<string, unknown> };
  if (code !== "P2002") return null;
  const adapterCause = (meta?.driverAdapterError as { cause?: { constraint?: unknown } } | undefined)?.cause;
  const constraint = adapterCause?.constraint;
  if (typeof constraint === "string") return constraint;
  if (constraint && typeof constraint === "object") {
    // adapter-pg reports unique indexes as { index: "User_email_key" }, other adapters as { fields: [...] }
    if ("index" in constraint) return String((constraint as { index: unknown }).index);
    if ("fields" in constraint) return String((constraint as { fields: unknown[] }).fields.join(","));
  }
  const target = meta?.target;
  return Array.isArray(target) ? target.join(",") : typeof target === "string" ? target : "unknown";
}
