"use client";

import { useArticleViewer } from "@/components/insights/article-viewer";

/** "You have contributed to N of 3 articles": live, from the reader's own insights, under the call-out. */
export function ContributorProgress() {
  const articleViewer = useArticleViewer();
  const progress = articleViewer?.progress;
  if (!progress) return null;
  const target = progress.next?.articles ?? progress.articles;
  const percent = target > 0 ? Math.min(100, Math.round((progress.articles / target) * 100)) : 100;
  return (
    <div className="mt-4 flex flex-col gap-2" aria-live="polite">
      <p className="text-sm font-medium">{progress.message}</p>
      <div
        role="progressbar"
        aria-label="Progress toward the next Contributor badge"
        aria-valuemin={0}
        aria-valuemax={target}
        aria-valuenow={Math.min(progress.articles, target)}
        className="bg-muted h-2 overflow-hidden rounded-full"
      >
        <div className="bg-accent h-full rounded-full transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
