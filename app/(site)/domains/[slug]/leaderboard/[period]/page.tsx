import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DEFAULT_LEADERBOARD_PERIOD, parseLeaderboardPeriod } from "@/lib/domain/leaderboards";
import { LeaderboardPage, leaderboardMetadata } from "../_components/leaderboard-page";

// Cached like /domains/<slug>/leaderboard, revalidated by tags. The page is rendered again every 5 minutes
// at the latest; its data is recounted after LEADERBOARD_BACKSTOP_SECONDS of its period (7 days: 5 minutes,
// all time: an hour, in lib/data/leaderboards.ts).
export const revalidate = 300;

export function generateStaticParams(): { slug: string; period: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string; period: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, period } = await params;
  const parsed = parseLeaderboardPeriod(period);
  if (!parsed) return { title: "Page not found" };
  return leaderboardMetadata(slug, parsed);
}

export default async function Page({ params }: Props) {
  const { slug, period } = await params;
  const parsed = parseLeaderboardPeriod(period);
  // The default period lives at /domains/<slug>/leaderboard: one address per page.
  if (parsed === null || parsed === DEFAULT_LEADERBOARD_PERIOD) notFound();
  return <LeaderboardPage slug={slug} period={parsed} />;
}
