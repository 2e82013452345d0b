"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags } from "@/lib/cache-expiry";
import { updateProfile } from "@/lib/data/users";
import { requireUser } from "@/lib/session";
import { profileSchema } from "@/lib/validation/account";

export async function updateProfileAction(input: unknown): Promise<ActionResult<{ handle: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    const change = await updateProfile(user, profileSchema.parse(input));
    await expireTags(change);
    return { handle: change.handle };
  });
}
