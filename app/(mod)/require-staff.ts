import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getViewer, type SessionUser } from "@/lib/session";

export function isStaff(user: Pick<SessionUser, "role">): boolean {
  return user.role === "MODERATOR" || user.role === "ADMIN";
}

/**
 * The moderator or admin opening a staff page. Signed-out visitors go to sign-in and come back to `path`;
 * signed-in members (and suspended or banned accounts) get the 403 page.
 */
export async function requireStaffPage(path: string): Promise<SessionUser> {
  const { user, block } = await getViewer();
  if (!user) {
    if (block) forbidden();
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (!isStaff(user)) forbidden();
  return user;
}
