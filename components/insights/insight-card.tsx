import Link from "next/link";
import { BadgeChipList } from "@/components/badges/badge-chip";
import { InsightMarkdown } from "@/components/markdown/markdown";
import { ReportInsightButton } from "@/components/moderation/report-insight-button";
import { InitialsAvatar } from "@/components/ui/avatar";
import { RelativeTime } from "@/components/ui/relative-time";
import { OwnInsightActions } from "./own-insight-actions";
import { ReactionBar } from "./reaction-bar";
import type { InsightView } from "@/lib/data/content";

export function InsightCard({ insight }: { insight: InsightView }) {
  return (
    <article
      className="border-border bg-card rounded-lg border p-4"
      aria-label={`Insight by ${insight.author.name}`}
    >
      <header className="flex items-start gap-3">
        <InitialsAvatar name={insight.author.name} />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <p className="text-sm leading-tight">
              <Link
                href={`/members/${insight.author.handle}`}
                className="rounded-sm font-medium hover:underline"
              >
                {insight.author.name}
              </Link>
            </p>
            {/* `?? []`: article views cached before authors carried badges have none */}
            <BadgeChipList badges={insight.author.badges ?? []} label={`Badges of ${insight.author.name}`} />
          </div>
          {insight.author.headline ? (
            <p className="text-muted-foreground truncate text-xs">{insight.author.headline}</p>
          ) : null}
        </div>
        <RelativeTime date={insight.publishedAt} className="text-muted-foreground shrink-0 text-xs" />
      </header>
      <div className="mt-3">
        <InsightMarkdown source={insight.body} />
      </div>
      <div className="mt-3">
        <ReactionBar insightId={insight.id} counts={insight.reactions} />
      </div>
      <footer className="mt-2 flex flex-wrap items-center justify-between gap-2">
        {insight.editedAt ? (
          <p className="text-muted-foreground text-xs">
            Edited <RelativeTime date={insight.editedAt} /> ·{" "}
            <Link
              href={`/insights/${insight.id}/history`}
              className="rounded-sm underline underline-offset-4"
            >
              See revision history
            </Link>
          </p>
        ) : (
          <span />
        )}
        <div className="flex flex-wrap items-center gap-1">
          <OwnInsightActions insightId={insight.id} body={insight.body} />
          <ReportInsightButton insightId={insight.id} authorHandle={insight.author.handle} />
        </div>
      </footer>
    </article>
  );
}
