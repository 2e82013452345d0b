import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InsightMarkdown } from "@/components/markdown/markdown";
import { InitialsAvatar } from "@/components/ui/avatar";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { getMemberProfile, PROFILE_INSIGHT_LIMIT } from "@/lib/data/members";

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

export default async function MemberPage({ params }: Props) {
  const profile = await getMemberProfile((await params).handle);
  if (!profile) notFound();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-10">
      <header className="flex items-center gap-5">
        <InitialsAvatar name={profile.name} size="lg" />
        <div className="min-w-0">
          <h1 className="text-3xl font-bold tracking-tight">{profile.name}</h1>
          <p className="text-muted-foreground">@{profile.handle}</p>
          {profile.headline ? <p className="mt-1">{profile.headline}</p> : null}
          <p className="text-muted-foreground mt-1 text-sm">
            Member since {monthYear.format(new Date(profile.memberSince))} ·{" "}
            <span className="tabular-nums">{profile.insightCount}</span> published{" "}
            {profile.insightCount === 1 ? "insight" : "insights"}
          </p>
        </div>
      </header>

      <section aria-labelledby="member-insights">
        <h2 id="member-insights" className="text-xl font-semibold">
          Insights
        </h2>
        {profile.insights.length === 0 ? (
          <EmptyState className="mt-4" title="No published insights yet" />
        ) : (
          <ul className="mt-4 flex flex-col gap-4">
            {profile.insights.map((insight) => (
              <li key={insight.id} className="border-border bg-card rounded-lg border p-4">
                <p className="text-sm">
                  On{" "}
                  <Link
                    href={`/articles/${insight.article.slug}#${insight.section.anchor}`}
                    className="rounded-sm font-medium underline underline-offset-4"
                  >
                    {insight.article.title}
                  </Link>{" "}
                  <span className="text-muted-foreground">· {insight.section.title}</span>
                </p>
                <RelativeTime date={insight.publishedAt} className="text-muted-foreground text-xs" />
                <div className="mt-2">
                  <InsightMarkdown source={insight.body} />
                </div>
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
