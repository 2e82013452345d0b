import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/lib/auth";
import { describeBlock, getAccountState, type AccountBlock, type SessionUser } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

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

export async function requireUser(): Promise<SessionUser> {
  const { user, block } = await getViewer();
  if (user) return user;
  if (block) throw new AppError("FORBIDDEN", describeBlock(block));
  throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
}

export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN", "You do not have permission to do this.");
  return user;
}
