// Domain leaderboards: the periods a reader can choose, their addresses and words. The score itself is the
// Top Voice quality score (lib/data/quality-score.ts), so its numbers come from lib/domain/badges.ts.
import { TOP_VOICE } from "./badges";

export const LEADERBOARD_PERIODS = ["7d", "30d", "all"] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

/** The period /domains/<slug>/leaderboard shows; the others live at …/leaderboard/<period>. */
export const DEFAULT_LEADERBOARD_PERIOD: LeaderboardPeriod = "30d";

/** How many members a leaderboard lists. */
export const LEADERBOARD_SIZE = 50;

const PERIODS: Record<LeaderboardPeriod, { days: number | null; label: string; phrase: string }> = {
  "7d": { days: 7, label: "7 days", phrase: "in the last 7 days" },
  "30d": { days: 30, label: "30 days", phrase: "in the last 30 days" },
  all: { days: null, label: "All time", phrase: "of all time" },
};

/** Days of insights the period counts, by publication time; null for all time. */
export function periodDays(period: LeaderboardPeriod): number | null {
  return PERIODS[period].days;
}

/** "7 days", "30 days", "All time": the period switch's words. */
export function periodLabel(period: LeaderboardPeriod): string {
  return PERIODS[period].label;
}

/** "in the last 7 days", "of all time": the period in a sentence. */
export function periodPhrase(period: LeaderboardPeriod): string {
  return PERIODS[period].phrase;
}

/** A period from a URL segment; null for anything else (a 404). */
export function parseLeaderboardPeriod(segment: string): LeaderboardPeriod | null {
  return (LEADERBOARD_PERIODS as readonly string[]).includes(segment) ? (segment as LeaderboardPeriod) : null;
}

/** One address per period: the default one has no period segment. */
export function leaderboardPath(domainSlug: string, period: LeaderboardPeriod): string {
  const base = `/domains/${domainSlug}/leaderboard`;
  return period === DEFAULT_LEADERBOARD_PERIOD ? base : `${base}/${period}`;
}

/** How the score works in a line, where a domain page links to its leaderboard. */
export const LEADERBOARD_SCORE_SUMMARY =
  "Members ranked by the reactions their insights here receive, Unhelpful counting against, with at most " +
  `${TOP_VOICE.maxPointsPerReactor} points from any one reacting member.`;

/** How the score works, in one sentence under the leaderboard's heading. */
export const LEADERBOARD_SCORE_TEXT =
  "Scores count the reactions other members gave to insights published here in the period, " +
  `Unhelpful counting against, with at most ${TOP_VOICE.maxPointsPerReactor} points from any one ` +
  "reacting member: the same score that makes a Top Voice.";
