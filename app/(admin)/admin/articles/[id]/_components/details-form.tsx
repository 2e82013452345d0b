"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { ArticleFields } from "@/app/(admin)/admin/_components/article-fields";
import type { DomainOption } from "@/app/(admin)/admin/_components/domain-options";
import { useFormAction } from "@/components/hooks/use-action";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import type { AdminArticle } from "@/lib/data/editorial/shared";
import { updateArticleSchema, type CreateArticleFormInput } from "@/lib/validation/editorial";
import { updateArticleAction } from "../actions";

const detailsSchema = updateArticleSchema.omit({ id: true });

function valuesOf(article: AdminArticle): CreateArticleFormInput {
  return {
    domainId: article.domain.id,
    kind: article.kind,
    title: article.title,
    slug: article.slug,
    summary: article.summary,
  };
}

/** Title, slug, summary, kind and domain. A changed slug keeps the old address redirecting once published. */
export function DetailsForm({
  article,
  domains,
  onArticle,
}: {
  article: AdminArticle;
  domains: DomainOption[];
  onArticle: (article: AdminArticle) => void;
}) {
  const form = useForm<CreateArticleFormInput>({
    resolver: zodResolver(detailsSchema),
    defaultValues: valuesOf(article),
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  const submit = useFormAction(
    form,
    (values: CreateArticleFormInput) => updateArticleAction({ ...values, id: article.id }),
    {
      onSuccess: ({ article: next }) => {
        onArticle(next);
        form.reset(valuesOf(next));
        toast.success(
          next.slug !== article.slug && next.oldSlugs.includes(article.slug)
            ? `Saved: /articles/${article.slug} now redirects to /articles/${next.slug}`
            : "Saved",
        );
      },
    },
  );

  return (
    <form
      aria-label="Article details"
      onSubmit={(event) => void submit(event)}
      noValidate
      className="border-border bg-card flex flex-col gap-5 rounded-lg border p-5"
    >
      <h2 className="text-lg font-semibold">Details</h2>
      {errors.root?.message ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <ArticleFields
        form={form}
        domains={domains}
        idPrefix="article"
        slugDescription={
          article.publishedAt
            ? "Its address, /articles/<slug>. If you change it, the old address keeps working: it redirects here."
            : "Its address, /articles/<slug>. Not published yet, so changing it breaks no links."
        }
      />
      {article.oldSlugs.length > 0 ? (
        <div className="text-sm">
          <h3 className="font-medium">Old addresses that redirect here</h3>
          <ul className="text-muted-foreground mt-1 flex flex-col gap-0.5">
            {article.oldSlugs.map((slug) => (
              <li key={slug}>/articles/{slug}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <Button type="submit" disabled={isSubmitting || !isDirty} aria-disabled={isSubmitting || !isDirty}>
          {isSubmitting ? "Saving…" : "Save details"}
        </Button>
      </div>
    </form>
  );
}
