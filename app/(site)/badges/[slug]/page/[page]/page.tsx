import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parsePage } from "@/app/(site)/domains/[slug]/_components/domain-page";
import { BadgeHolders, badgeMetadata } from "../../../_components/badge-holders";

export const revalidate = 3600;

export function generateStaticParams(): { slug: string; page: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return badgeMetadata((await params).slug);
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  const pageNumber = parsePage(page);
  // Page 1 lives at /badges/<slug>: one address per page.
  if (pageNumber === null || pageNumber === 1) notFound();
  return <BadgeHolders slug={slug} page={pageNumber} />;
}
