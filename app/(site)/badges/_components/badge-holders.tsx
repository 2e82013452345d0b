import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BadgeChip } from "@/components/badges/badge-chip";
import { InitialsAvatar } from "@/components/ui/avatar";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { RelativeTime } from "@/components/ui/relative-time";
import { getBadgeHolders } from "@/lib/data/badge-views";
import { criteriaText } from "@/lib/domain/badge-labels";
import { isSlugParam } from "@/lib/validation/text";

export async function badgeMetadata(slug: string): Promise<Metadata> {
  const view = isSlugParam(slug) ? await getBadgeHolders(slug, 1) : null;
  if (!view) return { title: "Badge not found" };
  const description = `${view.badge.description} ${view.badge.criteria}`;
  return {
    title: `${view.badge.label} badge`,
    description,
    alternates: { canonical: `/badges/${view.badge.slug}` },
    openGraph: { title: `${view.badge.label} badge`, description, url: `/badges/${view.badge.slug}` },
  };
}

/** A badge, how to earn it, and one page of who holds it, most recently earned first. */
export async function BadgeHolders({ slug, page }: { slug: string; page: number }) {
  const view = isSlugParam(slug) ? await getBadgeHolders(slug, page) : null;
  if (!view || page > view.pageCount) notFound();
  const { badge, holders } = view;
  const members = `${badge.holderCount} ${badge.holderCount === 1 ? "member" : "members"}`;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-10">
      <header className="flex flex-col gap-4">
        <Breadcrumbs
          items={[{ label: "Home", href: "/" }, { label: "Badges", href: "/badges" }, { label: badge.label }]}
        />
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold tracking-tight">{badge.label}</h1>
          {/* the heading already names the tier in words: the chip only adds its tone */}
          {badge.tier === "NONE" ? null : (
            <span aria-hidden="true">
              <BadgeChip badge={badge} />
            </span>
          )}
        </div>
        <p className="text-muted-foreground text-lg leading-relaxed">{badge.description}</p>
        <p>
          <span className="font-medium">How to earn it:</span> {criteriaText(badge)}
        </p>
      </header>

      <section aria-labelledby="badge-holders">
        <h2 id="badge-holders" className="text-xl font-semibold">
          Who holds it
        </h2>
        <p className="text-muted-foreground mt-1 text-sm tabular-nums">
          {badge.holderCount === 0 ? "No one yet." : `${members}, most recently earned first.`}
        </p>
        {holders.length === 0 ? (
          <EmptyState
            className="mt-4"
            title="No one holds this badge yet"
            description="Share what you know on an article: badges follow from insights readers value."
            action={
              <Link
                href="/contribute"
                className="text-accent rounded-sm text-sm underline underline-offset-4"
              >
                How to contribute
              </Link>
            }
          />
        ) : (
          <ul className="border-border bg-card divide-border mt-4 divide-y rounded-lg border">
            {holders.map((holder) => (
              <li key={holder.id} className="flex items-center gap-3 p-3">
                <InitialsAvatar name={holder.name} size="sm" />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm">
                    <Link
                      href={`/members/${holder.handle}`}
                      className="rounded-sm font-medium underline underline-offset-4"
                    >
                      {holder.name}
                    </Link>
                    {holder.domain ? (
                      <span className="text-muted-foreground">
                        {" "}
                        in{" "}
                        <Link
                          href={`/domains/${holder.domain.slug}`}
                          className="rounded-sm underline underline-offset-4"
                        >
                          {holder.domain.name}
                        </Link>
                      </span>
                    ) : null}
                  </p>
                </div>
                <p className="text-muted-foreground shrink-0 text-xs">
                  Earned <RelativeTime date={holder.grantedAt} />
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          className="mt-6"
          page={view.page}
          pageCount={view.pageCount}
          hrefFor={(n) => (n === 1 ? `/badges/${badge.slug}` : `/badges/${badge.slug}/page/${n}`)}
        />
      </section>
    </div>
  );
}
