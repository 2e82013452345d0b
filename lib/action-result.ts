import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError, isDatabaseUnavailable, type AppErrorCode, type AppErrorReason } from "@/lib/errors";
import { logger } from "@/lib/logger";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: AppErrorCode | "INTERNAL";
      /** set for the few failures a client reacts to in its own way */
      reason?: AppErrorReason;
      message: string;
      fieldErrors?: Record<string, string>;
    };

/** Field errors keyed by the first path segment, first message wins: what react-hook-form's setError needs. */
export function fieldErrorsFrom(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "root";
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

/** Maps a thrown error to a failed result: expected errors keep their message, the rest are logged and hidden. */
export function failureFrom(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof AppError) {
    return {
      ok: false,
      code: error.code,
      ...(error.reason ? { reason: error.reason } : {}),
      message: error.message,
      fieldErrors: error.fieldErrors,
    };
  }
  if (error instanceof z.ZodError) {
    return {
      ok: false,
      code: "INVALID_INPUT",
      message: "Please check the highlighted fields.",
      fieldErrors: fieldErrorsFrom(error),
    };
  }
  if (isDatabaseUnavailable(error)) {
    logger.error({ err: error }, "database unavailable");
    return {
      ok: false,
      code: "UNAVAILABLE",
      message: "Roundtable is temporarily unavailable. Please try again shortly.",
    };
  }
  logger.error({ err: error }, "unexpected error in an action");
  return { ok: false, code: "INTERNAL", message: "Something went wrong on our side. Please try again." };
}

/** Runs a server action body, turning every outcome into an ActionResult (never a thrown stack trace). */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    // redirect() and notFound() work by throwing: they must reach Next.js untouched.
    unstable_rethrow(error);
    return failureFrom(error);
  }
}
