import type { Metadata } from "next";
import { SiteShell } from "@/components/layout/site-shell";
import { isAdmin } from "@/lib/domain/permissions";
import { requirePageUser } from "@/lib/session";
import { AdminNav } from "./_components/admin-nav";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// Admin pages read the session, so they are rendered per request and never shared. Signed-out visitors
// are sent to sign in, everyone but admins gets the 403 page, before anything streams; each page checks
// again with its own return path.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("/admin", isAdmin);
  return (
    <SiteShell>
      <div className="flex flex-col gap-6">
        <AdminNav />
        {children}
      </div>
    </SiteShell>
  );
}
