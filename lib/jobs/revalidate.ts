import "server-only";
import { expireTags } from "@/lib/cache-expiry";

/** Expires cached pages from a job: the same door as every other write (`expireTags`). */
export async function revalidateFromJob(tags: string[]): Promise<void> {
  await expireTags({ tags });
}
