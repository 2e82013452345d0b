import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getViewer, type SessionUser } from "@/lib/session";

/**
 * The admin opening an admin page. Signed-out visitors go to sign-in and come back to `path`; everyone else
 * (members, moderators, suspended or banned accounts) gets the 403 page.
 */
export async function requireAdminPage(path: string): Promise<SessionUser> {
  const { user, block } = await getViewer();
  if (!user) {
    if (block) forbidden();
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (user.role !== "ADMIN") forbidden();
  return user;
}
