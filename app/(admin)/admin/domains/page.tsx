import type { Metadata } from "next";
import { listDomainsForAdmin } from "@/lib/data/editorial/domains";
import { isAdmin } from "@/lib/domain/permissions";
import { requirePageUser } from "@/lib/session";
import { DomainManager } from "./_components/domain-manager";

export const metadata: Metadata = { title: "Domains" };

// Reads the session, so it renders per request.
export default async function AdminDomainsPage() {
  const user = await requirePageUser("/admin/domains", isAdmin);
  const tree = await listDomainsForAdmin(user);
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Domains</h1>
        <p className="text-muted-foreground mt-1">
          The categories articles live in, two levels deep. Readers see them in this order on the home page
          and on each parent domain. A domain can be deleted once it has no articles and no child domains.
        </p>
      </header>
      <DomainManager initialTree={tree} />
    </div>
  );
}
