"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags } from "@/lib/cache-expiry";
import { addBlockedTerm, removeBlockedTerm, type BlockedTermItem } from "@/lib/data/blocked-terms";
import { isAdmin } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/session";
import { addBlockedTermSchema, removeBlockedTermSchema } from "@/lib/validation/moderation-settings";

/** Adds a word or phrase that holds insights for review. Admins only. */
export async function addBlockedTermAction(input: unknown): Promise<ActionResult<BlockedTermItem>> {
  return runAction(async () => {
    const user = await requireUser(isAdmin);
    const { tags, eventualTags, ...term } = await addBlockedTerm(user, addBlockedTermSchema.parse(input));
    await expireTags({ tags, eventualTags });
    return term;
  });
}

/** Removes a blocked term. Admins only. */
export async function removeBlockedTermAction(
  input: unknown,
): Promise<ActionResult<{ id: string; term: string }>> {
  return runAction(async () => {
    const user = await requireUser(isAdmin);
    const change = await removeBlockedTerm(user, removeBlockedTermSchema.parse(input));
    await expireTags(change);
    return { id: change.id, term: change.term };
  });
}
