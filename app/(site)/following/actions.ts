"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { listMyFollows, type FollowedPage } from "@/lib/data/follows";
import { requireUser } from "@/lib/session";
import { listFollowsSchema } from "@/lib/validation/follows";

/** The next page of the member's followed domains or articles. */
export async function loadMoreFollowsAction(input: unknown): Promise<ActionResult<FollowedPage>> {
  return runAction(async () => {
    const user = await requireUser();
    const { kind, cursor } = listFollowsSchema.parse(input);
    return listMyFollows(user, { kind, cursor });
  });
}
