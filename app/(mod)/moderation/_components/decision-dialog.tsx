"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm, useWatch } from "react-hook-form";
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
import { controlClassName } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { DECISION_REASON_LABELS } from "@/lib/domain/moderation";
import { cn } from "@/lib/utils";
import {
  DECISION_REASONS,
  NOTE_MAX,
  decisionFormSchema,
  type DecisionFormInput,
} from "@/lib/validation/moderation";
import type { z } from "zod";

export type DecisionValues = z.output<typeof decisionFormSchema>;

/** What the caller's submit says back: close the dialog, or keep it open with errors on the fields. */
export type DecisionOutcome =
  { close: true } | { close: false; message?: string; fieldErrors?: Record<string, string> };

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: DecisionValues) => Promise<DecisionOutcome>;
  /** Where focus goes when the dialog closes (the item it acted on may be gone). */
  onClosed?: () => void;
};

/**
 * Reject or remove with a reason from the list and an optional note: both reach the author. The same
 * schema checks the form here and the server action.
 */
export function DecisionDialog({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  pendingLabel,
  onSubmit,
  onClosed,
}: Props) {
  const form = useForm<DecisionFormInput, unknown, DecisionValues>({
    resolver: zodResolver(decisionFormSchema),
    defaultValues: { note: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const note = useWatch({ control: form.control, name: "note" }) ?? "";

  useEffect(() => {
    if (open) form.reset({ note: "" });
  }, [open, form]);

  async function submit(values: DecisionValues) {
    const outcome = await onSubmit(values);
    if (outcome.close) {
      onOpenChange(false);
      return;
    }
    for (const [field, message] of Object.entries(outcome.fieldErrors ?? {})) {
      if (field === "reason" || field === "note") form.setError(field, { message });
    }
    if (outcome.message && !outcome.fieldErrors) form.setError("root", { message: outcome.message });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !isSubmitting && onOpenChange(next)}>
      <DialogContent
        onCloseAutoFocus={(event) => {
          if (!onClosed) return;
          event.preventDefault();
          onClosed();
        }}
      >
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form
          onSubmit={(event) => void form.handleSubmit(submit)(event)}
          noValidate
          aria-label={title}
          className="flex flex-col gap-4"
        >
          <Field id="decision-reason" label="Reason" error={errors.reason?.message}>
            <select
              className={cn(controlClassName, "h-10")}
              defaultValue=""
              {...fieldControlProps("decision-reason", { error: errors.reason })}
              {...form.register("reason")}
            >
              <option value="" disabled>
                Choose a reason…
              </option>
              {DECISION_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {DECISION_REASON_LABELS[reason]}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="decision-note"
            label="Note to the author (optional)"
            description={`${note.length} / ${NOTE_MAX} characters`}
            error={errors.note?.message}
          >
            <Textarea
              className="min-h-24"
              {...fieldControlProps("decision-note", { description: true, error: errors.note })}
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
            <Button type="submit" variant="destructive" disabled={isSubmitting} aria-disabled={isSubmitting}>
              {isSubmitting ? pendingLabel : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
