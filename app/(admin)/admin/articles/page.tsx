import { FileText, Plus, Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ArticleStatusBadge } from "@/app/(admin)/admin/_components/article-status-badge";
import { domainOptionsOf } from "@/app/(admin)/admin/_components/domain-options";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { controlClassName } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { listArticlesForAdmin } from "@/lib/data/editorial/articles";
import { listDomainsForAdmin } from "@/lib/data/editorial/domains";
import { isAdmin } from "@/lib/domain/permissions";
import { requirePageUser } from "@/lib/session";
import { cn } from "@/lib/utils";
import {
  ARTICLE_KIND_LABELS,
  articleListSchema,
  type ArticleListInput,
  type ArticleStatusFilter,
} from "@/lib/validation/editorial";

export const metadata: Metadata = { title: "Articles" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const STATUS_TABS: { value: ArticleStatusFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "draft", label: "Drafts" },
  { value: "scheduled", label: "Scheduled" },
  { value: "published", label: "Published" },
];

function hrefFor(query: Partial<ArticleListInput>): string {
  const params = new URLSearchParams();
  if (query.status && query.status !== "all") params.set("status", query.status);
  if (query.domain) params.set("domain", query.domain);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/admin/articles?${search}` : "/admin/articles";
}

// Reads the session, so it renders per request.
export default async function AdminArticlesPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = articleListSchema.parse({
    status: first(params.status),
    domain: first(params.domain) || undefined,
    page: first(params.page),
  });
  const user = await requirePageUser(hrefFor(query), isAdmin);
  const [list, tree] = await Promise.all([listArticlesForAdmin(user, query), listDomainsForAdmin(user)]);
  const domains = domainOptionsOf(tree);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Articles</h1>
          <p className="text-muted-foreground mt-1">
            Drafts, scheduled and published articles and guides. Drafts are seen by admins only.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link
            prefetch={false}
            href="/admin/articles/import"
            className={buttonVariants({ variant: "outline" })}
          >
            <Upload aria-hidden="true" /> Import outline
          </Link>
          <Link prefetch={false} href="/admin/articles/new" className={buttonVariants()}>
            <Plus aria-hidden="true" /> New article
          </Link>
        </div>
      </header>

      <div className="flex flex-wrap items-end justify-between gap-4">
        <nav aria-label="Filter by status">
          <ul className="bg-muted flex gap-1 rounded-lg p-1 text-sm">
            {STATUS_TABS.map((tab) => {
              const current = query.status === tab.value;
              return (
                <li key={tab.value}>
                  <Link
                    prefetch={false}
                    href={hrefFor({ ...query, status: tab.value, page: 1 })}
                    aria-current={current ? "page" : undefined}
                    className={cn(
                      "inline-block rounded-md px-3 py-1.5 transition-colors",
                      current
                        ? "bg-background text-foreground font-medium shadow-xs"
                        : "text-muted-foreground hover:text-foreground",
                    )}
                  >
                    {tab.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <form
          method="get"
          action="/admin/articles"
          className="flex items-end gap-2"
          aria-label="Filter by domain"
        >
          {query.status !== "all" ? <input type="hidden" name="status" value={query.status} /> : null}
          <div className="grid gap-1.5">
            <label htmlFor="article-domain-filter" className="text-sm font-medium">
              Domain
            </label>
            <select
              id="article-domain-filter"
              name="domain"
              defaultValue={query.domain ?? ""}
              className={cn(controlClassName, "h-9 w-auto py-1 pr-8")}
            >
              <option value="">All domains</option>
              {domains.map((domain) => (
                <option key={domain.id} value={domain.id}>
                  {domain.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonVariants({ variant: "outline", size: "sm" })}>
            Filter
          </button>
        </form>
      </div>

      {list.articles.length === 0 ? (
        <EmptyState
          icon={<FileText />}
          title={query.status === "all" && !query.domain ? "No articles yet" : "No articles match"}
          description="Write one from scratch, or paste a Markdown outline and review the draft it makes."
          action={
            <Link
              prefetch={false}
              href="/admin/articles/import"
              className={buttonVariants({ variant: "outline" })}
            >
              Import outline
            </Link>
          }
        />
      ) : (
        <div className="border-border overflow-x-auto rounded-lg border">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Articles, newest first ({list.total} in all)</caption>
            <thead className="bg-muted/60 text-muted-foreground">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Title
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Domain
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Sections
                </th>
              </tr>
            </thead>
            <tbody className="divide-border divide-y">
              {list.articles.map((article) => (
                <tr key={article.id}>
                  <td className="px-4 py-3">
                    <Link
                      prefetch={false}
                      href={`/admin/articles/${article.id}`}
                      className="font-medium hover:underline"
                    >
                      {article.title}
                    </Link>
                    <p className="text-muted-foreground text-xs">
                      {ARTICLE_KIND_LABELS[article.kind]} · /articles/{article.slug}
                    </p>
                  </td>
                  <td className="px-4 py-3">{article.domain.name}</td>
                  <td className="px-4 py-3">
                    <ArticleStatusBadge status={article.status} scheduledAt={article.scheduledAt} />
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{article.sectionCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(page) => hrefFor({ ...query, page })}
        prefetch={false}
      />
    </div>
  );
}
