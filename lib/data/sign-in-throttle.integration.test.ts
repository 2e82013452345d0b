import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  closeAppConnections,
  forgetSignInLimiters,
  rejectionOf,
  uniqueAddress,
  uniqueEmail,
} from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { FACTORY_PASSWORD, createUser } from "@/prisma/factories";
import { SIGN_IN_LIMITS, checkSignInAllowed, recordFailedSignIn } from "./sign-in-throttle";
import { authenticate } from "./users";

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

let address: string;
beforeEach(() => {
  address = uniqueAddress();
});

async function recordFailures(email: string, count: number, from = address) {
  for (let i = 0; i < count; i++) await recordFailedSignIn(email, from);
}

function counterRows(email: string) {
  return db.rateLimit.findMany({ where: { key: { contains: email } }, select: { key: true, points: true } });
}

function expectRateLimited(error: unknown) {
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe("RATE_LIMITED");
  expect(appError.message).toMatch(/try again in \d+ minutes?/i);
  expect(appError.retryAfterSeconds).toBeGreaterThan(0);
}

describe("sign-in throttling", () => {
  it(`refuses the attempt after ${SIGN_IN_LIMITS.email.points} failures, even with the right password`, async () => {
    const user = await createUser(db, { email: uniqueEmail("throttled") });
    for (let i = 0; i < SIGN_IN_LIMITS.email.points; i++) {
      await expect(authenticate({ email: user.email, password: "wrong-password" }, address)).resolves.toEqual(
        {
          ok: false,
          reason: "INVALID",
        },
      );
    }
    const error = await rejectionOf(authenticate({ email: user.email, password: FACTORY_PASSWORD }, address));
    expectRateLimited(error);
    expect((error as AppError).retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.email.blockDuration);
  });

  it("keeps the count in PostgreSQL, so a restarted app still refuses", async () => {
    const email = uniqueEmail("persisted");
    // One past the limit: this test is about where the count lives, not where the threshold falls.
    await recordFailures(email, SIGN_IN_LIMITS.email.points + 1);

    const rows = await counterRows(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.points).toBe(SIGN_IN_LIMITS.email.points + 1);

    await forgetSignInLimiters();
    expectRateLimited(await rejectionOf(checkSignInAllowed(email, uniqueAddress())));
  });

  it("keeps the slow-down across a restart too", async () => {
    const email = uniqueEmail("slow-persisted");
    await recordFailures(email, SIGN_IN_LIMITS.slowAfter + 2);
    const before = await checkSignInAllowed(email, address);
    await forgetSignInLimiters();
    await expect(checkSignInAllowed(email, address)).resolves.toEqual(before);
    expect(before.delayMs).toBeGreaterThan(0);
  });

  it(`slows attempts down after ${SIGN_IN_LIMITS.slowAfter} failures, more with each failure`, async () => {
    const email = uniqueEmail("slowed");
    const delays: number[] = [];
    for (let failures = 0; failures <= SIGN_IN_LIMITS.slowAfter + 2; failures++) {
      delays.push((await checkSignInAllowed(email, address)).delayMs);
      await recordFailedSignIn(email, address);
    }
    // no delay up to slowAfter failures, then a growing one
    expect(delays.slice(0, SIGN_IN_LIMITS.slowAfter + 1)).toEqual(
      Array(SIGN_IN_LIMITS.slowAfter + 1).fill(0),
    );
    const [first, second] = delays.slice(SIGN_IN_LIMITS.slowAfter + 1);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first!);
  });

  it("does not slow down or refuse other emails", async () => {
    await recordFailures(uniqueEmail("noisy"), SIGN_IN_LIMITS.email.points + 1);
    await expect(checkSignInAllowed(uniqueEmail("quiet"), uniqueAddress())).resolves.toEqual({ delayMs: 0 });
  });

  it("clears an email's count when it signs in successfully before the limit", async () => {
    const user = await createUser(db, { email: uniqueEmail("recovers") });
    await recordFailures(user.email, SIGN_IN_LIMITS.slowAfter + 1);
    expect((await checkSignInAllowed(user.email, address)).delayMs).toBeGreaterThan(0);

    await expect(authenticate({ email: user.email, password: FACTORY_PASSWORD }, address)).resolves.toEqual({
      ok: true,
      userId: user.id,
    });

    expect(await counterRows(user.email)).toEqual([]);
    await expect(checkSignInAllowed(user.email, address)).resolves.toEqual({ delayMs: 0 });
  });

  it(`refuses new emails from an address after ${SIGN_IN_LIMITS.address.points} failures across many emails`, async () => {
    // Spraying: one failure each for many emails, none of them near its own limit.
    for (let i = 0; i < SIGN_IN_LIMITS.address.points; i++) {
      await recordFailedSignIn(uniqueEmail(`spray-${i}`), address);
    }
    const fresh = uniqueEmail("fresh");
    // The same email from elsewhere is fine: the refusal is about the address.
    await expect(checkSignInAllowed(fresh, uniqueAddress())).resolves.toEqual({ delayMs: 0 });
    expectRateLimited(await rejectionOf(checkSignInAllowed(fresh, address)));
  });

  it("refuses a sprayed address through authenticate as well, with the right password", async () => {
    const user = await createUser(db, { email: uniqueEmail("behind-sprayer") });
    // One past the address limit, so this checks the journey rather than the exact threshold.
    for (let i = 0; i <= SIGN_IN_LIMITS.address.points; i++) {
      await recordFailedSignIn(uniqueEmail(`spray-${i}`), address);
    }
    expectRateLimited(
      await rejectionOf(authenticate({ email: user.email, password: FACTORY_PASSWORD }, address)),
    );
  });
});
