"use client";

import { MessageSquarePlus } from "lucide-react";
import Link from "next/link";
import { useRef, useState } from "react";
import { useArticleViewer } from "@/components/insights/article-viewer";
import { InsightEditor } from "@/components/insights/insight-editor";
import { OwnInsightActions } from "@/components/insights/own-insight-actions";
import { useViewer } from "@/components/layout/viewer-provider";
import { OwnModerationNotice } from "@/components/moderation/own-moderation-notice";
import { InsightMarkdown } from "@/components/markdown/markdown";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { addInsightAction } from "@/lib/actions/insights";
import { randomUuid } from "@/lib/uuid";

const STATUS_BADGE = {
  PENDING: { label: "Awaiting review", variant: "warning" },
  PUBLISHED: { label: "Published", variant: "success" },
  REJECTED: { label: "Not published", variant: "destructive" },
  REMOVED: { label: "Removed by a moderator", variant: "destructive" },
  HIDDEN: { label: "Hidden pending review", variant: "warning" },
} as const;

type Props = {
  sectionId: string;
  sectionAnchor: string;
  sectionTitle: string;
  /** insights the cached page already lists for this section */
  listedInsightIds: string[];
};

/**
 * "Add your insights" for one section. Signed-out readers go to sign-in and come back here; members
 * write in place; a member who already has an insight here sees it (with its review status) instead.
 */
export function SectionContribution({ sectionId, sectionAnchor, sectionTitle, listedInsightIds }: Props) {
  const { viewer } = useViewer();
  const articleViewer = useArticleViewer();
  const [open, setOpen] = useState(false);
  // One key per draft: a double click or a retry after a network error reuses it, so the server
  // answers with the insight the first submission created instead of making a second one.
  const idempotencyKey = useRef<string>("");
  if (!articleViewer) return null;
  const label = `Add your insights on “${sectionTitle}”`;

  if (viewer.status !== "signed-in") {
    const returnTo = `/articles/${articleViewer.articleSlug}#${sectionAnchor}`;
    return (
      <Button asChild variant="outline" size="sm">
        <Link
          prefetch={false}
          href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}
          aria-label={label}
        >
          <MessageSquarePlus aria-hidden="true" /> Add your insights
        </Link>
      </Button>
    );
  }

  const own = articleViewer.ownInsights.find((insight) => insight.sectionId === sectionId);
  if (own) {
    const listed = listedInsightIds.includes(own.id);
    return (
      <div className="flex flex-col gap-3">
        {listed ? null : (
          <article
            className="border-accent/40 bg-card rounded-lg border border-dashed p-4"
            aria-label="Your insight"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="text-sm font-medium">Your insight</p>
              <Badge variant={STATUS_BADGE[own.status].variant}>{STATUS_BADGE[own.status].label}</Badge>
            </div>
            <div className="mt-2">
              <InsightMarkdown source={own.body} />
            </div>
            <div className="mt-2 flex flex-col gap-2">
              <OwnModerationNotice
                insightId={own.id}
                status={own.status}
                note={articleViewer.moderation[own.id]}
                onAppealed={articleViewer.refresh}
              />
              <OwnInsightActions insightId={own.id} body={own.body} />
            </div>
          </article>
        )}
        <p className="text-muted-foreground text-sm">
          You have added an insight to this section. Edit it to add more.
        </p>
      </div>
    );
  }

  if (!open) {
    return (
      <Button
        variant="outline"
        size="sm"
        aria-label={label}
        aria-expanded={false}
        disabled={!articleViewer.loaded}
        onClick={() => {
          idempotencyKey.current ||= randomUuid();
          setOpen(true);
        }}
      >
        <MessageSquarePlus aria-hidden="true" /> Add your insights
      </Button>
    );
  }

  return (
    <section aria-label={label} className="border-border bg-card rounded-lg border p-4">
      <InsightEditor
        submitLabel="Post insight"
        pendingLabel="Posting…"
        onSubmit={(body, composeMs) =>
          addInsightAction({ sectionId, body, idempotencyKey: idempotencyKey.current, composeMs })
        }
        onSuccess={async (posted) => {
          idempotencyKey.current = "";
          setOpen(false);
          await articleViewer.refresh();
          toast.success(
            posted.status === "PENDING"
              ? "Thanks! Your insight is awaiting review"
              : "Your insight is published",
            {
              description:
                posted.status === "PENDING"
                  ? "A moderator reads it before it appears to everyone."
                  : undefined,
            },
          );
        }}
        onCancel={() => setOpen(false)}
      />
    </section>
  );
}
