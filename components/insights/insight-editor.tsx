"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldControlProps } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/action-result";
import { INSIGHT_MAX, INSIGHT_MIN } from "@/lib/domain/insight-rules";
import { insightFormSchema, type InsightFormInput } from "@/lib/validation/insight";
import { cn } from "@/lib/utils";

type Props<T> = {
  initialBody?: string;
  submitLabel: string;
  pendingLabel: string;
  /** sends the body; a failed result's messages are shown on the form and nothing typed is lost */
  onSubmit: (body: string) => Promise<ActionResult<T> | null>;
  onSuccess: (data: T) => void | Promise<void>;
  onCancel?: () => void;
};

/** The text area, live counter and submit button shared by posting and editing an insight. */
export function InsightEditor<T>({
  initialBody = "",
  submitLabel,
  pendingLabel,
  onSubmit,
  onSuccess,
  onCancel,
}: Props<T>) {
  const id = useId();
  const form = useForm<InsightFormInput>({
    resolver: zodResolver(insightFormSchema),
    defaultValues: { body: initialBody },
  });
  const { errors, isSubmitting } = form.formState;
  const length = useWatch({ control: form.control, name: "body" }).trim().length;
  const counterTone =
    length > INSIGHT_MAX
      ? "text-destructive"
      : length >= INSIGHT_MIN
        ? "text-success"
        : "text-muted-foreground";

  async function submit(values: InsightFormInput) {
    const result = await onSubmit(values.body);
    if (!result) {
      form.setError("root", {
        message: "We could not reach Roundtable. Your text is still here: try again.",
      });
      return;
    }
    if (!result.ok) {
      form.setError(result.fieldErrors?.body ? "body" : "root", {
        message: result.fieldErrors?.body ?? result.message,
      });
      return;
    }
    await onSuccess(result.data);
  }

  const bodyId = `${id}-body`;
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="flex flex-col gap-3">
      {errors.root?.message ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <Field
        id={bodyId}
        label="Your insight"
        description={`Between ${INSIGHT_MIN} and ${INSIGHT_MAX} characters. You can use **bold**, *italic*, lists and links.`}
        error={errors.body?.message}
      >
        <Textarea
          rows={6}
          autoFocus
          {...fieldControlProps(bodyId, { description: true, error: errors.body })}
          aria-describedby={`${bodyId}-description ${bodyId}-counter${errors.body ? ` ${bodyId}-error` : ""}`}
          {...form.register("body")}
        />
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p id={`${bodyId}-counter`} aria-live="polite" className={cn("text-sm tabular-nums", counterTone)}>
          {length} / {INSIGHT_MAX} characters
          {length < INSIGHT_MIN ? ` (at least ${INSIGHT_MIN})` : ""}
        </p>
        <div className="flex gap-2">
          {onCancel ? (
            <Button variant="ghost" onClick={onCancel} disabled={isSubmitting}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}>
            {isSubmitting ? pendingLabel : submitLabel}
          </Button>
        </div>
      </div>
    </form>
  );
}
