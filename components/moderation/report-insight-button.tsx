"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Flag } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useArticleViewer } from "@/components/insights/article-viewer";
import { useViewer } from "@/components/layout/viewer-provider";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field, fieldControlProps } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { reportInsightAction } from "@/lib/actions/moderation";
import { callAction, showFailureOnForm } from "@/lib/client/call-action";
import { REPORT_REASON_LABELS, REPORTS_TO_HIDE } from "@/lib/domain/moderation";
import { NOTE_MAX, REPORT_REASONS, reportInsightSchema } from "@/lib/validation/moderation";

type ReportFormInput = z.input<typeof reportInsightSchema>;
type ReportFormValues = z.output<typeof reportInsightSchema>;

/**
 * "Report" on someone else's published insight: signed-out readers are sent to sign in first, authors see
 * nothing on their own insights, and a reader who already reported one sees that instead of the button.
 */
export function ReportInsightButton({
  insightId,
  authorHandle,
}: {
  insightId: string;
  authorHandle: string;
}) {
  const { viewer } = useViewer();
  const articleViewer = useArticleViewer();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);

  if (viewer.status === "loading") return null;
  if (viewer.status === "signed-out") {
    const back = articleViewer ? `/articles/${articleViewer.articleSlug}` : pathname;
    return (
      <Button asChild variant="ghost" size="sm" className="text-muted-foreground">
        <Link
          prefetch={false}
          href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`}
          aria-label="Sign in to report this insight"
        >
          <Flag aria-hidden="true" /> Report
        </Link>
      </Button>
    );
  }
  const own =
    viewer.user.handle === authorHandle ||
    (articleViewer?.ownInsights.some((insight) => insight.id === insightId) ?? false);
  if (own) return null;
  if (articleViewer?.reportedInsightIds.includes(insightId)) {
    return (
      <p className="text-muted-foreground flex items-center gap-1.5 px-3 text-xs">
        <Flag aria-hidden="true" className="size-3.5" /> You reported this insight
      </p>
    );
  }

  return (
    <>
      <Button variant="ghost" size="sm" className="text-muted-foreground" onClick={() => setOpen(true)}>
        <Flag aria-hidden="true" /> Report
      </Button>
      <ReportDialog
        open={open}
        onOpenChange={setOpen}
        insightId={insightId}
        onReported={() => articleViewer?.markReported(insightId)}
        onConflict={() => void articleViewer?.refresh()}
      />
    </>
  );
}

function ReportDialog({
  open,
  onOpenChange,
  insightId,
  onReported,
  onConflict,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  insightId: string;
  onReported: () => void;
  /** reported before (another tab) or hidden meanwhile: the page asks the server what is true now */
  onConflict: () => void;
}) {
  const form = useForm<ReportFormInput, unknown, ReportFormValues>({
    resolver: zodResolver(reportInsightSchema),
    defaultValues: { insightId, note: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const reason = useWatch({ control: form.control, name: "reason" });
  const note = useWatch({ control: form.control, name: "note" }) ?? "";
  const noteRequired = reason === "OTHER";

  async function submit(values: ReportFormValues) {
    const outcome = await callAction(() => reportInsightAction(values));
    if (!outcome.ok) {
      // Reported before (another tab) or no longer reportable: nothing to fix in the form.
      if (outcome.code === "CONFLICT") {
        onOpenChange(false);
        onConflict();
        toast.info(outcome.message);
      } else {
        showFailureOnForm(form, outcome, ["reason", "note"]);
      }
      return;
    }
    onOpenChange(false);
    form.reset({ insightId, note: "" });
    onReported();
    toast.success("Thanks for your report", {
      description: outcome.data.hidden
        ? "Several members reported this insight, so it is hidden until a moderator reviews it."
        : "A moderator will review it.",
    });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !isSubmitting && onOpenChange(next)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Report this insight</DialogTitle>
          <DialogDescription>
            Moderators review every report. After {REPORTS_TO_HIDE} members report an insight it is hidden
            until they decide. The author does not see who reported it.
          </DialogDescription>
        </DialogHeader>
        <form
          onSubmit={(event) => void form.handleSubmit(submit)(event)}
          noValidate
          aria-label="Report this insight"
          className="flex flex-col gap-4"
        >
          <fieldset
            className="grid gap-2"
            aria-describedby={errors.reason ? "report-reason-error" : undefined}
          >
            <legend className="mb-1 text-sm font-medium">What is wrong with it?</legend>
            {REPORT_REASONS.map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  value={value}
                  className="accent-accent size-4 shrink-0"
                  {...form.register("reason")}
                />
                {REPORT_REASON_LABELS[value]}
              </label>
            ))}
            {errors.reason?.message ? (
              <p role="alert" id="report-reason-error" className="text-destructive text-sm font-medium">
                {errors.reason.message}
              </p>
            ) : null}
          </fieldset>
          <Field
            id="report-note"
            label={noteRequired ? "Tell us more" : "Tell us more (optional)"}
            description={`${note.length} / ${NOTE_MAX} characters`}
            error={errors.note?.message}
          >
            <Textarea
              className="min-h-24"
              aria-required={noteRequired}
              {...fieldControlProps("report-note", { description: true, error: errors.note })}
              {...form.register("note")}
            />
          </Field>
          {errors.root?.message ? (
            <p role="alert" className="text-destructive text-sm font-medium">
              {errors.root.message}
            </p>
          ) : null}
          <DialogFooter>
            <Button variant="outline" disabled={isSubmitting} onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}>
              {isSubmitting ? "Sending…" : "Send report"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
