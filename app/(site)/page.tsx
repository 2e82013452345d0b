import type { Metadata } from "next";
import Link from "next/link";
import { ArticleCard } from "@/components/articles/article-card";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDomainTree, getLatestArticles } from "@/lib/data/content";
import { feedAlternates, feedPaths } from "@/lib/feeds";
import { CONTRIBUTOR_CALLOUT, SITE_NAME } from "@/lib/site";

// Cached for every reader; writes revalidate the tags its data carries, this is only a backstop.
export const revalidate = 3600;

export const metadata: Metadata = {
  alternates: { types: feedAlternates(feedPaths.articles, `${SITE_NAME}: latest articles`) },
};

export default async function HomePage() {
  const [domains, latest] = await Promise.all([getDomainTree(), getLatestArticles(8)]);
  return (
    <div className="flex flex-col gap-14">
      <section aria-labelledby="intro" className="max-w-3xl">
        <h1 id="intro" className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">
          Articles and guides, made better by the people who do the work
        </h1>
        <p className="text-muted-foreground mt-4 text-lg leading-relaxed">
          Editors write the first draft. Practitioners add what only experience teaches, one section at a
          time. {CONTRIBUTOR_CALLOUT}
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Button asChild size="lg">
            <Link href="#latest">Read the latest</Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href="/contribute">How contributing works</Link>
          </Button>
        </div>
      </section>

      <section id="domains" aria-labelledby="domains-heading" className="scroll-mt-20">
        <h2 id="domains-heading" className="text-2xl font-semibold tracking-tight">
          Domains
        </h2>
        {domains.length === 0 ? (
          <EmptyState
            className="mt-4"
            title="No domains yet"
            description="Editors have not created any domains."
          />
        ) : (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {domains.map((domain) => (
              <li key={domain.id} className="border-border bg-card rounded-lg border p-5">
                <h3 className="font-semibold">
                  <Link href={`/domains/${domain.slug}`} className="rounded-sm hover:underline">
                    {domain.name}
                  </Link>
                </h3>
                <p className="text-muted-foreground mt-1 text-sm leading-relaxed">{domain.description}</p>
                {domain.children.length > 0 ? (
                  <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label={`Inside ${domain.name}`}>
                    {domain.children.map((child) => (
                      <li key={child.id}>
                        <Link
                          href={`/domains/${child.slug}`}
                          className="border-border hover:border-accent inline-flex rounded-full border px-3 py-1"
                        >
                          {child.name}
                          <span className="text-muted-foreground ml-1.5 tabular-nums">
                            {child.articleCount}
                          </span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="latest" aria-labelledby="latest-heading" className="scroll-mt-20">
        <h2 id="latest-heading" className="text-2xl font-semibold tracking-tight">
          Latest articles
        </h2>
        {latest.length === 0 ? (
          <EmptyState className="mt-4" title="Nothing published yet" description="Check back soon." />
        ) : (
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            {latest.map((article) => (
              <ArticleCard key={article.id} article={article} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
