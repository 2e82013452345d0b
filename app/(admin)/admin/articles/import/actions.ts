"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { importOutline } from "@/lib/data/editorial/articles";
import { requireRole } from "@/lib/session";
import { importOutlineSchema } from "@/lib/validation/editorial";

/** Creates a draft from a pasted Markdown outline. Admins only; the draft is reviewed before publishing. */
export async function importOutlineAction(
  input: unknown,
): Promise<ActionResult<{ id: string; slug: string; sectionCount: number }>> {
  return runAction(async () => {
    const user = await requireRole("ADMIN");
    const { id, slug, sectionCount } = await importOutline(user, importOutlineSchema.parse(input));
    return { id, slug, sectionCount };
  });
}
