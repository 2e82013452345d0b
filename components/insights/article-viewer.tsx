"use client";

import { createContext, useCallback, useContext, useEffect, useState } from "react";
import { useViewer } from "@/components/layout/viewer-provider";
import type { ArticleViewerResponse } from "@/app/api/articles/[id]/me/route";
import type { OwnInsight } from "@/lib/data/insights";

type ArticleViewerValue = {
  articleId: string;
  articleSlug: string;
  /** the signed-in reader's live insights on this article, any status */
  ownInsights: OwnInsight[];
  reactions: ArticleViewerResponse["reactions"];
  feedback: ArticleViewerResponse["feedback"];
  progress: ArticleViewerResponse["progress"];
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
      });
    } finally {
      setLoaded(true);
    }
  }, [articleId]);

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
    loaded: viewer.status === "signed-in" ? loaded : viewer.status === "signed-out",
    refresh,
  };
  return <ArticleViewerContext.Provider value={value}>{children}</ArticleViewerContext.Provider>;
}

/** Null outside an article page (e.g. insight cards on a profile). */
export function useArticleViewer(): ArticleViewerValue | null {
  return useContext(ArticleViewerContext);
}
