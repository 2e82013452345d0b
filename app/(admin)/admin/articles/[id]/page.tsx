import { ThumbsDown, ThumbsUp } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { domainOptionsOf } from "@/app/(admin)/admin/_components/domain-options";
import { Pagination } from "@/components/ui/pagination";
import { RelativeTime } from "@/components/ui/relative-time";
import {
  getArticleFeedbackSummary,
  getArticleForEdit,
  type ArticleFeedbackSummary,
} from "@/lib/data/editorial/articles";
import { listDomainsForAdmin } from "@/lib/data/editorial/domains";
import { isAdmin } from "@/lib/domain/permissions";
import { requirePageUser } from "@/lib/session";
import { pageNumberSchema } from "@/lib/validation/editorial";
import { ArticleEditor } from "./_components/article-editor";
import { isRecordIdParam } from "@/lib/validation/text";

export const metadata: Metadata = { title: "Edit article" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Reads the session, so it renders per request.
export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const feedbackPage = pageNumberSchema.parse((await searchParams).feedback);
  const path = `/admin/articles/${encodeURIComponent(id)}`;
  const user = await requirePageUser(path, isAdmin);
  const article = isRecordIdParam(id) ? await getArticleForEdit(user, id) : null;
  if (!article) notFound();
  const [tree, feedback] = await Promise.all([
    listDomainsForAdmin(user),
    getArticleFeedbackSummary(user, id, feedbackPage),
  ]);

  return (
    <div className="flex flex-col gap-10">
      <p className="text-muted-foreground -mb-8 text-sm">
        <Link
          prefetch={false}
          href="/admin/articles"
          className="hover:text-foreground rounded-sm hover:underline"
        >
          Articles
        </Link>
      </p>
      <ArticleEditor initial={article} domains={domainOptionsOf(tree)} />
      <ReadersSaid feedback={feedback} hrefFor={(page) => `${path}?feedback=${page}#readers-said`} />
    </div>
  );
}

function ReadersSaid({
  feedback,
  hrefFor,
}: {
  feedback: ArticleFeedbackSummary;
  hrefFor: (page: number) => string;
}) {
  const total = feedback.yes + feedback.no;
  return (
    <section
      id="readers-said"
      aria-labelledby="readers-said-heading"
      className="flex max-w-3xl flex-col gap-4"
    >
      <h2 id="readers-said-heading" className="text-xl font-semibold">
        What readers said
      </h2>
      <p className="text-muted-foreground text-sm">Answers to “Like this article?” under the article.</p>
      <dl className="grid max-w-md grid-cols-2 gap-3">
        <div className="border-border bg-card rounded-lg border p-4">
          <dt className="text-muted-foreground flex items-center gap-1.5 text-sm">
            <ThumbsUp aria-hidden="true" className="size-4" /> Yes
          </dt>
          <dd className="text-2xl font-semibold tabular-nums">{feedback.yes}</dd>
        </div>
        <div className="border-border bg-card rounded-lg border p-4">
          <dt className="text-muted-foreground flex items-center gap-1.5 text-sm">
            <ThumbsDown aria-hidden="true" className="size-4" /> No
          </dt>
          <dd className="text-2xl font-semibold tabular-nums">{feedback.no}</dd>
        </div>
      </dl>
      {total === 0 ? (
        <p className="text-muted-foreground text-sm">No answers yet.</p>
      ) : feedback.reasons.length === 0 ? (
        <p className="text-muted-foreground text-sm">Nobody who answered No gave a reason.</p>
      ) : (
        <>
          <h3 className="font-medium">Reasons given with a No</h3>
          <ul className="divide-border border-border divide-y rounded-lg border">
            {feedback.reasons.map((reason, index) => (
              <li
                key={`${reason.at}-${index}`}
                className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3"
              >
                <p className="min-w-0 break-words">{reason.reason}</p>
                <RelativeTime date={reason.at} className="text-muted-foreground text-xs" />
              </li>
            ))}
          </ul>
          <Pagination
            page={feedback.page}
            pageCount={feedback.pageCount}
            hrefFor={hrefFor}
            prefetch={false}
          />
        </>
      )}
    </section>
  );
}
