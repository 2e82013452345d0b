import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getDomainView } from "@/lib/data/content";
import { isSlugParam } from "@/lib/validation/text";
import { SponsorInquiryForm } from "./_components/sponsor-inquiry-form";

// The same page for every visitor, from the cache: the form is filled in and sent from the browser.
export const revalidate = 3600;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

async function loadDomain(slug: string) {
  return isSlugParam(slug) ? getDomainView(slug, 1) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const domain = await loadDomain((await params).slug);
  return { title: domain ? `Sponsor ${domain.name}` : "Domain not found", robots: { index: false } };
}

export default async function SponsorDomainPage({ params }: Props) {
  const domain = await loadDomain((await params).slug);
  if (!domain) notFound();
  return (
    <div className="mx-auto flex max-w-[46rem] flex-col gap-6">
      <Breadcrumbs
        items={[
          { label: "Home", href: "/" },
          { label: domain.name, href: `/domains/${domain.slug}` },
          { label: "Sponsor this category" },
        ]}
      />
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Sponsor {domain.name}</h1>
        <p className="text-muted-foreground text-lg leading-relaxed">
          Sponsors support a domain&rsquo;s articles and guides. A sponsorship is always labelled
          &ldquo;Sponsored by&rdquo; on the domain and its articles, and it never buys influence over what
          editors publish or what members write.
        </p>
        <p className="text-muted-foreground">
          Tell us about your organisation and we will reply by email, usually within a few working days.
        </p>
      </header>
      <SponsorInquiryForm domainId={domain.id} domainName={domain.name} domainSlug={domain.slug} />
    </div>
  );
}
