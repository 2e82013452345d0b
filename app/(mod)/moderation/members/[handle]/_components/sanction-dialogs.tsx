"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, type FormEvent, type ReactNode } from "react";
import { useForm, useWatch, type FieldValues, type UseFormReturn } from "react-hook-form";
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
import { toast } from "@/components/ui/toaster";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/action-result";
import type { MemberModerationRecord } from "@/lib/data/sanctions/member-record";
import { SUSPENSION_DAYS } from "@/lib/domain/moderation";
import { cn } from "@/lib/utils";
import {
  banFormSchema,
  SANCTION_TEXT_MAX,
  suspendFormSchema,
  warnFormSchema,
  type BanFormInput,
  type SuspendFormInput,
  type WarnFormInput,
} from "@/lib/validation/sanctions";
import { banMemberAction, liftSanctionAction, suspendMemberAction, warnMemberAction } from "../actions";

type Member = { id: string; name: string };

type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  member: Member;
  /** the refreshed record after the action succeeded */
  onDone: (record: MemberModerationRecord) => void;
};

/**
 * Submits a sanction form through useFormAction: on success a toast, the refreshed record and the dialog
 * closes; a failure stays on the form beside its field or at the top, with the text kept.
 */
function useSanctionSubmit<T extends FieldValues>(
  form: UseFormReturn<T>,
  action: (values: T) => Promise<ActionResult<MemberModerationRecord>>,
  success: (values: T) => string,
  { onDone, onOpenChange }: Pick<DialogProps, "onDone" | "onOpenChange">,
) {
  return useFormAction(form, action, {
    onSuccess: (record) => {
      toast.success(success(form.getValues()));
      onDone(record);
      onOpenChange(false);
    },
  });
}

const lengthOf = (value: string | undefined) => `${(value ?? "").length} / ${SANCTION_TEXT_MAX} characters`;

function RootError({ message }: { message?: string }) {
  return message ? (
    <p role="alert" className="text-destructive text-sm font-medium">
      {message}
    </p>
  ) : null;
}

