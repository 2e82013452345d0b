"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags } from "@/lib/cache-expiry";
import { setArticleFeedback } from "@/lib/data/reactions";
import { requireUser } from "@/lib/session";
import { articleFeedbackSchema } from "@/lib/validation/reaction";

export async function articleFeedbackAction(
  input: unknown,
): Promise<ActionResult<{ liked: boolean; yesCount: number }>> {
  return runAction(async () => {
    const user = await requireUser();
    const change = await setArticleFeedback(user, articleFeedbackSchema.parse(input));
    await expireTags(change);
    return { liked: change.liked, yesCount: change.yesCount };
  });
}
