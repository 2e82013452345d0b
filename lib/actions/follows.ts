"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { setFollow } from "@/lib/data/follows";
import { requireUser } from "@/lib/session";
import { setFollowSchema } from "@/lib/validation/follows";

// Following is private to the member and shows on no cached page, so there is nothing to revalidate.

/** Follow or unfollow a domain or an article (the Follow button on their pages and on /following). */
export async function setFollowAction(input: unknown): Promise<ActionResult<{ following: boolean }>> {
  return runAction(async () => {
    const user = await requireUser();
    return setFollow(user, setFollowSchema.parse(input));
  });
}
