import type { Metadata } from "next";
import { DomainPage, domainMetadata } from "./_components/domain-page";

export const revalidate = 3600;

// Rendered on first visit, then served from the cache until an editorial change revalidates it.
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return domainMetadata((await params).slug);
}

export default async function Page({ params }: Props) {
  return <DomainPage slug={(await params).slug} page={1} />;
}
