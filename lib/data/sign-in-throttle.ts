import "server-only";
import pg from "pg";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Failed sign-ins are counted in PostgreSQL (table rate_limits, created by our migrations), so the limit
// holds across restarts and across app instances. Per email: from the third failure each attempt is slowed,
// after the fifth the email is refused for 15 minutes. Per address: a wider limit against spraying many
// emails from one place.
export const SIGN_IN_LIMITS = {
  email: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  address: { points: 30, duration: 15 * 60, blockDuration: 15 * 60 },
  slowAfter: 2,
  slowStepMs: 750,
} as const;

type Limiters = { email: RateLimiterPostgres; address: RateLimiterPostgres };
const globalForThrottle = globalThis as unknown as { roundtableSignInLimiters?: Limiters };

function limiters(): Limiters {
  if (globalForThrottle.roundtableSignInLimiters) return globalForThrottle.roundtableSignInLimiters;
  const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 3, connectionTimeoutMillis: 5_000 });
  const common = { storeClient: pool, storeType: "pool", tableName: "rate_limits", tableCreated: true };
  return (globalForThrottle.roundtableSignInLimiters = {
    email: new RateLimiterPostgres({ ...common, keyPrefix: "sign-in:email", ...SIGN_IN_LIMITS.email }),
    address: new RateLimiterPostgres({ ...common, keyPrefix: "sign-in:address", ...SIGN_IN_LIMITS.address }),
  });
}

function minutesUntil(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
}

/** Refuses a sign-in attempt while the email or the address is blocked; otherwise says how long to slow it. */
export async function checkSignInAllowed(email: string, address: string): Promise<{ delayMs: number }> {
  const { email: byEmail, address: byAddress } = limiters();
  const [emailState, addressState] = await Promise.all([byEmail.get(email), byAddress.get(address)]);
  for (const [state, limit] of [
    [emailState, SIGN_IN_LIMITS.email.points],
    [addressState, SIGN_IN_LIMITS.address.points],
  ] as const) {
    if (state && state.consumedPoints >= limit) {
      throw new AppError(
        "RATE_LIMITED",
        `Too many failed sign-in attempts. Try again in ${minutesUntil(state)} minute${minutesUntil(state) === 1 ? "" : "s"}.`,
        { retryAfterSeconds: Math.ceil(state.msBeforeNext / 1000) },
      );
    }
  }
  const failures = emailState?.consumedPoints ?? 0;
  return { delayMs: Math.max(0, failures - SIGN_IN_LIMITS.slowAfter) * SIGN_IN_LIMITS.slowStepMs };
}

/** Counts a failed attempt against both the email and the address. */
export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  const { email: byEmail, address: byAddress } = limiters();
  // consume() rejects with the limiter state once the limit is passed: the count is stored all the same.
  await Promise.allSettled([byEmail.consume(email), byAddress.consume(address)]);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await limiters().email.delete(email);
}
