import "server-only";
import { createHash } from "node:crypto";
import { unstable_cache } from "next/cache";
import { CACHE_BACKSTOP_SECONDS } from "@/lib/cache-tags";

// Next keeps its data cache on disk across restarts. Keying entries by the database they came from means
// pointing the app at another database (or a fresh embedded one) never serves another database's rows.
let databaseKey: string | undefined;
function currentDatabaseKey(): string {
  return (databaseKey ??= createHash("sha256")
    .update(process.env.DATABASE_URL ?? "")
    .digest("hex")
    .slice(0, 12));
}

/**
 * Runs `load` through Next's data cache under `keyParts`, tagged so writes can revalidate it. `revalidate`
 * shortens the backstop for data no write revalidates promptly (leaderboards follow every reaction).
 */
export function cached<T>(
  load: () => Promise<T>,
  keyParts: string[],
  cacheTags: string[],
  options: { revalidate?: number } = {},
): Promise<T> {
  return unstable_cache(load, [currentDatabaseKey(), ...keyParts], {
    tags: cacheTags,
    revalidate: options.revalidate ?? CACHE_BACKSTOP_SECONDS,
  })();
}
