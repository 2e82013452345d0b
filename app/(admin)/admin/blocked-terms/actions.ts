"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { addBlockedTerm, removeBlockedTerm, type BlockedTermItem } from "@/lib/data/blocked-terms";
import { requireRole } from "@/lib/session";
import { addBlockedTermSchema, removeBlockedTermSchema } from "@/lib/validation/moderation-settings";

// No page shows the list to readers, so there is no cached page to expire: the checks read the table on
// every post, and the admin's list updates from the results.

/** Adds a word or phrase that holds insights for review. Admins only. */
export async function addBlockedTermAction(input: unknown): Promise<ActionResult<BlockedTermItem>> {
  return runAction(async () => {
    const user = await requireRole("ADMIN");
    return addBlockedTerm(user, addBlockedTermSchema.parse(input));
  });
}

/** Removes a blocked term. Admins only. */
export async function removeBlockedTermAction(
  input: unknown,
): Promise<ActionResult<{ id: string; term: string }>> {
  return runAction(async () => {
    const user = await requireRole("ADMIN");
    return removeBlockedTerm(user, removeBlockedTermSchema.parse(input));
  });
}
