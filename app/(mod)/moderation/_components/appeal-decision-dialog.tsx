"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
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
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/action-result";
import type { ActionFailure } from "@/lib/client/call-action";
import { NOTE_MAX, decideAppealSchema } from "@/lib/validation/moderation";

const appealOutcomeFormSchema = decideAppealSchema.pick({ outcome: true, note: true });
/** What the form sends once its schema passed (the server parses it again). */
export type AppealOutcomeValues = z.input<typeof appealOutcomeFormSchema>;

const OUTCOMES = {
  UPHELD: {
    label: "Uphold the decision",
    hint: "The insight stays unpublished and the author is told the decision stands.",
  },
  OVERTURNED: {
    label: "Overturn the decision",
    hint: "The insight is published again and the author is told the decision was reversed.",
  },
} as const;

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** the outcome the moderator chose with the button that opened the dialog */
  initialOutcome: "UPHELD" | "OVERTURNED";
  /** sends the outcome: the dialog closes once it succeeds, and shows a refusal on the form */
  action: (values: AppealOutcomeValues) => Promise<ActionResult<unknown>>;
  /** a refusal the caller handles in its own way (it may close the dialog) */
  onFailure?: (failure: ActionFailure) => void;
  onClosed?: () => void;
};

/** Decides an author's appeal: uphold or overturn, with an optional note the author reads. */
export function AppealDecisionDialog({
  open,
  onOpenChange,
  initialOutcome,
  action,
  onFailure,
  onClosed,
}: Props) {
  const form = useForm<AppealOutcomeValues>({
    resolver: zodResolver(appealOutcomeFormSchema),
    defaultValues: { outcome: initialOutcome, note: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const note = useWatch({ control: form.control, name: "note" }) ?? "";

  useEffect(() => {
    if (open) form.reset({ outcome: initialOutcome, note: "" });
  }, [open, initialOutcome, form]);

  const submit = useFormAction(form, action, {
    fields: ["outcome", "note"],
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
          <DialogTitle>Decide the appeal</DialogTitle>
          <DialogDescription>The author is notified of the outcome and your note.</DialogDescription>
        </DialogHeader>
        <form
          onSubmit={(event) => void submit(event)}
          noValidate
          aria-label="Decide the appeal"
          className="flex flex-col gap-4"
        >
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">Outcome</legend>
            {(["UPHELD", "OVERTURNED"] as const).map((value) => (
              <label key={value} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  value={value}
                  className="accent-accent mt-0.5 size-4 shrink-0"
                  {...form.register("outcome")}
                />
                <span>
                  <span className="font-medium">{OUTCOMES[value].label}</span>
                  <span className="text-muted-foreground block">{OUTCOMES[value].hint}</span>
                </span>
              </label>
            ))}
            {errors.outcome?.message ? (
              <p role="alert" className="text-destructive text-sm font-medium">
                {errors.outcome.message}
              </p>
            ) : null}
          </fieldset>
          <Field
            id="appeal-outcome-note"
            label="Note to the author (optional)"
            description={`${note.length} / ${NOTE_MAX} characters`}
            error={errors.note?.message}
          >
            <Textarea
              className="min-h-24"
              {...fieldControlProps("appeal-outcome-note", { description: true, error: errors.note })}
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
              {isSubmitting ? "Saving…" : "Decide appeal"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
