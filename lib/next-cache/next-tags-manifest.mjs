// @ts-check
// The one place that reaches into Next's internals. Next decides whether a cached page or `unstable_cache`
// entry is stale or expired by reading a process-wide Map of tag times *after* our handler returns an entry
// (IncrementalCache.get); only its own file-system cache writes that Map. A handler that shares expirations
// between instances must write the same Map, and Next does not export it. If a Next upgrade moves it, the
// server must refuse to start rather than serve pages it can no longer expire.
import { createRequire } from "node:module";

export const TAGS_MANIFEST_MODULE = "next/dist/server/lib/incremental-cache/tags-manifest.external.js";

/** @typedef {Map<string, { stale?: number; expired?: number }>} TagsManifest */

/**
 * @param {(id: string) => unknown} load
 * @returns {TagsManifest}
 */
export function loadTagsManifest(load = createRequire(import.meta.url)) {
  const problem = `The shared cache handler (lib/next-cache) needs Next's private tag store "${TAGS_MANIFEST_MODULE}" with a Map named tagsManifest`;
  const advice =
    "This Next version changed it: adapt lib/next-cache/next-tags-manifest.mjs before upgrading.";
  /** @type {any} */
  let loaded;
  try {
    loaded = load(TAGS_MANIFEST_MODULE);
  } catch (error) {
    throw new Error(`${problem}, and it cannot be loaded. ${advice}`, { cause: error });
  }
  if (!(loaded?.tagsManifest instanceof Map) || typeof loaded.areTagsExpired !== "function") {
    throw new Error(`${problem}, and it no longer has one. ${advice}`);
  }
  return loaded.tagsManifest;
}
