// Small helpers for the integration tests (vitest project `integration`): unique test data, rejected
// promises as values, and closing the app's own connection pools at the end of a file.
import { randomBytes } from "node:crypto";

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
}

/** A lower-case email address no other test uses. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${uniqueSuffix()}@example.test`;
}

/** A client address (as the sign-in throttle sees it) no other test uses. */
export function uniqueAddress(): string {
  return `test-address-${uniqueSuffix()}`;
}

/** What `promise` rejected with; fails the test when it resolved instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the promise to reject, but it resolved.");
}

// The data layer keeps its connections on globalThis (lib/db.ts, lib/data/sign-in-throttle.ts).
const app = globalThis as unknown as {
  roundtableDb?: { $disconnect: () => Promise<void> };
  roundtableSignInLimiters?: { email: { client?: unknown } };
};

/** Drops the sign-in limiters (and their pool): the next check builds new ones, as a restarted app would. */
export async function forgetSignInLimiters(): Promise<void> {
  const pool = app.roundtableSignInLimiters?.email.client as { end?: () => Promise<void> } | undefined;
  delete app.roundtableSignInLimiters;
  await pool?.end?.();
}

/** Closes every pool the data layer opened, so nothing outlives the test file. */
export async function closeAppConnections(): Promise<void> {
  await forgetSignInLimiters();
  const db = app.roundtableDb;
  delete app.roundtableDb;
  await db?.$disconnect();
}
