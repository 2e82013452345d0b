"use client";

import { useState } from "react";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/action-result";
import type { AdminArticle } from "@/lib/data/editorial/shared";

export type ArticleActionResult = ActionResult<{ article: AdminArticle }>;

/**
 * Runs one of the editor's actions: while it runs `busy` is set, on success the editor takes the article it
 * answers with, on failure the message is shown as a toast (forms put field errors by their fields instead).
 */
export function useArticleAction(onArticle: (article: AdminArticle) => void) {
  const [busy, setBusy] = useState(false);
  async function run(
    action: () => Promise<ArticleActionResult>,
    success?: string | ((article: AdminArticle) => string),
  ): Promise<ArticleActionResult | null> {
    setBusy(true);
    const result = await action().catch(() => null);
    setBusy(false);
    if (result?.ok) {
      onArticle(result.data.article);
      const message = typeof success === "function" ? success(result.data.article) : success;
      if (message) toast.success(message);
    } else {
      toast.error(result?.message ?? "We could not reach Roundtable. Nothing was lost: try again.");
    }
    return result;
  }
  return { busy, run };
}