/** The frame the four dialogs share: title and description, the form, its form-level error, Cancel and submit. */
function SanctionFormDialog({
  open,
  onOpenChange,
  isSubmitting,
  title,
  description,
  onSubmit,
  rootError,
  submitLabel,
  pendingLabel,
  destructive = false,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  isSubmitting: boolean;
  title: string;
  description: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  rootError: string | undefined;
  submitLabel: string;
  pendingLabel: string;
  destructive?: boolean;
  children?: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={(next) => !isSubmitting && onOpenChange(next)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate aria-label={title} className="flex flex-col gap-4">
          {children}
          <RootError message={rootError} />
          <DialogFooter>
            <Button variant="outline" disabled={isSubmitting} onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant={destructive ? "destructive" : undefined}
              disabled={isSubmitting}
              aria-disabled={isSubmitting}
            >
              {isSubmitting ? pendingLabel : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function WarnDialog({ open, onOpenChange, member, onDone }: DialogProps) {
  const form = useForm<WarnFormInput>({
    resolver: zodResolver(warnFormSchema),
    defaultValues: { message: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const message = useWatch({ control: form.control, name: "message" });
  useEffect(() => {
    if (open) form.reset({ message: "" });
  }, [open, form]);

  const submit = useSanctionSubmit(
    form,
    (values) => warnMemberAction({ userId: member.id, ...values }),
    () => `${member.name} was warned`,
    { onDone, onOpenChange },
  );

  const title = `Warn ${member.name}`;
  return (
    <SanctionFormDialog
      open={open}
      onOpenChange={onOpenChange}
      isSubmitting={isSubmitting}
      title={title}
      description="The member gets a notification with your message. It stays on their record."
      onSubmit={(event) => void submit(event)}
      rootError={errors.root?.message}
      submitLabel="Send warning"
      pendingLabel="Sending…"
    >
      <Field
        id="warn-message"
        label="Message to the member"
        description={lengthOf(message)}
        error={errors.message?.message}
      >
        <Textarea
          className="min-h-28"
          {...fieldControlProps("warn-message", { description: true, error: errors.message })}
          {...form.register("message")}
        />
      </Field>
    </SanctionFormDialog>
  );
}

export function SuspendDialog({ open, onOpenChange, member, onDone }: DialogProps) {
  const form = useForm<SuspendFormInput>({
    resolver: zodResolver(suspendFormSchema),
    defaultValues: { days: 7, reason: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const reason = useWatch({ control: form.control, name: "reason" });
  useEffect(() => {
    if (open) form.reset({ days: 7, reason: "" });
  }, [open, form]);

  const submit = useSanctionSubmit(
    form,
    (values) => suspendMemberAction({ userId: member.id, ...values }),
    (values) => `${member.name} is suspended for ${values.days} ${values.days === 1 ? "day" : "days"}`,
    { onDone, onOpenChange },
  );

  const title = `Suspend ${member.name}`;
  return (
    <SanctionFormDialog
      open={open}
      onOpenChange={onOpenChange}
      isSubmitting={isSubmitting}
      title={title}
      description="Until it ends they cannot post, react or report, and their insights are hidden from readers. They are signed out and see your reason and the end date."
      onSubmit={(event) => void submit(event)}
      rootError={errors.root?.message}
      submitLabel="Suspend member"
      pendingLabel="Suspending…"
      destructive
    >
      <Field id="suspend-days" label="How long" error={errors.days?.message}>
        <select
          className={cn(controlClassName, "h-10")}
          {...fieldControlProps("suspend-days", { error: errors.days })}
          {...form.register("days", { valueAsNumber: true })}
        >
          {SUSPENSION_DAYS.map((days) => (
            <option key={days} value={days}>
              {days} {days === 1 ? "day" : "days"}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="suspend-reason"
        label="Reason (the member sees it)"
        description={lengthOf(reason)}
        error={errors.reason?.message}
      >
        <Textarea
          className="min-h-24"
          {...fieldControlProps("suspend-reason", { description: true, error: errors.reason })}
          {...form.register("reason")}
        />
      </Field>
    </SanctionFormDialog>
  );
}

export function BanDialog({
  open,
  onOpenChange,
  member,
  onDone,
  liveInsights,
}: DialogProps & { liveInsights: number }) {
  const form = useForm<BanFormInput>({
    resolver: zodResolver(banFormSchema),
    defaultValues: { reason: "", removeInsights: false },
  });
  const { errors, isSubmitting } = form.formState;
  const reason = useWatch({ control: form.control, name: "reason" });
  useEffect(() => {
    if (open) form.reset({ reason: "", removeInsights: false });
  }, [open, form]);

  const submit = useSanctionSubmit(
    form,
    (values) => banMemberAction({ userId: member.id, ...values }),
    (values) =>
      values.removeInsights
        ? `${member.name} is banned and their insights removed`
        : `${member.name} is banned`,
    { onDone, onOpenChange },
  );

  const title = `Ban ${member.name}`;
  return (
    <SanctionFormDialog
      open={open}
      onOpenChange={onOpenChange}
      isSubmitting={isSubmitting}
      title={title}
      description="A ban has no end: only an admin can lift it. The member is signed out and sees your reason when they try to sign in."
      onSubmit={(event) => void submit(event)}
      rootError={errors.root?.message}
      submitLabel="Ban member"
      pendingLabel="Banning…"
      destructive
    >
      <Field
        id="ban-reason"
        label="Reason (the member sees it)"
        description={lengthOf(reason)}
        error={errors.reason?.message}
      >
        <Textarea
          className="min-h-24"
          {...fieldControlProps("ban-reason", { description: true, error: errors.reason })}
          {...form.register("reason")}
        />
      </Field>
      <div className="flex items-start gap-3">
        <input
          id="ban-remove-insights"
          type="checkbox"
          aria-describedby="ban-remove-insights-description"
          className="accent-destructive mt-0.5 size-4 shrink-0"
          {...form.register("removeInsights")}
        />
        <div className="grid gap-1">
          <label htmlFor="ban-remove-insights" className="text-sm leading-tight font-medium">
            Also remove all their insights
          </label>
          <p id="ban-remove-insights-description" className="text-muted-foreground text-sm">
            {liveInsights === 1 ? "1 insight" : `${liveInsights} insights`} published, hidden or awaiting
            review. Lifting the ban restores exactly these.
          </p>
        </div>
      </div>
    </SanctionFormDialog>
  );
}

export function LiftDialog({
  open,
  onOpenChange,
  member,
  onDone,
  sanction,
}: DialogProps & { sanction: { id: string; label: string; restores: number } | null }) {
  const form = useForm<Record<string, never>>();
  const { errors, isSubmitting } = form.formState;
  useEffect(() => {
    if (open) form.reset({});
  }, [open, form]);

  const submit = useSanctionSubmit(
    form,
    () => liftSanctionAction({ sanctionId: sanction?.id }),
    () => `The ${sanction?.label.toLowerCase() ?? "sanction"} was lifted`,
    { onDone, onOpenChange },
  );

  const title = `Lift the ${sanction?.label.toLowerCase() ?? "sanction"}?`;
  return (
    <SanctionFormDialog
      open={open}
      onOpenChange={onOpenChange}
      isSubmitting={isSubmitting}
      title={title}
      description={
        <>
          {sanction?.label === "Warning"
            ? `The warning is withdrawn from ${member.name}'s standing.`
            : `${member.name} can sign in, post, react and report again, and is told so.`}
          {sanction && sanction.restores > 0
            ? ` The ${sanction.restores === 1 ? "insight" : `${sanction.restores} insights`} the ban removed come back as they were.`
            : ""}
        </>
      }
      onSubmit={(event) => void submit(event)}
      rootError={errors.root?.message}
      submitLabel="Lift it"
      pendingLabel="Lifting…"
    />
  );
}
