import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth";
import { describeBlock, getAccountState, type AccountBlock, type SessionUser } from "@/lib/data/users";
import { AppError } from "@/lib/errors";

export type { SessionUser };

/** The session's user id and the account behind it, read from the database once per request. */
export const getViewer = cache(
  async (): Promise<{ user: SessionUser | null; block: AccountBlock | null }> => {
    const session = await getServerSession(authOptions);
    const id = session?.user?.id;
    if (!id) return { user: null, block: null };
    return getAccountState(id);
  },
);

/** The signed-in, active user, or null: a suspended or banned account counts as signed out. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getViewer()).user;
}

/**
 * The signed-in, active user an action acts as; with `permitted` (a predicate from
 * lib/domain/permissions.ts), only when it allows them. The data layer checks again on the record itself.
 */
export async function requireUser(
  permitted?: (user: SessionUser) => boolean,
  message = "You do not have permission to do this.",
): Promise<SessionUser> {
  const { user, block } = await getViewer();
  if (block) throw new AppError("FORBIDDEN", describeBlock(block), { reason: "ACCOUNT_BLOCKED" });
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  if (permitted && !permitted(user)) throw new AppError("FORBIDDEN", message);
  return user;
}

/**
 * The user opening a page that is not for everyone. Signed-out visitors go to sign-in and come back to
 * `path`; accounts the rule refuses, and suspended or banned ones, get the 403 page.
 */
export async function requirePageUser(
  path: string,
  permitted: (user: SessionUser) => boolean = () => true,
): Promise<SessionUser> {
  const { user, block } = await getViewer();
  if (block) forbidden();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (!permitted(user)) forbidden();
  return user;
}
