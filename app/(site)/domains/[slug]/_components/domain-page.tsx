import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleCard } from "@/components/articles/article-card";
import { FollowButton } from "@/components/follows/follow-button";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { EmptyState } from "@/components/ui/empty-state";
import { SponsoredBy } from "@/components/sponsorship/sponsored-by";
import { Pagination } from "@/components/ui/pagination";
import { getDomainView } from "@/lib/data/content";
import { getActiveSponsor } from "@/lib/data/sponsorship";
import {
  DEFAULT_LEADERBOARD_PERIOD,
  LEADERBOARD_SCORE_SUMMARY,
  leaderboardPath,
} from "@/lib/domain/leaderboards";
import { isSlugParam } from "@/lib/validation/text";

/** Page numbers arrive as text from the URL: anything but a positive integer is a 404. */
export function parsePage(value: string | undefined): number | null {
  if (value === undefined) return 1;
  return /^[1-9]\d{0,4}$/.test(value) ? Number(value) : null;
}

export async function domainMetadata(slug: string): Promise<Metadata> {
  const domain = isSlugParam(slug) ? await getDomainView(slug, 1) : null;
  if (!domain) return { title: "Domain not found" };
  const description = domain.description || `Articles and guides about ${domain.name} on Roundtable.`;
  return {
    title: domain.name,
    description,
    alternates: { canonical: `/domains/${domain.slug}` },
    openGraph: { title: domain.name, description, url: `/domains/${domain.slug}` },
  };
}

export async function DomainPage({ slug, page }: { slug: string; page: number }) {
  const domain = isSlugParam(slug) ? await getDomainView(slug, page) : null;
  if (!domain || page > domain.pageCount) notFound();
  const sponsor = await getActiveSponsor(domain.id);
  const breadcrumbs = [
    { label: "Home", href: "/" },
    ...(domain.parent ? [{ label: domain.parent.name, href: `/domains/${domain.parent.slug}` }] : []),
    { label: domain.name },
  ];
  return (
    <div className="flex flex-col gap-10">
      <header className="flex flex-col gap-4">
        <Breadcrumbs items={breadcrumbs} />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-3xl font-bold tracking-tight">{domain.name}</h1>
          <FollowButton
            kind="domain"
            id={domain.id}
            name={domain.name}
            returnTo={`/domains/${domain.slug}`}
          />
        </div>
        {domain.description ? (
          <p className="text-muted-foreground max-w-3xl text-lg leading-relaxed">{domain.description}</p>
        ) : null}
        {sponsor ? <SponsoredBy sponsor={sponsor} className="max-w-3xl" /> : null}
        <p className="text-sm">
          <Link
            href={`/domains/${domain.slug}/sponsor`}
            className="text-accent rounded-sm underline-offset-4 hover:underline"
          >
            Sponsor this category
          </Link>
        </p>
      </header>

      {domain.children.length > 0 ? (
        <section aria-labelledby="subdomains">
          <h2 id="subdomains" className="text-xl font-semibold">
            Inside {domain.name}
          </h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {domain.children.map((child) => (
              <li key={child.id} className="border-border bg-card rounded-lg border p-4">
                <Link href={`/domains/${child.slug}`} className="rounded-sm font-medium hover:underline">
                  {child.name}
                </Link>
                <p className="text-muted-foreground mt-1 text-sm">{child.description}</p>
                <p className="text-muted-foreground mt-2 text-xs tabular-nums">
                  {child.articleCount} {child.articleCount === 1 ? "article" : "articles"}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="domain-articles">
        <h2 id="domain-articles" className="text-xl font-semibold">
          Articles and guides
        </h2>
        {domain.articles.length === 0 ? (
          <EmptyState
            className="mt-3"
            title="No articles here yet"
            description="Editors are preparing the first articles for this domain."
          />
        ) : (
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            {domain.articles.map((article) => (
              <ArticleCard key={article.id} article={article} />
            ))}
          </div>
        )}
        <Pagination
          className="mt-6"
          page={domain.page}
          pageCount={domain.pageCount}
          hrefFor={(n) => (n === 1 ? `/domains/${domain.slug}` : `/domains/${domain.slug}/page/${n}`)}
        />
      </section>

      <section aria-labelledby="domain-leaderboard">
        <h2 id="domain-leaderboard" className="text-xl font-semibold">
          Top contributors
        </h2>
        <p className="text-muted-foreground mt-2">{LEADERBOARD_SCORE_SUMMARY}</p>
        <p className="mt-2 text-sm">
          <Link
            href={leaderboardPath(domain.slug, DEFAULT_LEADERBOARD_PERIOD)}
            className="text-accent rounded-sm font-medium underline-offset-4 hover:underline"
          >
            See the {domain.name} leaderboard
          </Link>
        </p>
      </section>
    </div>
  );
}
