"use client";

import { useState } from "react";
import { ArticleStatusBadge } from "@/app/(admin)/admin/_components/article-status-badge";
import type { DomainOption } from "@/app/(admin)/admin/_components/domain-options";
import type { AdminArticle } from "@/lib/data/editorial/shared";
import { ARTICLE_KIND_LABELS } from "@/lib/validation/editorial";
import { DetailsForm } from "./details-form";
import { PublishingPanel } from "./publishing-panel";
import { SectionsEditor } from "./sections-editor";

/** The article editor: every part shows the article as the last action left it. */
export function ArticleEditor({ initial, domains }: { initial: AdminArticle; domains: DomainOption[] }) {
  const [article, setArticle] = useState(initial);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <div className="text-muted-foreground flex flex-wrap items-center gap-2 text-sm">
          <ArticleStatusBadge status={article.status} scheduledAt={article.scheduledAt} />
          <span>
            {ARTICLE_KIND_LABELS[article.kind]} in {article.domain.name}
          </span>
        </div>
        <h1 className="text-3xl font-bold tracking-tight text-balance">{article.title}</h1>
      </header>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-8">
          <SectionsEditor article={article} onArticle={setArticle} />
          <DetailsForm article={article} domains={domains} onArticle={setArticle} />
        </div>
        <div className="flex flex-col gap-6 lg:sticky lg:top-20 lg:self-start">
          <PublishingPanel article={article} onArticle={setArticle} />
        </div>
      </div>
    </div>
  );
}
