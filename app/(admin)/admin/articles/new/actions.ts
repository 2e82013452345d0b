"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags } from "@/lib/cache-expiry";
import { createArticle } from "@/lib/data/editorial/articles";
import { isAdmin } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/session";
import { createArticleSchema } from "@/lib/validation/editorial";

/** Creates a draft. Admins only. */
export async function createArticleAction(
  input: unknown,
): Promise<ActionResult<{ id: string; slug: string }>> {
  return runAction(async () => {
    const user = await requireUser(isAdmin);
    const change = await createArticle(user, createArticleSchema.parse(input));
    await expireTags(change);
    return { id: change.id, slug: change.slug };
  });
}
