"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useFormAction } from "@/components/hooks/use-action";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldControlProps } from "@/components/ui/field";
import { controlClassName, Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";
import { randomUuid } from "@/lib/uuid";
import {
  INQUIRY_MESSAGE_MAX,
  INQUIRY_MESSAGE_MIN,
  SPONSOR_BUDGET_LABELS,
  SPONSOR_BUDGETS,
  sponsorInquiryFormSchema,
  type SponsorInquiryFormInput,
} from "@/lib/validation/sponsorship";
import { submitSponsorInquiryAction } from "../actions";

const FIELDS = ["organisation", "contactName", "email", "budget", "message"] as const;

export function SponsorInquiryForm({
  domainId,
  domainName,
  domainSlug,
}: {
  domainId: string;
  domainName: string;
  domainSlug: string;
}) {
  const [sent, setSent] = useState(false);
  const confirmation = useRef<HTMLDivElement>(null);
  // One key per draft: a double click or a retry after a lost answer finds the inquiry already stored.
  const [idempotencyKey] = useState(randomUuid);
  const form = useForm<SponsorInquiryFormInput>({
    resolver: zodResolver(sponsorInquiryFormSchema),
    defaultValues: { organisation: "", contactName: "", email: "", message: "", budget: undefined },
  });
  const { errors, isSubmitting } = form.formState;
  const messageLength = (useWatch({ control: form.control, name: "message" }) ?? "").trim().length;

  useEffect(() => {
    if (sent) confirmation.current?.focus();
  }, [sent]);

  const onSubmit = useFormAction(
    form,
    (values: SponsorInquiryFormInput) => submitSponsorInquiryAction({ ...values, domainId, idempotencyKey }),
    { fields: FIELDS, onSuccess: () => setSent(true) },
  );

  if (sent) {
    return (
      <div ref={confirmation} tabIndex={-1} className="rounded-lg outline-none">
        <Alert variant="success">
          <AlertTitle>Thank you: your inquiry is on its way</AlertTitle>
          <AlertDescription>
            We have your message about sponsoring {domainName} and will reply to{" "}
            {form.getValues("email").trim().toLowerCase()}.{" "}
            <Link href={`/domains/${domainSlug}`} className="text-accent underline-offset-4 hover:underline">
              Back to {domainName}
            </Link>
          </AlertDescription>
        </Alert>
      </div>
    );
  }

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Sponsorship inquiry"
      className="border-border bg-card flex flex-col gap-5 rounded-lg border p-5 sm:p-6"
    >
      {errors.root?.message ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <Field id="organisation" label="Organisation" error={errors.organisation?.message}>
        <Input
          autoComplete="organization"
          maxLength={120}
          {...fieldControlProps("organisation", { error: errors.organisation })}
          {...form.register("organisation")}
        />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="contactName" label="Your name" error={errors.contactName?.message}>
          <Input
            autoComplete="name"
            maxLength={80}
            {...fieldControlProps("contactName", { error: errors.contactName })}
            {...form.register("contactName")}
          />
        </Field>
        <Field id="email" label="Email" error={errors.email?.message}>
          <Input
            type="email"
            autoComplete="email"
            {...fieldControlProps("email", { error: errors.email })}
            {...form.register("email")}
          />
        </Field>
      </div>
      <Field
        id="budget"
        label="Budget"
        description="What you have in mind for the whole sponsorship, in US dollars."
        error={errors.budget?.message}
      >
        <select
          className={cn(controlClassName, "h-10 py-2")}
          defaultValue=""
          {...fieldControlProps("budget", { description: true, error: errors.budget })}
          {...form.register("budget")}
        >
          <option value="" disabled>
            Choose a range
          </option>
          {SPONSOR_BUDGETS.map((budget) => (
            <option key={budget} value={budget}>
              {SPONSOR_BUDGET_LABELS[budget]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="message"
        label="Message"
        description={
          <span>
            What you would like to sponsor and for how long ({INQUIRY_MESSAGE_MIN}–{INQUIRY_MESSAGE_MAX}{" "}
            characters; <span className="tabular-nums">{messageLength}</span> so far).
          </span>
        }
        error={errors.message?.message}
      >
        <Textarea
          rows={6}
          maxLength={INQUIRY_MESSAGE_MAX + 200}
          {...fieldControlProps("message", { description: true, error: errors.message })}
          {...form.register("message")}
        />
      </Field>
      <p className="text-muted-foreground text-sm">
        We use these details only to answer you about sponsoring {domainName}.
      </p>
      <div>
        <Button type="submit" size="lg" disabled={isSubmitting} aria-disabled={isSubmitting}>
          {isSubmitting ? "Sending…" : "Send inquiry"}
        </Button>
      </div>
    </form>
  );
}
