import "server-only";
import { db } from "@/lib/db";
import {
  MAX_EXPIRE_SECONDS,
  RECORD_TAG_EXPIRATIONS_SQL,
  recordTagExpirationsParams,
} from "@/lib/next-cache/tag-bus.mjs";

/**
 * Expires cached pages on every web instance from where Next has no request in scope (a job, the worker
 * process): `now` at once, `eventual` stale until they regenerate, like `updateTag` and
 * `revalidateTag(tag, "max")`. The rows and their NOTIFY commit together.
 */
export async function recordTagExpirations(now: readonly string[], eventual: readonly string[] = []) {
  if (now.length > 0) {
    await db.$executeRawUnsafe(RECORD_TAG_EXPIRATIONS_SQL, ...recordTagExpirationsParams(now, undefined, ""));
  }
  if (eventual.length > 0) {
    await db.$executeRawUnsafe(
      RECORD_TAG_EXPIRATIONS_SQL,
      ...recordTagExpirationsParams(eventual, { expire: MAX_EXPIRE_SECONDS }, ""),
    );
  }
}
