import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getDomainView } from "@/lib/data/content";

export const revalidate = 3600;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const domain = await getDomainView((await params).slug, 1);
  return { title: domain ? `Sponsor ${domain.name}` : "Domain not found", robots: { index: false } };
}

export default async function SponsorDomainPage({ params }: Props) {
  const domain = await getDomainView((await params).slug, 1);
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
      <h1 className="text-3xl font-bold tracking-tight">Sponsor {domain.name}</h1>
      <div className="prose-article">
        <p>
          Sponsors support a domain&rsquo;s articles and guides. A sponsorship is always labelled
          &ldquo;Sponsored by&rdquo; on the domain and its articles, and it never buys influence over what
          editors publish or what members write.
        </p>
        <p>
          Our sponsorship inquiry form is not open yet. Until it is, you can still read everything in{" "}
          <Link href={`/domains/${domain.slug}`}>{domain.name}</Link>.
        </p>
      </div>
    </div>
  );
}
