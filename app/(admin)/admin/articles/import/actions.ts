"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags } from "@/lib/cache-expiry";
import { importOutline } from "@/lib/data/editorial/articles";
import { isAdmin } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/session";
import { importOutlineSchema } from "@/lib/validation/editorial";

/** Creates a draft from a pasted Markdown outline. Admins only; the draft is reviewed before publishing. */
export async function importOutlineAction(
  input: unknown,
): Promise<ActionResult<{ id: string; slug: string; sectionCount: number }>> {
  return runAction(async () => {
    const user = await requireUser(isAdmin);
    const change = await importOutline(user, importOutlineSchema.parse(input));
    await expireTags(change);
    return { id: change.id, slug: change.slug, sectionCount: change.sectionCount };
  });
}
