import type { Metadata } from "next";
import { BadgeHolders, badgeMetadata } from "../_components/badge-holders";

// Rendered on first visit, then served from the cache until the granting job revalidates `badges`.
export const revalidate = 3600;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return badgeMetadata((await params).slug);
}

export default async function Page({ params }: Props) {
  return <BadgeHolders slug={(await params).slug} page={1} />;
}
