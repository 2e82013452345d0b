"use client";

import { createContext, useCallback, useContext, useEffect, useState } from "react";
import { useViewer } from "@/components/layout/viewer-provider";
import type { OwnInsight } from "@/lib/data/insights";
import type { OwnModerationNote } from "@/lib/data/moderation/appeals";
import type { ArticleViewerResponse } from "@/lib/domain/viewer";

type ArticleViewerValue = {
  articleId: string;
  articleSlug: string;
  /** the signed-in reader's live insights on this article, any status */
  ownInsights: OwnInsight[];
  reactions: ArticleViewerResponse["reactions"];
  feedback: ArticleViewerResponse["feedback"];
  progress: ArticleViewerResponse["progress"];
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

/** The reader's own part of a cached article page, fetched after load so the page stays shared. */
export function ArticleViewerProvider({
  articleId,
  articleSlug,
  children,
}: {
  articleId: string;
  articleSlug: string;
  children: React.ReactNode;
}) {
  const { viewer } = useViewer();
  const [mine, setMine] = useState<Omit<ArticleViewerResponse, "signedIn">>({
    insights: [],
    reactions: {},
    feedback: null,
    progress: null,
    moderation: {},
    reportedInsightIds: [],
    following: false,
  });
  const [loaded, setLoaded] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const response = await fetch(`/api/articles/${encodeURIComponent(articleId)}/me`, {
        cache: "no-store",
      });
      if (!response.ok) return;
      const body = (await response.json()) as ArticleViewerResponse;
      setMine({
        insights: body.insights,
        reactions: body.reactions,
        feedback: body.feedback,
        progress: body.progress,
        moderation: body.moderation,
        reportedInsightIds: body.reportedInsightIds,
        following: body.following,
      });
    } finally {
      setLoaded(true);
    }
  }, [articleId]);

  const markReported = useCallback((insightId: string) => {
    setMine((current) =>
      current.reportedInsightIds.includes(insightId)
        ? current
        : { ...current, reportedInsightIds: [...current.reportedInsightIds, insightId] },
    );
  }, []);

  useEffect(() => {
    if (viewer.status !== "signed-in") return;
    void refresh();
  }, [viewer.status, refresh]);

  const value: ArticleViewerValue = {
    articleId,
    articleSlug,
    ownInsights: viewer.status === "signed-in" ? mine.insights : [],
    reactions: viewer.status === "signed-in" ? mine.reactions : {},
    feedback: viewer.status === "signed-in" ? mine.feedback : null,
    progress: viewer.status === "signed-in" ? mine.progress : null,
    moderation: viewer.status === "signed-in" ? mine.moderation : {},
    reportedInsightIds: viewer.status === "signed-in" ? mine.reportedInsightIds : [],
    following: viewer.status === "signed-in" && mine.following,
    markReported,
    loaded: viewer.status === "signed-in" ? loaded : viewer.status === "signed-out",
    refresh,
  };
  return <ArticleViewerContext.Provider value={value}>{children}</ArticleViewerContext.Provider>;
}

/** Null outside an article page (e.g. insight cards on a profile). */
export function useArticleViewer(): ArticleViewerValue | null {
  return useContext(ArticleViewerContext);
}
