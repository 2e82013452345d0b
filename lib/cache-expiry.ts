import "server-only";
import { revalidateTag, updateTag } from "next/cache";
import { recordTagExpirations } from "@/lib/data/cache-expirations";

// The one door through which a write expires cached pages (docs/architecture.md, "Cache expiry"):
//
//   data function  →  returns Changed<T>: its result plus the tags of the anonymous pages it changed
//   action or job  →  expireTags(change): nothing else calls updateTag / revalidateTag
//
// `tags` are pages the writer must see changed on their very next view (read-your-writes): they are expired
// at once. `eventualTags` are pages that may catch up a little later (an article listing a renamed member):
// they are marked stale and regenerated in the background.
//
// Inside a server action Next hands the tags to our cache handler (lib/next-cache), which expires them here
// before the action's response renders and sends them to every other instance through PostgreSQL.

export type CacheChange = { tags: readonly string[]; eventualTags?: readonly string[] };
export type Changed<T> = T & CacheChange;

/** `value` with the tags it changed attached: what data-layer writes return. */
export function changed<T extends object>(
  value: T,
  tags: Iterable<string>,
  eventualTags: Iterable<string> = [],
): Changed<T> {
  return { ...value, tags: [...new Set(tags)], eventualTags: [...new Set(eventualTags)] };
}

/** Expires what a write changed, from a server action or from a background job alike. */
export async function expireTags(change: CacheChange): Promise<void> {
  const now = new Set(change.tags);
  const later = [...new Set(change.eventualTags ?? [])].filter((tag) => !now.has(tag));
  if (now.size === 0 && later.length === 0) return;
  if (expireInAction([...now], later)) return;
  // Outside a request (a pg-boss job, the worker process) Next has no cache in scope: the expirations go
  // straight to the table every instance's cache handler listens to.
  await recordTagExpirations([...now], later);
}

function expireInAction(now: string[], later: string[]): boolean {
  try {
    for (const tag of now) updateTag(tag);
    for (const tag of later) revalidateTag(tag, "max");
    return true;
  } catch (error) {
    if (isOutsideRequest(error)) return false;
    throw error;
  }
}

/** Next's refusal to expire tags where no request (and so no cache store) is in scope. */
function isOutsideRequest(error: unknown): boolean {
  return (
    error instanceof Error &&
    /can only be called from within a Server Action|static generation store missing/.test(error.message)
  );
}
