import type { Metadata } from "next";
import { feedAlternates, feedPaths } from "@/lib/feeds";
import { DomainPage, domainMetadata } from "./_components/domain-page";

export const revalidate = 3600;

// Rendered on first visit, then served from the cache until an editorial change revalidates it.
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const metadata = await domainMetadata(slug);
  // Only a domain that exists has a canonical URL, and feeds.
  if (!metadata.alternates?.canonical) return metadata;
  const title = typeof metadata.title === "string" ? metadata.title : slug;
  return {
    ...metadata,
    alternates: {
      ...metadata.alternates,
      types: feedAlternates((format) => feedPaths.domain(slug, format), `${title}: new articles`),
    },
  };
}

export default async function Page({ params }: Props) {
  return <DomainPage slug={(await params).slug} page={1} />;
}
