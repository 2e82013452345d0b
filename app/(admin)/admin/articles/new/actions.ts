"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { createArticle } from "@/lib/data/editorial/articles";
import { requireRole } from "@/lib/session";
import { createArticleSchema } from "@/lib/validation/editorial";

/** Creates a draft. Admins only. A draft is on no cached page, so nothing needs refreshing. */
export async function createArticleAction(
  input: unknown,
): Promise<ActionResult<{ id: string; slug: string }>> {
  return runAction(async () => {
    const user = await requireRole("ADMIN");
    const { id, slug } = await createArticle(user, createArticleSchema.parse(input));
    return { id, slug };
  });
}
