// @ts-check
// Next's incremental cache handler (next.config.ts `cacheHandler`): pages, route responses and
// `unstable_cache` results of every instance, expired everywhere within a second of a change
// (docs/architecture.md, "Caching across instances"). Next loads this file with a plain import(),
// so it is JavaScript, type-checked by tsc through `// @ts-check`.
//
// Next makes a new handler per request: everything lives in one store per process.
import pino from "pino";
import { CacheStore, cacheMaxBytes } from "./cache-store.mjs";
import { loadTagsManifest } from "./next-tags-manifest.mjs";

const STORE = Symbol.for("roundtable.next-cache.store");

function createStore() {
  const logger = pino({ level: process.env.LOG_LEVEL ?? "info", base: { app: "roundtable", part: "cache" } });
  /** @type {import("./cache-store.mjs").CacheLog} */
  const log = (level, message, error) => logger[level](error ? { err: error } : {}, message);
  const building = process.env.NEXT_PHASE === "phase-production-build";
  const databaseUrl = building ? null : (process.env.DATABASE_URL ?? null);
  if (!building && !databaseUrl) {
    log(
      "warn",
      "no DATABASE_URL: the page cache is this process's alone and expirations reach no other instance",
    );
  }
  return new CacheStore({
    manifest: loadTagsManifest(),
    maxBytes: cacheMaxBytes(process.env.CACHE_MAX_MB),
    databaseUrl,
    log,
  });
}

/**
 * This process's store. The HTTP server (lib/server) asks for it too: its copies of shared pages expire
 * by the same tags.
 * @returns {CacheStore}
 */
export function sharedCacheStore() {
  const global = /** @type {{ [STORE]?: CacheStore }} */ (/** @type {unknown} */ (globalThis));
  return (global[STORE] ??= createStore());
}

// Fail at load, not at the first request, when this Next version no longer has what the store needs.
sharedCacheStore();

export default class CacheHandler {
  /** @param {unknown} _context */
  constructor(_context) {}

  /**
   * @param {string} key
   * @param {import("./cache-store.mjs").GetContext} ctx
   */
  get(key, ctx) {
    return sharedCacheStore().get(key, ctx);
  }

  /**
   * @param {string} key
   * @param {unknown} data
   * @param {import("./cache-store.mjs").SetContext} ctx
   */
  set(key, data, ctx) {
    return sharedCacheStore().set(key, data, ctx);
  }

  /**
   * @param {string | string[]} tags
   * @param {import("./tag-bus.mjs").TagDurations} [durations]
   */
  revalidateTag(tags, durations) {
    return sharedCacheStore().revalidateTag(tags, durations);
  }

  resetRequestCache() {}
}
