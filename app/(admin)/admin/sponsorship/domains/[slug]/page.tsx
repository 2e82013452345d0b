import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getDomainSponsorship } from "@/lib/data/sponsorship";
import { isAdmin } from "@/lib/domain/permissions";
import { isSponsorActive } from "@/lib/domain/sponsorship";
import { requirePageUser } from "@/lib/session";
import { SponsorEditor } from "../../_components/sponsor-editor";
import { formatUtc } from "@/app/(admin)/admin/_lib/format";
import { isSlugParam } from "@/lib/validation/text";

export const metadata: Metadata = { title: "Domain sponsor", robots: { index: false, follow: false } };

type Props = { params: Promise<{ slug: string }> };

export default async function DomainSponsorPage({ params }: Props) {
  const { slug } = await params;
  const user = await requirePageUser(`/admin/sponsorship/domains/${encodeURIComponent(slug)}`, isAdmin);
  const now = new Date();
  const sponsorship = isSlugParam(slug) ? await getDomainSponsorship(user, slug, now) : null;
  if (!sponsorship) notFound();
  const { domain, current, past } = sponsorship;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8">
      <header className="flex flex-col gap-3">
        <Breadcrumbs
          items={[
            { label: "Sponsorship", href: "/admin/sponsorship", prefetch: false },
            { label: domain.name },
          ]}
        />
        <h1 className="text-3xl font-bold tracking-tight">Sponsor of {domain.name}</h1>
        <p className="text-muted-foreground">
          The sponsor shows as &ldquo;Sponsored by …&rdquo; on{" "}
          <a href={`/domains/${domain.slug}`} className="text-accent hover:underline">
            the domain page
          </a>{" "}
          and on its articles, from the start to the end, and disappears by itself afterwards. A domain has
          one current sponsor: saving changes it.
        </p>
      </header>

      <SponsorEditor
        domainId={domain.id}
        domainName={domain.name}
        initial={current}
        initialShowing={current ? isSponsorActive(current, now) : false}
        nowUtc={formatUtc(now)}
      />

      {past.length > 0 ? (
        <section aria-labelledby="past-sponsors">
          <h2 id="past-sponsors" className="text-xl font-semibold">
            Ended
          </h2>
          <ul className="text-muted-foreground mt-3 flex flex-col gap-1 text-sm">
            {past.map((sponsor) => (
              <li key={sponsor.id}>
                <span className="text-foreground">{sponsor.name}</span>: {formatUtc(sponsor.startsAt)} –{" "}
                {formatUtc(sponsor.endsAt)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
