"use client";

import { createContext, useCallback, useContext, useState } from "react";
import { useViewer, useViewerSubject } from "@/components/layout/viewer-provider";
import type { OwnInsight } from "@/lib/data/insights";
import type { OwnModerationNote } from "@/lib/data/moderation/appeals";
import type { ArticleViewerState } from "@/lib/domain/viewer";

type ArticleViewerValue = {
  articleId: string;
  articleSlug: string;
  /** the signed-in reader's live insights on this article, any status */
  ownInsights: OwnInsight[];
  reactions: ArticleViewerState["reactions"];
  feedback: ArticleViewerState["feedback"];
  progress: ArticleViewerState["progress"];
  /** own insight id → a moderator's decision and the appeal, for the author */
  moderation: Record<string, OwnModerationNote>;
  /** insights the reader has reported */
  reportedInsightIds: string[];
  /** whether the reader follows the article */
  following: boolean;
  /** records a report made (or found to exist) on this page, without asking the server again */
  markReported: (insightId: string) => void;
  loaded: boolean;
  refresh: () => Promise<void>;
};

const ArticleViewerContext = createContext<ArticleViewerValue | null>(null);

/**
 * The reader's own part of a cached article page. It comes with the page view's one personal request
 * (components/layout/viewer-provider.tsx), which this provider asks to include the article.
 */
export function ArticleViewerProvider({
  articleId,
  articleSlug,
  children,
}: {
  articleId: string;
  articleSlug: string;
  children: React.ReactNode;
}) {
  useViewerSubject({ article: articleId });
  const { viewer, article, refresh } = useViewer();
  const [reportedHere, setReportedHere] = useState<string[]>([]);
  const markReported = useCallback((insightId: string) => {
    setReportedHere((current) => (current.includes(insightId) ? current : [...current, insightId]));
  }, []);

  const mine = viewer.status === "signed-in" && article?.id === articleId ? article : null;
  const value: ArticleViewerValue = {
    articleId,
    articleSlug,
    ownInsights: mine?.insights ?? [],
    reactions: mine?.reactions ?? {},
    feedback: mine?.feedback ?? null,
    progress: mine?.progress ?? null,
    moderation: mine?.moderation ?? {},
    reportedInsightIds:
      viewer.status === "signed-in"
        ? [...new Set([...(mine?.reportedInsightIds ?? []), ...reportedHere])]
        : [],
    following: mine?.following ?? false,
    markReported,
    loaded: mine !== null || viewer.status === "signed-out",
    refresh,
  };
  return <ArticleViewerContext.Provider value={value}>{children}</ArticleViewerContext.Provider>;
}

/** Null outside an article page (e.g. insight cards on a profile). */
export function useArticleViewer(): ArticleViewerValue | null {
  return useContext(ArticleViewerContext);
}
