import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DomainPage, domainMetadata, parsePage } from "../../_components/domain-page";

export const revalidate = 3600;

export function generateStaticParams(): { slug: string; page: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return domainMetadata((await params).slug);
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  const pageNumber = parsePage(page);
  if (pageNumber === null || pageNumber === 1) notFound();
  return <DomainPage slug={slug} page={pageNumber} />;
}
