"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useFormAction } from "@/components/hooks/use-action";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldControlProps } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/action-result";
import { INSIGHT_MAX, INSIGHT_MIN } from "@/lib/domain/insight-rules";
import { COMPOSE_MS_MAX, insightFormSchema, type InsightFormInput } from "@/lib/validation/insight";
import { cn } from "@/lib/utils";

type Props<T> = {
  initialBody?: string;
  submitLabel: string;
  pendingLabel: string;
  /**
   * the action that sends the body and how long the member spent writing it (ms from their first keystroke
   * or paste, or undefined if they changed nothing); a failure is shown on the form and nothing typed is lost
   */
  onSubmit: (body: string, composeMs: number | undefined) => Promise<ActionResult<T>>;
  onSuccess: (data: T) => void | Promise<void>;
  onCancel?: () => void;
};

/** Milliseconds since the first keystroke (or paste), within what the schema accepts; undefined before any. */
function composeMsSince(firstInputAt: number | null): number | undefined {
  if (firstInputAt === null) return undefined;
  return Math.min(COMPOSE_MS_MAX, Math.max(0, Math.round(Date.now() - firstInputAt)));
}

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
  // When the member first changed the text: the server compares how fast it arrived with how fast people type.
  const [firstInputAt, setFirstInputAt] = useState<number | null>(null);
  const bodyField = form.register("body");
  const length = useWatch({ control: form.control, name: "body" }).trim().length;
  const counterTone =
    length > INSIGHT_MAX
      ? "text-destructive"
      : length >= INSIGHT_MIN
        ? "text-success"
        : "text-muted-foreground";

  const submit = useFormAction(
    form,
    (values: InsightFormInput) => onSubmit(values.body, composeMsSince(firstInputAt)),
    { onSuccess, fields: ["body"] },
  );

  const bodyId = `${id}-body`;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-3">
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
          {...bodyField}
          onChange={(event) => {
            if (firstInputAt === null) setFirstInputAt(Date.now());
            return bodyField.onChange(event);
          }}
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
