import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { SiteShell } from "@/components/layout/site-shell";
import { isStaff } from "@/lib/domain/permissions";
import { getViewer } from "@/lib/session";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// Staff pages read the session, so they are rendered per request and never shared. Members are turned
// away here, before anything streams (a real 403); each page checks again with its own sign-in return path.
export default async function ModerationLayout({ children }: { children: React.ReactNode }) {
  const { user } = await getViewer();
  if (user && !isStaff(user)) forbidden();
  return <SiteShell>{children}</SiteShell>;
}
