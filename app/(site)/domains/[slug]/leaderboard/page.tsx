import type { Metadata } from "next";
import { DEFAULT_LEADERBOARD_PERIOD } from "@/lib/domain/leaderboards";
import { LeaderboardPage, leaderboardMetadata } from "./_components/leaderboard-page";

// Rendered on first visit, then served from the cache. Settings saves (a member opting out or renaming)
// and badge passes revalidate it through its tags; reactions do not, so the 30 days' board is recounted
// 10 minutes after it was made at the latest (LEADERBOARD_BACKSTOP_SECONDS in lib/data/leaderboards.ts;
// Next needs the number written here).
export const revalidate = 600;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return leaderboardMetadata((await params).slug, DEFAULT_LEADERBOARD_PERIOD);
}

export default async function Page({ params }: Props) {
  return <LeaderboardPage slug={(await params).slug} period={DEFAULT_LEADERBOARD_PERIOD} />;
}
