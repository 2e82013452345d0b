// Small helpers for the integration tests (vitest project `integration`): unique test data, rejected
// promises as values, members as the session sees them, and closing the app's own connection pools at the
// end of a file.
import { randomBytes } from "node:crypto";
import { afterAll, beforeEach, expect, vi } from "vitest";
import type { SessionUser } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { createPrismaClient, type Database } from "@/prisma/client";

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

/** The AppError `promise` rejected with; fails the test when it resolved or threw something else. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A member (as the factories make them) as the session sees them. */
export function sessionOf(user: Pick<SessionUser, "id" | "name" | "handle" | "role">): SessionUser {
  return { id: user.id, name: user.name, handle: user.handle, headline: "", role: user.role };
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

/**
 * The test file's own client of the test database, closed after its last test together with the app's
 * pools. Call it while vitest collects the file: at the top level of the file or of a module it imports.
 */
export function testDatabase(max: number): Database {
  const db = createPrismaClient(process.env.DATABASE_URL!, { max });
  afterAll(async () => {
    await db.$disconnect();
    await closeAppConnections();
  });
  return db;
}

/** The member the stood-in next-auth says is signed in (see standInForNext); null is signed out. */
export const session = { userId: null as string | null };
/** Next's updateTag, stood in for (see standInForNext): it records the tags an action expires at once. */
export const updateTag = vi.fn();
/** Next's revalidateTag, stood in for: it records the tags an action marks stale for the background. */
export const revalidateTag = vi.fn();

/**
 * Stands in for what server actions use from Next.js and next-auth, so a test calls them as a browser
 * does: `session` is who is signed in, Next's cache is called straight through and `updateTag` / `revalidateTag` recorded,
 * `after` runs its task at once. Each test starts signed out with nothing refreshed. Call it inside
 * `vi.hoisted`, so the stand-ins are in place before the test file imports what it tests.
 */
export function standInForNext(): void {
  vi.doMock("next-auth", () => ({
    getServerSession: () => Promise.resolve(session.userId ? { user: { id: session.userId } } : null),
  }));
  vi.doMock("@/lib/auth", () => ({ authOptions: {} }));
  vi.doMock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn, updateTag, revalidateTag }));
  vi.doMock("next/server", () => ({ after: (task: () => unknown) => void task() }));
  beforeEach(() => {
    session.userId = null;
    updateTag.mockClear();
    revalidateTag.mockClear();
  });
}
