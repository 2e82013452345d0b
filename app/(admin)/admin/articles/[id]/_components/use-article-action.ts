"use client";

import { useAction } from "@/components/hooks/use-action";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/action-result";
import type { AdminArticle } from "@/lib/data/editorial/shared";

export type ArticleActionResult = ActionResult<{ article: AdminArticle }>;

/**
 * The editor's buttons, through useAction: one pending flag for every button of a panel, the article each
 * action answers with handed to the editor, a failure shown as a toast. `run` answers with the outcome.
 */
export function useArticleAction(onArticle: (article: AdminArticle) => void) {
  const { run, pending } = useAction((action: () => Promise<ArticleActionResult>) => action(), {
    onSuccess: ({ article }) => onArticle(article),
  });
  /** Runs `action`; once it succeeded, `done` (when given) is said as a toast. */
  async function runAndSay(action: () => Promise<ArticleActionResult>, done?: string) {
    const outcome = await run(action);
    if (outcome.ok && done) toast.success(done);
    return outcome;
  }
  return { run: runAndSay, pending };
}
