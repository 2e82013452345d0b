"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useForm } from "react-hook-form";
import { ArticleFields } from "@/app/(admin)/admin/_components/article-fields";
import type { DomainOption } from "@/app/(admin)/admin/_components/domain-options";
import { useFormAction } from "@/components/hooks/use-action";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { slugify } from "@/lib/domain/slug";
import { createArticleSchema, type CreateArticleFormInput } from "@/lib/validation/editorial";
import { createArticleAction } from "../actions";

/** The new-article form: the slug follows the title until the editor types one of their own. */
export function NewArticleForm({
  domains,
  defaultDomainId,
}: {
  domains: DomainOption[];
  defaultDomainId: string;
}) {
  const router = useRouter();
  const form = useForm<CreateArticleFormInput>({
    resolver: zodResolver(createArticleSchema),
    defaultValues: { domainId: defaultDomainId, kind: "COLLABORATIVE", title: "", slug: "", summary: "" },
  });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const slugFromTitle = useRef("");

  function followTitle(title: string) {
    const current = form.getValues("slug");
    // Only while the slug is still the one made from the title (or empty): an edited slug is kept.
    if (current === "" || current === slugFromTitle.current) {
      slugFromTitle.current = slugify(title, 112);
      form.setValue("slug", slugFromTitle.current);
    }
  }

  const submit = useFormAction(form, createArticleAction, {
    onSuccess: ({ id }) => {
      toast.success("Draft created: add its sections");
      router.push(`/admin/articles/${id}`);
    },
  });

  return (
    <form
      aria-label="New article"
      onSubmit={(event) => void submit(event)}
      noValidate
      className="border-border bg-card flex flex-col gap-5 rounded-lg border p-5"
    >
      {errors.root?.message ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <ArticleFields
        form={form}
        domains={domains}
        idPrefix="new-article"
        slugDescription="Its address, /articles/<slug>. Made from the title; change it if you like. Leave it empty to have one made."
        onTitleChange={followTitle}
      />
      <div>
        <Button type="submit" disabled={isSubmitting || isSubmitSuccessful} aria-disabled={isSubmitting}>
          {isSubmitting || isSubmitSuccessful ? "Creating…" : "Create draft"}
        </Button>
      </div>
    </form>
  );
}
