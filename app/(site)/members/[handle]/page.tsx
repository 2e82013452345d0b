import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContributorProgressMeter } from "@/components/badges/contributor-progress";
import { MemberBadgeList, PastBadgeList } from "@/components/badges/member-badges";
import { InsightMarkdown } from "@/components/markdown/markdown";
import { InitialsAvatar } from "@/components/ui/avatar";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { getMemberProfile, groupInsightsByArticle, PROFILE_INSIGHT_LIMIT } from "@/lib/data/members";

export const revalidate = 3600;

export function generateStaticParams(): { handle: string }[] {
  return [];
}

type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await getMemberProfile((await params).handle);
  if (!profile) return { title: "Member not found" };
  const description = profile.headline || `${profile.name}'s insights on Roundtable.`;
  return {
    title: `${profile.name} (@${profile.handle})`,
    description,
    alternates: { canonical: `/members/${profile.handle}` },
    openGraph: { type: "profile", title: profile.name, description, url: `/members/${profile.handle}` },
  };
}

const monthYear = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export default async function MemberPage({ params }: Props) {
  const profile = await getMemberProfile((await params).handle);
  if (!profile) notFound();
  const stats = [
    {
      label: plural(profile.articleCount, "article contributed to", "articles contributed to"),
      value: profile.articleCount,
    },
    {
      label: plural(profile.insightCount, "published insight", "published insights"),
      value: profile.insightCount,
    },
    {
      label: plural(profile.reactionCount, "reaction received", "reactions received"),
      value: profile.reactionCount,
    },
  ];
  const byArticle = groupInsightsByArticle(profile.insights);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-10">
      <header className="flex flex-col gap-6">
        <div className="flex items-center gap-5">
          <InitialsAvatar name={profile.name} size="lg" />
          <div className="min-w-0">
            <h1 className="text-3xl font-bold tracking-tight">{profile.name}</h1>
            <p className="text-muted-foreground">@{profile.handle}</p>
            {profile.headline ? <p className="mt-1">{profile.headline}</p> : null}
            <p className="text-muted-foreground mt-1 text-sm">
              Member since {monthYear.format(new Date(profile.memberSince))}
            </p>
          </div>
        </div>
        <dl className="grid grid-cols-3 gap-3">
          {stats.map((stat) => (
            <div key={stat.label} className="border-border bg-card flex flex-col rounded-lg border p-3">
              <dt className="text-muted-foreground order-2 text-xs sm:text-sm">{stat.label}</dt>
              <dd className="order-1 text-2xl font-semibold tabular-nums">{stat.value}</dd>
            </div>
          ))}
        </dl>
      </header>

      <section aria-labelledby="member-badges" className="flex flex-col gap-4">
        <h2 id="member-badges" className="text-xl font-semibold">
          Badges
        </h2>
        <ContributorProgressMeter progress={profile.progress} />
        {profile.badges.length === 0 ? (
          <EmptyState
            title="No badges yet"
            description={`${profile.name} earns badges by sharing insights readers value.`}
            action={
              <Link href="/badges" className="text-accent rounded-sm text-sm underline underline-offset-4">
                See every badge and how to earn it
              </Link>
            }
          />
        ) : (
          <MemberBadgeList badges={profile.badges} />
        )}
        {profile.pastBadges.length > 0 ? (
          <div className="flex flex-col gap-2">
            <h3 className="text-base font-semibold">Badge history</h3>
            <PastBadgeList badges={profile.pastBadges} />
          </div>
        ) : null}
        {profile.badges.length > 0 ? (
          <p className="text-sm">
            <Link href="/badges" className="text-accent rounded-sm underline-offset-4 hover:underline">
              All badges and how to earn them
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="member-insights">
        <h2 id="member-insights" className="text-xl font-semibold">
          Insights
        </h2>
        {byArticle.length === 0 ? (
          <EmptyState className="mt-4" title="No published insights yet" />
        ) : (
          <ul className="mt-4 flex flex-col gap-6">
            {byArticle.map((group) => (
              <li key={group.article.slug} className="flex flex-col gap-3">
                <h3 className="font-semibold">
                  <Link
                    href={`/articles/${group.article.slug}`}
                    className="rounded-sm underline-offset-4 hover:underline"
                  >
                    {group.article.title}
                  </Link>
                </h3>
                <ul className="flex flex-col gap-3">
                  {group.insights.map((insight) => (
                    <li key={insight.id} className="border-border bg-card rounded-lg border p-4">
                      <p className="text-sm">
                        On{" "}
                        <Link
                          href={`/articles/${group.article.slug}#${insight.section.anchor}`}
                          className="rounded-sm font-medium underline underline-offset-4"
                        >
                          {insight.section.title}
                        </Link>{" "}
                        <span className="text-muted-foreground">
                          · <RelativeTime date={insight.publishedAt} />
                        </span>
                      </p>
                      <div className="mt-2">
                        <InsightMarkdown source={insight.body} />
                      </div>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {profile.insightCount > PROFILE_INSIGHT_LIMIT ? (
          <p className="text-muted-foreground mt-4 text-sm">
            Showing the {PROFILE_INSIGHT_LIMIT} most recent of {profile.insightCount} insights.
          </p>
        ) : null}
      </section>
    </div>
  );
}
