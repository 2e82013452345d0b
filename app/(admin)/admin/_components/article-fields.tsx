"use client";

import type * as React from "react";
import type { UseFormReturn } from "react-hook-form";
import { Field, fieldControlProps } from "@/components/ui/field";
import { controlClassName, Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";
import {
  ARTICLE_KIND_LABELS,
  ARTICLE_KINDS,
  EDITORIAL_LIMITS,
  type CreateArticleFormInput,
} from "@/lib/validation/editorial";
import type { DomainOption } from "./domain-options";

const KIND_HINTS = {
  COLLABORATIVE: "Members add insights under its sections.",
  GUIDE: "A reference page; sections may still take insights.",
} as const;

/** Any form holding an article's domain and kind: react-hook-form's types are invariant in the form's shape. */
export type DomainAndKindForm = UseFormReturn<Pick<CreateArticleFormInput, "domainId" | "kind">>;

/** The domain and kind of an article, as a select and a radio group (shared by the outline import). */
export function DomainAndKindFields({
  form,
  domains,
  idPrefix,
}: {
  form: DomainAndKindForm;
  domains: DomainOption[];
  idPrefix: string;
}) {
  const { errors } = form.formState;
  const domainId = `${idPrefix}-domain`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={domainId} label="Domain" error={errors.domainId?.message}>
        <select
          className={cn(controlClassName, "h-10 py-2")}
          {...fieldControlProps(domainId, { error: errors.domainId })}
          {...form.register("domainId")}
        >
          <option value="" disabled>
            Choose a domain
          </option>
          {domains.map((domain) => (
            <option key={domain.id} value={domain.id}>
              {domain.label}
            </option>
          ))}
        </select>
      </Field>
      <fieldset
        className="grid gap-1.5"
        aria-describedby={errors.kind ? `${idPrefix}-kind-error` : undefined}
      >
        <legend className="mb-1.5 text-sm leading-snug font-medium">Kind</legend>
        {ARTICLE_KINDS.map((kind) => (
          <label key={kind} className="flex items-start gap-2 text-sm">
            <input type="radio" value={kind} className="accent-accent mt-1" {...form.register("kind")} />
            <span>
              <span className="font-medium">{ARTICLE_KIND_LABELS[kind]}</span>
              <span className="text-muted-foreground block">{KIND_HINTS[kind]}</span>
            </span>
          </label>
        ))}
        {errors.kind ? (
          <p role="alert" id={`${idPrefix}-kind-error`} className="text-destructive text-sm font-medium">
            {errors.kind.message}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}

/** Domain, kind, title, slug and summary: the new-article form and the editor's details form. */
export function ArticleFields({
  form,
  domains,
  idPrefix,
  slugDescription,
  onTitleChange,
}: {
  form: UseFormReturn<CreateArticleFormInput>;
  domains: DomainOption[];
  idPrefix: string;
  slugDescription: React.ReactNode;
  onTitleChange?: (title: string) => void;
}) {
  const { errors } = form.formState;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="flex flex-col gap-4">
      <DomainAndKindFields
        form={form as unknown as DomainAndKindForm}
        domains={domains}
        idPrefix={idPrefix}
      />
      <Field id={id("title")} label="Title" error={errors.title?.message}>
        <Input
          autoComplete="off"
          maxLength={EDITORIAL_LIMITS.articleTitle * 2}
          {...fieldControlProps(id("title"), { error: errors.title })}
          {...form.register("title", { onChange: (event) => onTitleChange?.(String(event.target.value)) })}
        />
      </Field>
      <Field id={id("slug")} label="Slug" description={slugDescription} error={errors.slug?.message}>
        <Input
          autoComplete="off"
          spellCheck={false}
          {...fieldControlProps(id("slug"), { description: true, error: errors.slug })}
          {...form.register("slug")}
        />
      </Field>
      <Field
        id={id("summary")}
        label="Summary"
        description="One or two sentences under the title; also the description search engines show."
        error={errors.summary?.message}
      >
        <Textarea
          className="min-h-24"
          {...fieldControlProps(id("summary"), { description: true, error: errors.summary })}
          {...form.register("summary")}
        />
      </Field>
    </div>
  );
}
