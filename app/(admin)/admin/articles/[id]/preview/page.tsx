import { MessageSquarePlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatUtc } from "@/app/(admin)/admin/_lib/format";
import { ArticleHeader, ArticleSectionBlock, ArticleSectionNav } from "@/components/articles/article-parts";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { getArticlePreview } from "@/lib/data/editorial/articles";
import { isAdmin } from "@/lib/domain/permissions";
import { requirePageUser } from "@/lib/session";
import { CONTRIBUTOR_CALLOUT } from "@/lib/site";
import { isRecordIdParam } from "@/lib/validation/text";

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

// The article as readers will see it, drafts included, for admins only: rendered per request with the
// article page's own parts. Insights and the reader's own controls are left out: a draft takes none.
export default async function ArticlePreviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/admin/articles/${encodeURIComponent(id)}/preview`, isAdmin);
  const preview = isRecordIdParam(id) ? await getArticlePreview(user, id) : null;
  if (!preview) notFound();
  const { view: article, status, scheduledAt } = preview;
  const draft = status === "DRAFT";

  return (
    <div className="flex flex-col gap-8">
      <Alert variant={draft ? "warning" : "info"} role="note">
        <AlertTitle>{draft ? "Draft preview" : "Preview"}</AlertTitle>
        <AlertDescription className="flex flex-wrap items-center justify-between gap-3">
          <span>
            {draft
              ? scheduledAt
                ? `Readers cannot see this article until it publishes itself on ${formatUtc(scheduledAt)}.`
                : "Readers cannot see this article: it is a draft. This is how it will look once published."
              : "This article is published; this is how readers see it, without its insights."}
          </span>
          <Link
            prefetch={false}
            href={`/admin/articles/${article.id}`}
            className={buttonVariants({ variant: "outline", size: "sm" })}
          >
            Back to the editor
          </Link>
        </AlertDescription>
      </Alert>

      <div className="grid gap-10 lg:grid-cols-[minmax(0,46rem)_18rem] lg:justify-between">
        <article className="min-w-0">
          <ArticleHeader article={article} />
          <div className="mt-10 flex flex-col gap-12">
            {article.sections.map((section) => (
              <ArticleSectionBlock key={section.id} section={section}>
                {section.acceptsInsights ? (
                  <div className="mt-5 flex flex-col gap-3">
                    <p className="text-muted-foreground text-sm">
                      Be the first to add an insight to this section.
                    </p>
                    <div>
                      <Button variant="outline" size="sm" disabled aria-disabled title="Works once published">
                        <MessageSquarePlus aria-hidden="true" /> Add your insights
                      </Button>
                    </div>
                  </div>
                ) : null}
              </ArticleSectionBlock>
            ))}
            {article.sections.length === 0 ? (
              <p className="text-muted-foreground">This article has no sections yet.</p>
            ) : null}
          </div>
        </article>
        <aside
          aria-label="About contributing"
          className="flex flex-col gap-6 lg:sticky lg:top-20 lg:self-start"
        >
          <div className="border-border bg-card rounded-lg border p-5">
            <h2 className="font-semibold">Share what you know</h2>
            <p className="text-muted-foreground mt-2 text-sm leading-relaxed">{CONTRIBUTOR_CALLOUT}</p>
          </div>
          <ArticleSectionNav sections={article.sections} />
        </aside>
      </div>
    </div>
  );
}
