"use client";

import { useDeferredValue } from "react";
import { ArticleSectionBlock } from "@/components/articles/article-parts";

/**
 * A section as readers will see it, rendered by the article page's own component (the same Markdown
 * renderer, sanitiser and styles) while the editor types. Rendering follows the typing at a deferred
 * priority, so a long body never makes the textarea lag.
 */
export function SectionPreview({
  previewId,
  title,
  body,
}: {
  previewId: string;
  title: string;
  body: string;
}) {
  const deferredTitle = useDeferredValue(title);
  const deferredBody = useDeferredValue(body);
  const shownTitle = deferredTitle.trim() || "Untitled section";
  return (
    <div
      role="region"
      aria-label={`Preview of “${shownTitle}”`}
      className="border-border bg-background min-w-0 rounded-lg border p-5"
    >
      <p className="text-muted-foreground mb-3 text-xs font-semibold tracking-wide uppercase">
        Preview, as readers will see it
      </p>
      {deferredBody.trim() || deferredTitle.trim() ? (
        <ArticleSectionBlock
          section={{ anchor: `preview-${previewId}`, title: shownTitle, body: deferredBody }}
        />
      ) : (
        <p className="text-muted-foreground text-sm">Start typing: the section appears here.</p>
      )}
    </div>
  );
}
