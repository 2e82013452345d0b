"use client";

import { Check, CircleAlert, ExternalLink, Flag, Gavel, ShieldCheck, Trash2, X } from "lucide-react";
import Link from "next/link";
import { ArticleMarkdown, InsightMarkdown } from "@/components/markdown/markdown";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { InitialsAvatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { QueueItem } from "@/lib/data/moderation/queue";
import { DECISION_REASON_LABELS, REPORT_REASON_LABELS } from "@/lib/domain/moderation";
import {
  APPEALED_MODERATOR_MESSAGE,
  OWN_INSIGHT_APPEAL_MESSAGE,
  QUEUE_KIND_LABELS,
  TRUST_LABELS,
} from "@/lib/domain/moderation-labels";
import { mayDecide, mayDecideAppeal, type Actor } from "@/lib/domain/permissions";
import { cn } from "@/lib/utils";

const KIND_VARIANT = {
  pending: "warning",
  reported: "destructive",
  hidden: "destructive",
  appeal: "secondary",
} as const;

const STATUS_WORD = {
  PENDING: "awaiting review",
  PUBLISHED: "published",
  REJECTED: "rejected",
  REMOVED: "removed",
  HIDDEN: "hidden",
} as const;

export type QueueItemActions = {
  onApprove: () => void;
  /** Reject for an insight awaiting review, remove for a published or hidden one. */
  onDecline: () => void;
  onDecideAppeal: (outcome: "UPHELD" | "OVERTURNED") => void;
  onSelectedChange: (selected: boolean) => void;
  onFocusItem: () => void;
};

type Props = QueueItemActions & {
  ref?: React.Ref<HTMLElement>;
  item: QueueItem;
  viewer: Actor;
  current: boolean;
  selected: boolean;
  busy: boolean;
};

/** Whether the "a" and "r" keys (and bulk actions) apply to an item: appeals have their own decision. */
export function isDecidable(item: QueueItem): boolean {
  return item.kind !== "appeal";
}

/** The decline verb for an item: pending insights are rejected, published or hidden ones removed. */
export function declineVerb(item: QueueItem): "reject" | "remove" {
  return item.status === "PENDING" ? "reject" : "remove";
}

/**
 * One item of the review queue: the insight as readers would see it, where it sits, who wrote it and
 * what they have written before, why it is here (automatic checks, reports, an appeal), and the decisions.
 */
export function QueueItemCard({
  ref,
  item,
  viewer,
  current,
  selected,
  busy,
  onApprove,
  onDecline,
  onDecideAppeal,
  onSelectedChange,
  onFocusItem,
}: Props) {
  const headingId = `queue-item-${item.insightId}`;
  const sectionHref = `/articles/${item.article.slug}#${item.section.anchor}`;
  // The server refuses the appeal's author and the moderator whose decision is appealed: say why instead.
  const appealDecidable =
    item.appeal !== null &&
    mayDecideAppeal(viewer, { authorId: item.author.id, decidedById: item.appeal.moderatorId });
  const appealNote = mayDecide(viewer, { authorId: item.author.id })
    ? APPEALED_MODERATOR_MESSAGE
    : OWN_INSIGHT_APPEAL_MESSAGE;
  const verb = declineVerb(item);

  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      aria-current={current ? "true" : undefined}
      data-current={current || undefined}
      onFocus={onFocusItem}
      className={cn(
        "border-border bg-card scroll-mt-20 rounded-lg border p-4 shadow-xs outline-none sm:p-5",
        current && "ring-accent ring-offset-background ring-2 ring-offset-2",
      )}
    >
      <header className="flex flex-wrap items-start gap-x-3 gap-y-2">
        {isDecidable(item) ? (
          <input
            type="checkbox"
            className="accent-accent mt-1 size-4 shrink-0"
            checked={selected}
            onChange={(event) => onSelectedChange(event.target.checked)}
            aria-label={`Select the insight by ${item.author.name}`}
          />
        ) : null}
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant={KIND_VARIANT[item.kind]}>{QUEUE_KIND_LABELS[item.kind]}</Badge>
            <span className="text-muted-foreground text-xs">
              In the queue since <RelativeTime date={item.queuedAt} />
            </span>
          </div>
          <h2 id={headingId} className="mt-2 text-base leading-snug font-semibold">
            Insight by {item.author.name}{" "}
            <span className="text-muted-foreground font-normal">({STATUS_WORD[item.status]})</span>
          </h2>
          <p className="text-muted-foreground mt-1 text-sm">
            On{" "}
            <Link href={sectionHref} className="text-foreground rounded-sm underline underline-offset-4">
              {item.article.title} › {item.section.title}
              <ExternalLink aria-hidden="true" className="ml-1 inline size-3.5 align-[-2px]" />
            </Link>{" "}
            in {item.domain.name}
          </p>
        </div>
      </header>

      <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,1fr)_16rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <details className="border-border bg-muted/40 rounded-md border px-3 py-2 text-sm">
            <summary className="cursor-pointer rounded-sm font-medium">
              Section text: {item.section.title}
            </summary>
            <div className="mt-2 max-h-64 overflow-y-auto text-sm [&_p]:text-sm">
              <ArticleMarkdown source={item.section.body} />
            </div>
          </details>

          <div
            role="group"
            aria-label="The insight as readers see it"
            className="border-border rounded-lg border p-4"
          >
            <div className="text-muted-foreground mb-2 flex flex-wrap gap-x-2 text-xs">
              <span>
                Written <RelativeTime date={item.createdAt} />
              </span>
              {item.editedAt ? (
                <span>
                  · edited <RelativeTime date={item.editedAt} />
                </span>
              ) : null}
            </div>
            <InsightMarkdown source={item.body} />
          </div>

          {item.autoFlags.length > 0 ? (
            <Alert variant="warning" role="note">
              <AlertTitle>Automatic checks</AlertTitle>
              <AlertDescription>
                <ul className="list-disc pl-4">
                  {item.autoFlags.map((flag) => (
                    <li key={flag.code}>{flag.label}</li>
                  ))}
                </ul>
              </AlertDescription>
            </Alert>
          ) : null}

          {item.reports.length > 0 ? (
            <section aria-label="Reports" className="flex flex-col gap-2">
              <h3 className="flex items-center gap-1.5 text-sm font-semibold">
                <Flag aria-hidden="true" className="size-4" /> Reports ({item.reports.length})
              </h3>
              <ul className="flex flex-col gap-2">
                {item.reports.map((report) => (
                  <li
                    key={`${report.reporterHandle}:${report.createdAt}`}
                    className="border-border rounded-md border px-3 py-2 text-sm"
                  >
                    <p>
                      <span className="font-medium">{REPORT_REASON_LABELS[report.reason]}</span>
                      <span className="text-muted-foreground">
                        {" "}
                        · @{report.reporterHandle} · <RelativeTime date={report.createdAt} />
                      </span>
                    </p>
                    {report.note ? <p className="mt-1 break-words">{report.note}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {item.decision ? (
            <section aria-label="Decision" className="border-border rounded-md border px-3 py-2 text-sm">
              <h3 className="font-semibold">
                {item.status === "REMOVED" ? "Removed" : item.status === "REJECTED" ? "Rejected" : "Decided"}{" "}
                by {item.decision.moderatorName} <RelativeTime date={item.decision.decidedAt} />
              </h3>
              {item.decision.reason ? (
                <p className="mt-1">Reason: {DECISION_REASON_LABELS[item.decision.reason]}</p>
              ) : null}
              {item.decision.note ? <p className="mt-1 break-words">Note: {item.decision.note}</p> : null}
            </section>
          ) : null}

          {item.appeal ? (
            <section aria-label="Appeal" className="bg-muted/40 rounded-md px-3 py-2 text-sm">
              <h3 className="font-semibold">
                The author appealed <RelativeTime date={item.appeal.createdAt} />
              </h3>
              <p className="mt-1 break-words whitespace-pre-line">{item.appeal.message}</p>
            </section>
          ) : null}
        </div>

        <aside
          aria-label={`About ${item.author.name}`}
          className="border-border rounded-md border p-3 text-sm"
        >
          <div className="flex items-center gap-2">
            <InitialsAvatar name={item.author.name} size="sm" />
            <div className="min-w-0">
              <p className="truncate font-medium">{item.author.name}</p>
              <Link
                prefetch={false}
                href={`/moderation/members/${item.author.handle}`}
                className="text-accent block truncate rounded-sm text-xs underline underline-offset-4"
              >
                @{item.author.handle} · moderation record
              </Link>
            </div>
          </div>
          <div className="mt-2 flex flex-wrap gap-1.5">
            <Badge variant={item.author.trust === "NEW" ? "warning" : "success"}>
              {TRUST_LABELS[item.author.trust]}
            </Badge>
            {item.author.status !== "ACTIVE" ? (
              <Badge variant="destructive">{item.author.status === "BANNED" ? "Banned" : "Suspended"}</Badge>
            ) : null}
          </div>
          <p className="text-muted-foreground mt-2 text-xs">
            Joined <RelativeTime date={item.author.joinedAt} />
          </p>
          <dl className="mt-2 grid grid-cols-3 gap-1 text-center">
            {(
              [
                ["Published", item.author.published],
                ["Rejected", item.author.rejected],
                ["Removed", item.author.removed],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="bg-muted/50 rounded-md px-1 py-1.5">
                <dt className="text-muted-foreground text-[0.6875rem]">{label}</dt>
                <dd className="font-semibold tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>

      <footer className="mt-4 flex flex-wrap items-center gap-2">
        {item.kind === "appeal" && item.appeal ? (
          !appealDecidable ? (
            <p role="note" className="text-muted-foreground flex items-center gap-1.5 text-sm">
              <CircleAlert aria-hidden="true" className="size-4" /> {appealNote}
            </p>
          ) : (
            <>
              <Button size="sm" variant="outline" disabled={busy} onClick={() => onDecideAppeal("UPHELD")}>
                <Gavel aria-hidden="true" /> Uphold decision
              </Button>
              <Button size="sm" disabled={busy} onClick={() => onDecideAppeal("OVERTURNED")}>
                <ShieldCheck aria-hidden="true" /> Overturn decision
              </Button>
            </>
          )
        ) : (
          <>
            <Button size="sm" disabled={busy} onClick={onApprove} aria-keyshortcuts="a">
              <Check aria-hidden="true" /> Approve
            </Button>
            <Button size="sm" variant="outline" disabled={busy} onClick={onDecline} aria-keyshortcuts="r">
              {verb === "reject" ? (
                <>
                  <X aria-hidden="true" /> Reject…
                </>
              ) : (
                <>
                  <Trash2 aria-hidden="true" /> Remove…
                </>
              )}
            </Button>
          </>
        )}
      </footer>
    </article>
  );
}
