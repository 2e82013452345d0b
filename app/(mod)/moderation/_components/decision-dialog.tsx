"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useFormAction } from "@/components/hooks/use-action";
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
import type { ActionResult } from "@/lib/action-result";
import type { ActionFailure } from "@/lib/client/call-action";
import { DECISION_REASON_LABELS } from "@/lib/domain/moderation";
import { cn } from "@/lib/utils";
import {
  DECISION_REASONS,
  NOTE_MAX,
  decisionFormSchema,
  type DecisionFormInput,
} from "@/lib/validation/moderation";

/** What the form sends once its schema passed (the server parses it again). */
export type DecisionValues = DecisionFormInput;

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  submitLabel: string;
  pendingLabel: string;
  /** sends the decision: the dialog closes once it succeeds, and shows a refusal on the form */
  action: (values: DecisionValues) => Promise<ActionResult<unknown>>;
  /** a refusal the caller handles in its own way (it may close the dialog) */
  onFailure?: (failure: ActionFailure) => void;
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
  action,
  onFailure,
  onClosed,
}: Props) {
  const form = useForm<DecisionValues>({
    resolver: zodResolver(decisionFormSchema),
    defaultValues: { note: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const note = useWatch({ control: form.control, name: "note" }) ?? "";

  useEffect(() => {
    if (open) form.reset({ note: "" });
  }, [open, form]);

  const submit = useFormAction(form, action, {
    fields: ["reason", "note"],
    onSuccess: () => onOpenChange(false),
    onFailure,
  });

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
          onSubmit={(event) => void submit(event)}
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
