"use server";

import { updateTag } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { tags } from "@/lib/cache-tags";
import { setArticleFeedback } from "@/lib/data/reactions";
import { requireUser } from "@/lib/session";
import { articleFeedbackSchema } from "@/lib/validation/reaction";

export async function articleFeedbackAction(
  input: unknown,
): Promise<ActionResult<{ liked: boolean; yesCount: number }>> {
  return runAction(async () => {
    const user = await requireUser();
    const result = await setArticleFeedback(user, articleFeedbackSchema.parse(input));
    updateTag(tags.article(result.articleId));
    return { liked: result.liked, yesCount: result.yesCount };
  });
}
