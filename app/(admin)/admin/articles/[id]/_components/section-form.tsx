"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { SectionPreview } from "@/app/(admin)/admin/_components/section-preview";
import { useFormAction } from "@/components/hooks/use-action";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { AdminArticle } from "@/lib/data/editorial/shared";
import { EDITORIAL_LIMITS, sectionFormSchema, type SectionFormInput } from "@/lib/validation/editorial";
import type { ArticleActionResult } from "./use-article-action";

/** A section's title, Markdown body (with its live preview beside it) and whether it takes insights. */
export function SectionForm({
  idPrefix,
  label,
  defaultValues,
  submitLabel,
  save,
  onSaved,
  onCancel,
}: {
  idPrefix: string;
  label: string;
  defaultValues: SectionFormInput;
  submitLabel: string;
  /** the editor's action for these values */
  save: (values: SectionFormInput) => Promise<ArticleActionResult>;
  /** the article as the saved section left it */
  onSaved: (article: AdminArticle) => void;
  onCancel: () => void;
}) {
  const form = useForm<SectionFormInput>({ resolver: zodResolver(sectionFormSchema), defaultValues });
  const { errors, isSubmitting } = form.formState;
  const [title, body] = useWatch({ control: form.control, name: ["title", "body"] });
  const id = (name: string) => `${idPrefix}-${name}`;

  const submit = useFormAction(form, save, { onSuccess: ({ article }) => onSaved(article) });

  return (
    <form
      aria-label={label}
      onSubmit={(event) => void submit(event)}
      noValidate
      className="flex flex-col gap-4"
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      {errors.root?.message ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <Field id={id("title")} label="Section title" error={errors.title?.message}>
        <Input
          autoComplete="off"
          maxLength={EDITORIAL_LIMITS.sectionTitle * 2}
          {...fieldControlProps(id("title"), { error: errors.title })}
          {...form.register("title")}
        />
      </Field>
      <div className="grid gap-4 xl:grid-cols-2">
        <Field
          id={id("body")}
          label="Body (Markdown)"
          description="Paragraphs, **bold**, lists (1. for numbered), tables, links; “### Question?” then its answer for an FAQ entry."
          error={errors.body?.message}
        >
          <Textarea
            className="min-h-72 font-mono text-sm"
            spellCheck
            {...fieldControlProps(id("body"), { description: true, error: errors.body })}
            {...form.register("body")}
          />
        </Field>
        <SectionPreview previewId={idPrefix} title={title ?? ""} body={body ?? ""} />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="accent-accent mt-1" {...form.register("acceptsInsights")} />
        <span>
          <span className="font-medium">Accepts insights</span>
          <span className="text-muted-foreground block">
            Members see “Add your insights” under this section. Unticked, the section is closed to new ones;
            insights it already has stay.
          </span>
        </span>
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : submitLabel}
        </Button>
        <Button variant="outline" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
