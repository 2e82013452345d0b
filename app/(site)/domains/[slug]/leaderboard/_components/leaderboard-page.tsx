import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BadgeChipList } from "@/components/badges/badge-chip";
import { InitialsAvatar } from "@/components/ui/avatar";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { EmptyState } from "@/components/ui/empty-state";
import { getDomainLeaderboard } from "@/lib/data/leaderboards";
import {
  LEADERBOARD_PERIODS,
  LEADERBOARD_SCORE_TEXT,
  LEADERBOARD_SIZE,
  leaderboardPath,
  periodLabel,
  periodPhrase,
  type LeaderboardPeriod,
} from "@/lib/domain/leaderboards";
import { cn } from "@/lib/utils";

export async function leaderboardMetadata(slug: string, period: LeaderboardPeriod): Promise<Metadata> {
  const board = await getDomainLeaderboard(slug, period);
  if (!board) return { title: "Domain not found" };
  const title = `${board.domain.name} leaderboard · ${periodLabel(period)}`;
  const description = `The members whose insights on ${board.domain.name} readers valued most ${periodPhrase(period)}.`;
  const url = leaderboardPath(board.domain.slug, period);
  return { title, description, alternates: { canonical: url }, openGraph: { title, description, url } };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A domain's top contributors in one period, with a switch between the periods. */
export async function LeaderboardPage({ slug, period }: { slug: string; period: LeaderboardPeriod }) {
  const board = await getDomainLeaderboard(slug, period);
  if (!board) notFound();
  const { domain, entries } = board;
  const breadcrumbs = [
    { label: "Home", href: "/" },
    ...(domain.parent ? [{ label: domain.parent.name, href: `/domains/${domain.parent.slug}` }] : []),
    { label: domain.name, href: `/domains/${domain.slug}` },
    { label: "Leaderboard" },
  ];
  const shown =
    board.memberCount > entries.length
      ? `The top ${entries.length} of ${plural(board.memberCount, "member")}`
      : plural(board.memberCount, "member");
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8">
      <header className="flex flex-col gap-4">
        <Breadcrumbs items={breadcrumbs} />
        <h1 className="text-3xl font-bold tracking-tight">{domain.name} leaderboard</h1>
        <p className="text-muted-foreground leading-relaxed">
          Top contributors {periodPhrase(period)}
          {domain.hasChildren ? `, across ${domain.name} and the domains inside it` : ""}.{" "}
          {LEADERBOARD_SCORE_TEXT}
        </p>
      </header>

      <nav aria-label="Period">
        <ul className="bg-muted inline-flex gap-1 rounded-lg p-1">
          {LEADERBOARD_PERIODS.map((option) => (
            <li key={option}>
              <Link
                href={leaderboardPath(domain.slug, option)}
                aria-current={option === period ? "page" : undefined}
                className={cn(
                  "inline-flex rounded-md px-3 py-1.5 text-sm font-medium",
                  option === period
                    ? "bg-background text-foreground shadow-sm"
                    : "text-muted-foreground hover:text-foreground",
                )}
              >
                {periodLabel(option)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="leaderboard-heading">
        <h2 id="leaderboard-heading" className="text-xl font-semibold">
          {periodLabel(period)}
        </h2>
        {entries.length === 0 ? (
          <EmptyState
            className="mt-4"
            title="No one on this board yet"
            description="Insights that readers react to put their authors here. Share what you know on an article in this domain."
            action={
              <Link
                href={`/domains/${domain.slug}`}
                className="text-accent rounded-sm text-sm underline underline-offset-4"
              >
                Browse {domain.name} articles
              </Link>
            }
          />
        ) : (
          <>
            <p className="text-muted-foreground mt-1 text-sm tabular-nums">
              {shown}, highest score first (at most {LEADERBOARD_SIZE}).
            </p>
            <div className="border-border bg-card mt-4 overflow-x-auto rounded-lg border">
              <table className="w-full text-sm">
                <caption className="sr-only">
                  {domain.name} leaderboard, {periodPhrase(period)}
                </caption>
                <thead className="text-muted-foreground border-border border-b text-left text-xs">
                  <tr>
                    <th scope="col" className="w-12 px-3 py-2 font-medium">
                      Rank
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Member
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Score
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Insights
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-border divide-y">
                  {entries.map((entry) => (
                    <tr key={entry.handle}>
                      <td className="px-3 py-3 font-semibold tabular-nums">{entry.rank}</td>
                      <th scope="row" className="px-3 py-3 text-left font-normal">
                        <div className="flex items-center gap-3">
                          <InitialsAvatar name={entry.name} size="md" />
                          <div className="min-w-0">
                            <Link
                              href={`/members/${entry.handle}`}
                              className="rounded-sm font-medium underline underline-offset-4"
                            >
                              {entry.name}
                            </Link>
                            <p className="text-muted-foreground text-xs">@{entry.handle}</p>
                            <BadgeChipList
                              className="mt-1"
                              badges={entry.badges}
                              label={`Badges of ${entry.name}`}
                            />
                          </div>
                        </div>
                      </th>
                      <td className="px-3 py-3 text-right font-semibold tabular-nums">{entry.score}</td>
                      <td className="px-3 py-3 text-right tabular-nums">{entry.insightCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <p className="text-muted-foreground text-sm">
        Members can keep themselves off leaderboards in their{" "}
        <Link prefetch={false} href="/settings" className="rounded-sm underline underline-offset-4">
          settings
        </Link>
        .
      </p>
    </div>
  );
}
