import type * as React from "react";
import { ArticleMarkdown } from "@/components/markdown/markdown";
import { Badge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ArticleView, SectionView } from "@/lib/data/content";

// The parts of an article page readers see, shared by the article page and the admin's draft preview, so
// a preview is the page itself and not a copy of it.

export function articleBreadcrumbs(article: Pick<ArticleView, "title" | "domain">) {
  return [
    { label: "Home", href: "/" },
    ...(article.domain.parent
      ? [{ label: article.domain.parent.name, href: `/domains/${article.domain.parent.slug}` }]
      : []),
    { label: article.domain.name, href: `/domains/${article.domain.slug}` },
    { label: article.title },
  ];
}

/** Breadcrumbs, kind, date, title and summary. */
export function ArticleHeader({ article }: { article: ArticleView }) {
  const collaborative = article.kind === "COLLABORATIVE";
  return (
    <header className="flex flex-col gap-4">
      <Breadcrumbs items={articleBreadcrumbs(article)} />
      <div className="text-muted-foreground flex flex-wrap items-center gap-2 text-sm">
        <Badge variant={collaborative ? "outline" : "secondary"}>
          {collaborative ? "Collaborative article" : "Guide"}
        </Badge>
        <span>
          Published <RelativeTime date={article.publishedAt} />
        </span>
      </div>
      <h1 className="text-3xl leading-tight font-bold tracking-tight text-balance sm:text-4xl">
        {article.title}
      </h1>
      <p className="text-muted-foreground text-lg leading-relaxed">{article.summary}</p>
    </header>
  );
}

/** One section: its title, its Markdown body, then whatever the page adds under it (insights). */
export function ArticleSectionBlock({
  section,
  children,
}: {
  section: Pick<SectionView, "anchor" | "title" | "body">;
  children?: React.ReactNode;
}) {
  return (
    <section id={section.anchor} aria-labelledby={`${section.anchor}-title`}>
      <h2 id={`${section.anchor}-title`} className="text-2xl font-semibold tracking-tight">
        {section.title}
      </h2>
      <div className="mt-3">
        <ArticleMarkdown source={section.body} />
      </div>
      {children}
    </section>
  );
}

/** The side rail's list of sections. */
export function ArticleSectionNav({
  sections,
}: {
  sections: Pick<SectionView, "id" | "anchor" | "title">[];
}) {
  return (
    <nav aria-label="Sections" className="hidden lg:block">
      <h2 className="text-muted-foreground text-xs font-semibold tracking-wide uppercase">In this article</h2>
      <ol className="mt-3 flex flex-col gap-2 text-sm">
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.anchor}`} className="text-muted-foreground hover:text-foreground rounded-sm">
              {section.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
