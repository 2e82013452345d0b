"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useFormAction } from "@/components/hooks/use-action";
import { Button } from "@/components/ui/button";
import { Field, fieldControlProps } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { appealDecisionAction } from "@/lib/actions/moderation";
import type { OwnModerationNote } from "@/lib/data/moderation/appeals";
import { APPEAL_MAX, DECISION_REASON_LABELS } from "@/lib/domain/moderation";
import { APPEAL_STATUS_LABELS } from "@/lib/domain/moderation-labels";
import type { InsightStatus } from "@/lib/generated/prisma/enums";
import { appealSchema } from "@/lib/validation/moderation";

type AppealFormInput = z.input<typeof appealSchema>;
type AppealFormValues = z.output<typeof appealSchema>;

type Props = {
  insightId: string;
  status: InsightStatus;
  note: OwnModerationNote | undefined;
  /** asks the server again for the author's insights and notes, after an appeal */
  onAppealed: () => Promise<void>;
};

/**
 * What the author of an insight learns from moderation: why it is hidden, rejected or removed, with the
 * moderator's note, and a way to appeal a decision once.
 */
export function OwnModerationNotice({ insightId, status, note, onAppealed }: Props) {
  const [appealing, setAppealing] = useState(false);

  if (status === "HIDDEN") {
    return (
      <p className="text-muted-foreground text-sm">
        Several members reported this insight, so readers do not see it until a moderator has reviewed it.
      </p>
    );
  }
  if (status !== "REJECTED" && status !== "REMOVED") return null;

  return (
    <div className="border-border bg-muted/40 flex flex-col gap-2 rounded-md border px-3 py-2 text-sm">
      <p>
        <span className="font-medium">
          {status === "REJECTED" ? "Why it was not published" : "Why it was removed"}:
        </span>{" "}
        {note?.reason ? DECISION_REASON_LABELS[note.reason] : "No reason was given."}
        {note?.decidedAt ? (
          <span className="text-muted-foreground">
            {" "}
            (<RelativeTime date={note.decidedAt} />)
          </span>
        ) : null}
      </p>
      {note?.note ? (
        <p className="break-words">
          <span className="font-medium">Moderator&rsquo;s note:</span> {note.note}
        </p>
      ) : null}
      {note?.appeal ? (
        <p role="status" className="font-medium">
          {APPEAL_STATUS_LABELS[note.appeal.status]}
          {note.appeal.status === "OPEN" ? (
            <span className="text-muted-foreground font-normal"> · another moderator will review it</span>
          ) : null}
        </p>
      ) : note?.canAppeal ? (
        appealing ? (
          <AppealForm
            insightId={insightId}
            onCancel={() => setAppealing(false)}
            onSent={async () => {
              setAppealing(false);
              toast.success("Appeal sent", {
                description: "A moderator who did not make the decision will review it.",
              });
              await onAppealed();
            }}
          />
        ) : (
          <div>
            <Button variant="outline" size="sm" onClick={() => setAppealing(true)}>
              Appeal this decision
            </Button>
          </div>
        )
      ) : null}
    </div>
  );
}

function AppealForm({
  insightId,
  onCancel,
  onSent,
}: {
  insightId: string;
  onCancel: () => void;
  onSent: () => Promise<void>;
}) {
  const fieldId = useId();
  const form = useForm<AppealFormInput, unknown, AppealFormValues>({
    resolver: zodResolver(appealSchema),
    defaultValues: { insightId, message: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const message = useWatch({ control: form.control, name: "message" }) ?? "";

  const submit = useFormAction(form, (values: AppealFormValues) => appealDecisionAction(values), {
    onSuccess: onSent,
    fields: ["message"],
  });

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Appeal this decision"
      className="flex flex-col gap-3"
    >
      <Field
        id={fieldId}
        label="Why should the decision change?"
        description={`${message.length} / ${APPEAL_MAX} characters. You can appeal once.`}
        error={errors.message?.message}
      >
        <Textarea
          autoFocus
          className="min-h-24"
          {...fieldControlProps(fieldId, { description: true, error: errors.message })}
          {...form.register("message")}
        />
      </Field>
      {errors.root?.message ? (
        <p role="alert" className="text-destructive text-sm font-medium">
          {errors.root.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting} aria-disabled={isSubmitting}>
          {isSubmitting ? "Sending…" : "Send appeal"}
        </Button>
        <Button variant="ghost" size="sm" disabled={isSubmitting} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
