import type { Metadata } from "next";
import Link from "next/link";
import { domainOptionsOf } from "@/app/(admin)/admin/_components/domain-options";
import { listDomainsForAdmin } from "@/lib/data/editorial/domains";
import { isAdmin } from "@/lib/domain/permissions";
import { requirePageUser } from "@/lib/session";
import { ImportOutlineForm } from "./_components/import-outline-form";

export const metadata: Metadata = { title: "Import an outline" };

export default async function ImportOutlinePage() {
  const user = await requirePageUser("/admin/articles/import", isAdmin);
  const domains = domainOptionsOf(await listDomainsForAdmin(user));
  return (
    <div className="flex flex-col gap-6">
      <header className="max-w-3xl">
        <p className="text-muted-foreground text-sm">
          <Link
            prefetch={false}
            href="/admin/articles"
            className="hover:text-foreground rounded-sm hover:underline"
          >
            Articles
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Import an outline</h1>
        <p className="text-muted-foreground mt-1">
          Paste Markdown: a <code>#</code> title line, a summary paragraph, then one <code>##</code> heading
          per section with its text. Tables, lists and FAQ blocks (<code>### Question?</code> then the answer)
          stay inside their section. You get a draft to review before anything is published.
        </p>
      </header>
      {domains.length === 0 ? (
        <p>
          Articles live in domains, and there are none yet.{" "}
          <Link prefetch={false} href="/admin/domains" className="text-accent rounded-sm hover:underline">
            Create a domain first
          </Link>
          .
        </p>
      ) : (
        <ImportOutlineForm domains={domains} />
      )}
    </div>
  );
}
