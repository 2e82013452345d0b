"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useDeferredValue } from "react";
import { useForm, useWatch } from "react-hook-form";
import { DomainAndKindFields, type DomainAndKindForm } from "@/app/(admin)/admin/_components/article-fields";
import type { DomainOption } from "@/app/(admin)/admin/_components/domain-options";
import { useFormAction } from "@/components/hooks/use-action";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldControlProps } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { parseOutline } from "@/lib/domain/outline";
import { importOutlineSchema, type ImportOutlineFormInput } from "@/lib/validation/editorial";
import { importOutlineAction } from "../actions";

const EXAMPLE = `# Choosing a database for a new product

How small teams weigh relational and document stores, and what they wish they had known.

## Start from your queries
Write down the five questions your product asks most often.

## Comparison
| | PostgreSQL | MongoDB |
| --- | --- | --- |
| Joins | Native | Application |

## FAQ
### Can we switch later?
Yes, but plan for a migration window.`;

/** The outline box, checked as it is typed (the same parser the server runs), and the import button. */
export function ImportOutlineForm({ domains }: { domains: DomainOption[] }) {
  const router = useRouter();
  const form = useForm<ImportOutlineFormInput>({
    resolver: zodResolver(importOutlineSchema),
    defaultValues: { domainId: "", kind: "COLLABORATIVE", markdown: "" },
  });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const markdown = useDeferredValue(useWatch({ control: form.control, name: "markdown" }) ?? "");
  const check = markdown.trim() ? parseOutline(markdown) : null;

  const submit = useFormAction(form, importOutlineAction, {
    onSuccess: ({ id, sectionCount }) => {
      toast.success(
        `Draft created with ${sectionCount} ${sectionCount === 1 ? "section" : "sections"}: review it before publishing`,
      );
      router.push(`/admin/articles/${id}`);
    },
  });

  return (
    <form
      aria-label="Import an outline"
      onSubmit={(event) => void submit(event)}
      noValidate
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]"
    >
      <div className="border-border bg-card flex flex-col gap-5 rounded-lg border p-5">
        {errors.root?.message ? (
          <Alert variant="destructive">
            <AlertDescription>{errors.root.message}</AlertDescription>
          </Alert>
        ) : null}
        <DomainAndKindFields
          form={form as unknown as DomainAndKindForm}
          domains={domains}
          idPrefix="import"
        />
        <Field
          id="import-markdown"
          label="Outline (Markdown)"
          description="A “# ” title, a summary paragraph, then “## ” sections."
          error={
            errors.markdown?.message ? (
              <span className="whitespace-pre-line">{errors.markdown.message}</span>
            ) : null
          }
        >
          <Textarea
            className="min-h-96 font-mono text-sm"
            spellCheck={false}
            placeholder={EXAMPLE}
            {...fieldControlProps("import-markdown", { description: true, error: errors.markdown })}
            {...form.register("markdown")}
          />
        </Field>
        <div>
          <Button type="submit" disabled={isSubmitting || isSubmitSuccessful} aria-disabled={isSubmitting}>
            <Upload aria-hidden="true" />{" "}
            {isSubmitting || isSubmitSuccessful ? "Importing…" : "Import as draft"}
          </Button>
        </div>
      </div>

      <aside
        aria-label="What will be imported"
        className="flex flex-col gap-3 lg:sticky lg:top-20 lg:self-start"
      >
        <h2 className="font-semibold">What will be imported</h2>
        {/* Not a live region: it changes with every keystroke. The server's answer is announced instead. */}
        {!check ? (
          <p className="text-muted-foreground text-sm">
            Paste an outline to see its title and sections here.
          </p>
        ) : check.ok ? (
          <Alert variant="success" role="note">
            <AlertTitle>{check.outline.title}</AlertTitle>
            <AlertDescription>
              <p className="line-clamp-3">{check.outline.summary}</p>
              <ol className="mt-2 list-decimal pl-5">
                {check.outline.sections.map((section, index) => (
                  <li key={index}>{section.title}</li>
                ))}
              </ol>
            </AlertDescription>
          </Alert>
        ) : (
          <Alert variant="warning" role="note">
            <AlertTitle>Not ready yet</AlertTitle>
            <AlertDescription>
              <ul className="flex flex-col gap-1">
                {check.errors.map((error, index) => (
                  <li key={index}>
                    Line {error.line}: {error.message}
                  </li>
                ))}
              </ul>
            </AlertDescription>
          </Alert>
        )}
      </aside>
    </form>
  );
}
