import type { Metadata } from "next";
import Link from "next/link";
import { domainOptionsOf } from "@/app/(admin)/admin/_components/domain-options";
import { listDomainsForAdmin } from "@/lib/data/editorial/domains";
import { isAdmin } from "@/lib/domain/permissions";
import { requirePageUser } from "@/lib/session";
import { NewArticleForm } from "./_components/new-article-form";

export const metadata: Metadata = { title: "New article" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewArticlePage({ searchParams }: Props) {
  const user = await requirePageUser("/admin/articles/new", isAdmin);
  const domain = (await searchParams).domain;
  const domains = domainOptionsOf(await listDomainsForAdmin(user));
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6">
      <header>
        <p className="text-muted-foreground text-sm">
          <Link
            prefetch={false}
            href="/admin/articles"
            className="hover:text-foreground rounded-sm hover:underline"
          >
            Articles
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">New article</h1>
        <p className="text-muted-foreground mt-1">
          It starts as a draft that only admins see. Add its sections next, preview it, then publish. Have an
          outline already?{" "}
          <Link
            prefetch={false}
            href="/admin/articles/import"
            className="text-accent rounded-sm hover:underline"
          >
            Import it
          </Link>
          .
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
        <NewArticleForm
          domains={domains}
          defaultDomainId={typeof domain === "string" && domains.some((d) => d.id === domain) ? domain : ""}
        />
      )}
    </div>
  );
}
