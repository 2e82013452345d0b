import "server-only";
import { cache } from "react";
import { changed, type Changed } from "@/lib/cache-expiry";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { handleFromName, nextHandleCandidate } from "@/lib/domain/slug";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import { hashPassword, verifyPassword } from "@/lib/password";
import type { ProfileInput, SignInInput, SignUpInput } from "@/lib/validation/account";
import { listLeaderboardTagsFor } from "./leaderboards";
import { listArticleIdsWithInsightsBy } from "./members";
import { checkSignInAllowed, clearFailedSignIns, recordFailedSignIn } from "./sign-in-throttle";

/** Who is acting: read from the database on every request, never trusted from the session cookie. */
export type SessionUser = {
  id: string;
  name: string;
  handle: string;
  headline: string;
  role: Role;
};

export type AccountBlock = {
  status: Exclude<UserStatus, "ACTIVE">;
  reason: string | null;
  until: Date | null;
};

const sessionUserSelect = {
  id: true,
  name: true,
  handle: true,
  headline: true,
  role: true,
  status: true,
  statusReason: true,
  statusUntil: true,
} as const;

type UserState = { status: UserStatus; statusReason: string | null; statusUntil: Date | null };

/** A suspension whose end has passed no longer blocks; a ban always does. */
export function accountBlock(user: UserState, now = new Date()): AccountBlock | null {
  if (user.status === "ACTIVE") return null;
  if (user.status === "SUSPENDED" && user.statusUntil && user.statusUntil <= now) return null;
  return { status: user.status, reason: user.statusReason, until: user.statusUntil };
}

export function describeBlock(block: AccountBlock): string {
  const why = block.reason ? ` Reason: ${block.reason}` : "";
  if (block.status === "BANNED") return `This account has been banned.${why}`;
  const until = block.until ? ` until ${block.until.toUTCString()}` : "";
  return `This account is suspended${until}.${why}`;
}

/** The signed-in user behind a session's user id, or why they may no longer act. Cached per request. */
export const getAccountState = cache(
  async (userId: string): Promise<{ user: SessionUser | null; block: AccountBlock | null }> => {
    const row = await db.user.findUnique({ where: { id: userId }, select: sessionUserSelect });
    if (!row) return { user: null, block: null };
    const block = accountBlock(row);
    if (block) return { user: null, block };
    const { id, name, handle, headline, role } = row;
    return { user: { id, name, handle, headline, role }, block: null };
  },
);

/** Creates a member account. Two racing sign-ups with one email make exactly one account. */
export async function createMember(input: SignUpInput): Promise<{ id: string; handle: string }> {
  const passwordHash = await hashPassword(input.password);
  const baseHandle = handleFromName(input.name);
  for (let attempt = 0; attempt < 20; attempt++) {
    const handle = attempt === 0 ? baseHandle : nextHandleCandidate(baseHandle, attempt);
    try {
      return await db.user.create({
        data: { name: input.name, email: input.email, handle, passwordHash },
        select: { id: true, handle: true },
      });
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint?.includes("email")) {
        throw new AppError("CONFLICT", "An account with this email already exists. Try signing in instead.", {
          fieldErrors: { email: "An account with this email already exists." },
        });
      }
      if (constraint?.includes("handle")) continue;
      throw error;
    }
  }
  throw new AppError(
    "CONFLICT",
    "Could not find a free handle for that name. Try a slightly different name.",
  );
}

export type AuthenticationResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "BLOCKED"; message: string };

/**
 * Checks an email and password, throttled per email and per client address. The answer for a wrong
 * email and for a wrong password is the same, and takes as long.
 */
export async function authenticate(input: SignInInput, address: string): Promise<AuthenticationResult> {
  const { delayMs } = await checkSignInAllowed(input.email, address);
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true, status: true, statusReason: true, statusUntil: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) {
    await recordFailedSignIn(input.email, address);
    return { ok: false, reason: "INVALID" };
  }
  await clearFailedSignIns(input.email);
  const block = accountBlock(user);
  if (block) return { ok: false, reason: "BLOCKED", message: describeBlock(block) };
  return { ok: true, userId: user.id };
}

export type AccountSettings = {
  name: string;
  handle: string;
  headline: string;
  email: string;
  showOnLeaderboards: boolean;
};

export async function getAccountSettings(actor: SessionUser): Promise<AccountSettings> {
  const row = await db.user.findUnique({
    where: { id: actor.id },
    select: { name: true, handle: true, headline: true, email: true, leaderboardOptOut: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "Account not found.");
  const { leaderboardOptOut, ...rest } = row;
  return { ...rest, showOnLeaderboards: !leaderboardOptOut };
}

/**
 * Updates the actor's own name, handle, headline and, when given, whether they appear on leaderboards; a
 * taken handle is a field error, not a crash.
 *
 * The member sees their own profile (under the old and the new handle) and the leaderboards of the domains
 * they contributed to change at once: leaderboards list them by name and handle, or not at all once they opt
 * out. The articles that show their name and headline next to insights catch up in the background.
 */
export async function updateProfile(
  actor: SessionUser,
  input: ProfileInput,
): Promise<Changed<{ handle: string; previousHandle: string }>> {
  let updated: { handle: string };
  try {
    updated = await db.user.update({
      where: { id: actor.id },
      data: {
        name: input.name,
        handle: input.handle,
        headline: input.headline,
        ...(input.showOnLeaderboards === undefined ? {} : { leaderboardOptOut: !input.showOnLeaderboards }),
      },
      select: { handle: true },
    });
  } catch (error) {
    if (uniqueViolation(error)?.includes("handle")) {
      throw new AppError("CONFLICT", "That handle is taken.", {
        fieldErrors: { handle: "That handle is taken." },
      });
    }
    throw error;
  }
  const [leaderboards, articleIds] = await Promise.all([
    listLeaderboardTagsFor(actor.id),
    listArticleIdsWithInsightsBy(actor.id),
  ]);
  return changed(
    { handle: updated.handle, previousHandle: actor.handle },
    [tags.memberHandle(actor.handle), tags.memberHandle(updated.handle), ...leaderboards],
    articleIds.map((id) => tags.article(id)),
  );
}
