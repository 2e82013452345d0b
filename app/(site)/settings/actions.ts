"use server";

import { revalidateTag } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { tags } from "@/lib/cache-tags";
import { listArticleIdsWithInsightsBy } from "@/lib/data/members";
import { updateProfile } from "@/lib/data/users";
import { requireUser } from "@/lib/session";
import { profileSchema } from "@/lib/validation/account";

export async function updateProfileAction(input: unknown): Promise<ActionResult<{ handle: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    const { handle, previousHandle } = await updateProfile(user, profileSchema.parse(input));
    // The profile lives at both handles' cache entries, and the member's name and headline appear on
    // every article they have insights on.
    revalidateTag(tags.memberHandle(previousHandle), "max");
    revalidateTag(tags.memberHandle(handle), "max");
    for (const articleId of await listArticleIdsWithInsightsBy(user.id)) {
      revalidateTag(tags.article(articleId), "max");
    }
    return { handle };
  });
}
