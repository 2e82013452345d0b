import { diffWords } from "diff";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { RelativeTime } from "@/components/ui/relative-time";
import { getInsightHistory, type InsightHistory } from "@/lib/data/insights";
import { listPublicModerationLines } from "@/lib/data/moderation/audit-log";
import { DECISION_REASON_LABELS } from "@/lib/domain/moderation";

export const revalidate = 3600;

export function generateStaticParams(): { id: string }[] {
  return [];
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const history = await getInsightHistory((await params).id);
  if (!history) return { title: "Insight not found" };
  return {
    title: `Revision history of ${history.author.name}'s insight`,
    description: `Every version of ${history.author.name}'s insight on “${history.article.title}”.`,
    robots: { index: false },
  };
}

/** Word-level changes from one version to the next; additions and removals are labelled, not only coloured. */
function Changes({ before, after }: { before: string; after: string }) {
  return (
    <p className="leading-relaxed whitespace-pre-wrap">
      {diffWords(before, after).map((part, index) =>
        part.added ? (
          <ins key={index} className="bg-success/15 text-foreground rounded-sm no-underline">
            <span className="sr-only">[added: </span>
            {part.value}
            <span className="sr-only">]</span>
          </ins>
        ) : part.removed ? (
          <del key={index} className="bg-destructive/10 text-muted-foreground rounded-sm">
            <span className="sr-only">[removed: </span>
            {part.value}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </p>
  );
}

/** Why readers cannot see the text of a hidden, rejected or removed insight; null for a published one. */
function withheldNotice(history: InsightHistory): string | null {
  const why = history.decisionReason ? `: ${DECISION_REASON_LABELS[history.decisionReason]}` : "";
  switch (history.status) {
    case "PUBLISHED":
      return null;
    case "HIDDEN":
      return "This insight is hidden pending review after reports from readers.";
    case "REJECTED":
      return `This insight was rejected by a moderator${why}.`;
    case "REMOVED":
      return `This insight was removed by a moderator${why}.`;
  }
}

export default async function InsightHistoryPage({ params }: Props) {
  const { id } = await params;
  const [history, moderation] = await Promise.all([getInsightHistory(id), listPublicModerationLines(id)]);
  if (!history) notFound();
  const notice = withheldNotice(history);
  const articleHref = `/articles/${history.article.slug}#${history.section.anchor}`;
  return (
    <div className="mx-auto flex max-w-[46rem] flex-col gap-6">
      <Breadcrumbs
        items={[
          { label: "Home", href: "/" },
          { label: history.article.title, href: articleHref },
          { label: "Revision history" },
        ]}
      />
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Revision history</h1>
        <p className="text-muted-foreground mt-2">
          <Link
            href={`/members/${history.author.handle}`}
            className="rounded-sm font-medium underline underline-offset-4"
          >
            {history.author.name}
          </Link>
          &rsquo;s insight on{" "}
          <Link href={articleHref} className="rounded-sm underline underline-offset-4">
            {history.section.title}
          </Link>
          .{" "}
          {notice
            ? null
            : `${history.versions.length} ${history.versions.length === 1 ? "version" : "versions"}, newest first.`}
        </p>
      </header>
      {notice ? (
        <p role="status" className="border-border bg-muted rounded-lg border p-4 font-medium">
          {notice}
        </p>
      ) : null}
      {moderation.length > 0 ? (
        <section aria-labelledby="moderation-heading" className="flex flex-col gap-2">
          <h2 id="moderation-heading" className="text-lg font-semibold">
            Moderation
          </h2>
          <ol className="text-muted-foreground flex flex-col gap-1 text-sm">
            {moderation.map((entry, index) => (
              <li key={entry.at + index}>
                {entry.line} · <RelativeTime date={entry.at} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {history.versions.length > 0 ? (
        <ol className="flex flex-col gap-4">
          {history.versions.map((version, index) => {
            const previous = history.versions[index + 1];
            return (
              <li key={version.at + index} className="border-border bg-card rounded-lg border p-4">
                <p className="text-muted-foreground mb-2 text-sm">
                  {version.current ? "Current version" : `Version ${history.versions.length - index}`} ·{" "}
                  {previous ? "edited" : "posted"} <RelativeTime date={version.at} />
                </p>
                {previous ? (
                  <Changes before={previous.body} after={version.body} />
                ) : (
                  <p className="leading-relaxed whitespace-pre-wrap">{version.body}</p>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
    </div>
  );
}
