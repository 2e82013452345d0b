import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ArticleCard as ArticleCardData } from "@/lib/data/content";

const KIND_LABEL = { COLLABORATIVE: "Collaborative article", GUIDE: "Guide" } as const;

export function ArticleCard({
  article,
  showDomain = true,
}: {
  article: ArticleCardData;
  showDomain?: boolean;
}) {
  return (
    <article className="border-border bg-card hover:border-accent/60 relative flex flex-col gap-2 rounded-lg border p-5 transition-colors">
      <div className="text-muted-foreground flex flex-wrap items-center gap-2 text-xs">
        <Badge variant={article.kind === "GUIDE" ? "secondary" : "outline"}>{KIND_LABEL[article.kind]}</Badge>
        {showDomain ? <span>{article.domain.name}</span> : null}
        <span aria-hidden="true">·</span>
        <RelativeTime date={article.publishedAt} />
      </div>
      <h3 className="text-lg leading-snug font-semibold">
        <Link
          href={`/articles/${article.slug}`}
          className="rounded-sm after:absolute after:inset-0 hover:underline"
        >
          {article.title}
        </Link>
      </h3>
      <p className="text-muted-foreground line-clamp-3 text-sm leading-relaxed">{article.summary}</p>
    </article>
  );
}
