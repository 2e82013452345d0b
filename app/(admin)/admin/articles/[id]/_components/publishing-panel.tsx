"use client";

import { CalendarClock, Eye, ExternalLink, Send, Undo2, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { ArticleStatusBadge } from "@/app/(admin)/admin/_components/article-status-badge";
import { formatUtc } from "@/app/(admin)/admin/_lib/format";
import { Button, buttonVariants } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field, fieldControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import type { AdminArticle } from "@/lib/data/editorial/shared";
import { scheduleFormSchema } from "@/lib/validation/editorial";
import {
  cancelScheduleAction,
  publishArticleAction,
  scheduleArticleAction,
  unpublishArticleAction,
} from "../actions";
import { useArticleAction } from "./use-article-action";

/** A `datetime-local` value for a moment, in the browser's own time zone. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Status, preview, publish now, schedule, unpublish. */
export function PublishingPanel({
  article,
  onArticle,
}: {
  article: AdminArticle;
  onArticle: (article: AdminArticle) => void;
}) {
  const { pending: busy, run } = useArticleAction(onArticle);
  const [confirmUnpublish, setConfirmUnpublish] = useState(false);
  const [when, setWhen] = useState("");
  const [whenError, setWhenError] = useState<string | null>(null);
  const published = article.status === "PUBLISHED";

  async function schedule(event: React.FormEvent) {
    event.preventDefault();
    const parsed = scheduleFormSchema.safeParse({ when });
    if (!parsed.success) {
      setWhenError(parsed.error.issues[0]?.message ?? "Choose a date and time.");
      return;
    }
    setWhenError(null);
    const scheduledAt = new Date(parsed.data.when).toISOString();
    const outcome = await run(() => scheduleArticleAction({ id: article.id, scheduledAt }));
    if (!outcome.ok) {
      if (outcome.fieldErrors?.scheduledAt) setWhenError(outcome.fieldErrors.scheduledAt);
      return;
    }
    toast.success(`Scheduled for ${formatUtc(outcome.data.article.scheduledAt ?? scheduledAt)}`);
    setWhen("");
  }

  return (
    <section
      aria-labelledby="publishing-heading"
      className="border-border bg-card flex flex-col gap-4 rounded-lg border p-5"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="publishing-heading" className="text-lg font-semibold">
          Publishing
        </h2>
        <ArticleStatusBadge status={article.status} scheduledAt={article.scheduledAt} />
      </div>

      <p className="text-muted-foreground text-sm">
        {published
          ? `Readers see it at /articles/${article.slug}.`
          : article.scheduledAt
            ? `A draft until ${formatUtc(article.scheduledAt)}, when it publishes itself. Readers get a 404 until then.`
            : "A draft: only admins see it. Readers get a 404 at its address."}
      </p>

      <div className="flex flex-wrap gap-2">
        <Link
          prefetch={false}
          href={`/admin/articles/${article.id}/preview`}
          className={buttonVariants({ variant: "outline", size: "sm" })}
        >
          <Eye aria-hidden="true" /> Preview
        </Link>
        {published ? (
          <>
            <Link
              href={`/articles/${article.slug}`}
              className={buttonVariants({ variant: "outline", size: "sm" })}
            >
              <ExternalLink aria-hidden="true" /> View on site
            </Link>
            <Button variant="outline" size="sm" disabled={busy} onClick={() => setConfirmUnpublish(true)}>
              <Undo2 aria-hidden="true" /> Unpublish
            </Button>
          </>
        ) : (
          <Button
            size="sm"
            disabled={busy || article.sections.length === 0}
            aria-describedby={article.sections.length === 0 ? "publish-needs-section" : undefined}
            onClick={() =>
              void run(() => publishArticleAction({ id: article.id }), "Published: readers can see it now")
            }
          >
            <Send aria-hidden="true" /> Publish now
          </Button>
        )}
      </div>
      {!published && article.sections.length === 0 ? (
        <p id="publish-needs-section" className="text-muted-foreground text-sm">
          Add at least one section before publishing.
        </p>
      ) : null}

      {published ? null : article.scheduledAt ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <CalendarClock aria-hidden="true" className="text-muted-foreground size-4" />
          <span>Publishes itself on {formatUtc(article.scheduledAt)}.</span>
          <Button
            variant="ghost"
            size="sm"
            disabled={busy}
            onClick={() =>
              void run(() => cancelScheduleAction({ id: article.id }), "Schedule cancelled: it stays a draft")
            }
          >
            <X aria-hidden="true" /> Cancel schedule
          </Button>
        </div>
      ) : null}

      {published ? null : (
        <form
          aria-label="Schedule publishing"
          onSubmit={(event) => void schedule(event)}
          noValidate
          className="flex flex-wrap items-end gap-2"
        >
          <Field
            id="schedule-when"
            label={article.scheduledAt ? "Move to another time" : "Publish at a set time"}
            description="In your own time zone. The job queue publishes it within a minute of that time."
            error={whenError}
            className="min-w-60 flex-1"
          >
            <Input
              type="datetime-local"
              value={when}
              min={localInputValue(new Date())}
              onChange={(event) => setWhen(event.target.value)}
              {...fieldControlProps("schedule-when", { description: true, error: whenError })}
            />
          </Field>
          <Button
            type="submit"
            variant="outline"
            disabled={busy || article.sections.length === 0}
            className="mb-7"
          >
            <CalendarClock aria-hidden="true" /> Schedule
          </Button>
        </form>
      )}

      <Dialog open={confirmUnpublish} onOpenChange={setConfirmUnpublish}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Unpublish “{article.title}”?</DialogTitle>
            <DialogDescription>
              It goes back to being a draft: readers get a 404 at its address and it leaves every list, feed
              and search. Its insights are kept and come back when you publish it again.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={busy}>
                Keep it published
              </Button>
            </DialogClose>
            <Button
              variant="destructive"
              disabled={busy}
              onClick={() =>
                void run(
                  () => unpublishArticleAction({ id: article.id }),
                  "Unpublished: it is a draft again",
                ).then((outcome) => (outcome.ok ? setConfirmUnpublish(false) : undefined))
              }
            >
              {busy ? "Unpublishing…" : "Unpublish"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </section>
  );
}
