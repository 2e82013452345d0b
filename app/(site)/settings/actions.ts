"use server";

import { revalidateTag, updateTag } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { tags } from "@/lib/cache-tags";
import { listLeaderboardTagsFor } from "@/lib/data/leaderboards";
import { listArticleIdsWithInsightsBy } from "@/lib/data/members";
import { updateProfile } from "@/lib/data/users";
import { requireUser } from "@/lib/session";
import { profileSchema } from "@/lib/validation/account";

export async function updateProfileAction(input: unknown): Promise<ActionResult<{ handle: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    const { handle, previousHandle } = await updateProfile(user, profileSchema.parse(input));
    // The member sees their own profile change at once (updateTag); the articles that show their name
    // and headline next to insights refresh in the background for everyone else.
    updateTag(tags.memberHandle(previousHandle));
    updateTag(tags.memberHandle(handle));
    for (const articleId of await listArticleIdsWithInsightsBy(user.id)) {
      revalidateTag(tags.article(articleId), "max");
    }
    // Leaderboards list the member by name and handle, or not at all once they opt out: they see the
    // change at once on the leaderboards of the domains they contributed to.
    for (const tag of await listLeaderboardTagsFor(user.id)) updateTag(tag);
    return { handle };
  });
}
