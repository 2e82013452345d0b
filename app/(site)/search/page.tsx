import { Search } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { getDomainTree } from "@/lib/data/content";
import { search, SEARCH_COUNT_CAP, type SearchResults } from "@/lib/data/search";
import { formatResultCount } from "@/lib/domain/search";
import { parseSearchParams, searchHref, type SearchRequest } from "@/lib/validation/search";
import { KIND_NAMES, KindTabs } from "./_components/kind-tabs";
import { NoResults } from "./_components/no-results";
import { ResultList } from "./_components/search-results";
import { SearchForm } from "./_components/search-form";

// Rendered per request (it reads the query string); each search is a handful of indexed queries.
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchParams(await searchParams);
  // Result pages are endless variations of the site's content: kept out of search engines.
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false, follow: true } };
}

const linkClass = "text-accent rounded-sm font-medium underline-offset-4 hover:underline";

export default async function SearchPage({ searchParams }: Props) {
  const request = parseSearchParams(await searchParams);
  const [results, domains] = await Promise.all([search(request), getDomainTree()]);
  const total = results.counts.articles + results.counts.guides + results.counts.insights;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8">
      <header className="flex flex-col gap-5">
        <h1 className="text-3xl font-bold tracking-tight">Search</h1>
        <SearchForm request={request} domains={domains} />
      </header>

      {results.status === "empty" ? (
        <EmptyState
          icon={<Search />}
          title="What are you looking for?"
          description="Search every published article and guide, and the insights members added to them."
          action={
            <Link href="/#domains" className={linkClass}>
              Or browse the domains
            </Link>
          }
        />
      ) : results.status === "no-terms" || total === 0 ? (
        <NoResults request={request} results={results} />
      ) : (
        <section aria-labelledby="search-results" className="flex flex-col gap-6">
          <h2 id="search-results" className="sr-only">
            Results
          </h2>
          <p className="text-muted-foreground text-sm">
            {formatResultCount(total, SEARCH_COUNT_CAP)} for “{request.q}”
            {results.domain ? (
              <>
                {" "}
                in {results.domain.name} (
                <Link
                  prefetch={false}
                  href={searchHref({ q: request.q, kind: request.kind })}
                  className={linkClass}
                >
                  search all domains
                </Link>
                )
              </>
            ) : null}
          </p>
          <KindTabs request={request} counts={results.counts} cap={SEARCH_COUNT_CAP} />
          {request.kind === "all" ? (
            <Overview request={request} results={results} />
          ) : (
            <KindPage request={request} results={results} />
          )}
        </section>
      )}
    </div>
  );
}

/** The first few results of each kind, with a link to all of them. */
function Overview({ request, results }: { request: SearchRequest; results: SearchResults }) {
  const groups = [
    { kind: "articles", title: "Articles", list: <ResultList articles={results.articles} level="h4" /> },
    { kind: "guides", title: "Guides", list: <ResultList articles={results.guides} level="h4" /> },
    { kind: "insights", title: "Insights", list: <ResultList insights={results.insights} level="h4" /> },
  ] as const;
  const shown = { articles: results.articles, guides: results.guides, insights: results.insights };
  return groups
    .filter((group) => results.counts[group.kind] > 0)
    .map((group) => (
      <section key={group.kind} aria-labelledby={`results-${group.kind}`} className="flex flex-col gap-3">
        <h3 id={`results-${group.kind}`} className="text-xl font-semibold tracking-tight">
          {group.title}
        </h3>
        {group.list}
        {results.counts[group.kind] > shown[group.kind].length ? (
          <p className="text-sm">
            <Link
              prefetch={false}
              href={searchHref({ q: request.q, domain: request.domain, kind: group.kind })}
              className={linkClass}
            >
              See all{" "}
              {formatResultCount(results.counts[group.kind], SEARCH_COUNT_CAP, KIND_NAMES[group.kind])}
            </Link>
          </p>
        ) : null}
      </section>
    ));
}

/** One page of one kind of result. */
function KindPage({ request, results }: { request: SearchRequest; results: SearchResults }) {
  const kind = request.kind as keyof typeof KIND_NAMES;
  if (results.counts[kind] === 0) return <NoResults request={request} results={results} />;
  const hrefFor = (page: number) => searchHref({ ...request, page });
  const listed = kind === "insights" ? results.insights.length : results[kind].length;
  if (listed === 0) {
    return (
      <p className="text-muted-foreground">
        There are no more {KIND_NAMES[kind][1]} past page {results.pageCount}.{" "}
        <Link prefetch={false} href={hrefFor(1)} className={linkClass}>
          Back to the first page
        </Link>
      </p>
    );
  }
  return (
    <>
      {kind === "insights" ? (
        <ResultList insights={results.insights} />
      ) : (
        <ResultList articles={results[kind]} />
      )}
      <Pagination page={request.page} pageCount={results.pageCount} hrefFor={hrefFor} prefetch={false} />
    </>
  );
}
