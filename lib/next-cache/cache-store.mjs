// @ts-check
// What the cache handler does, without Next's module loading around it (so tests can run several
// instances side by side): entries in a byte-bounded LRU, tag expirations in Next's tag store, sent to
// and heard from every other instance through PostgreSQL (tag-bus.mjs, tag-listener.mjs).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { ByteLru, sizeOfCacheValue } from "./byte-lru.mjs";
import { notePage } from "./page-witness.mjs";
import { RECORD_TAG_EXPIRATIONS_SQL, recordTagExpirationsParams } from "./tag-bus.mjs";
import { TagExpirationListener } from "./tag-listener.mjs";

const TAGS_HEADER = "x-next-cache-tags";
/**
 * An entry counts as rendered when the read that missed it happened, not when it was stored: a render
 * that read the database before an expiration and finished after it must not pass for fresh. A render
 * longer than this is stamped as if it had started this long before it was stored.
 */
export const MAX_RENDER_MS = 30_000;
/** How long the first requests wait for the first LISTEN before going without the cache. */
const FIRST_CONNECTION_WAIT_MS = 2_000;
const MAX_PENDING_RENDERS = 10_000;

const DEFAULT_MAX_MB = 256;

/**
 * The LRU's bound from CACHE_MAX_MB (default 256 MB).
 * @param {string | undefined} value
 */
export function cacheMaxBytes(value) {
  if (value === undefined || value.trim() === "") return DEFAULT_MAX_MB * 1024 * 1024;
  const megabytes = Number(value);
  if (!Number.isFinite(megabytes) || megabytes <= 0) {
    throw new Error(`CACHE_MAX_MB must be a positive number of megabytes, not "${value}".`);
  }
  return Math.floor(megabytes * 1024 * 1024);
}

/** Next compares tag times with this clock (tags-manifest.external.js), so every time here uses it. */
export const nextClock = () => performance.timeOrigin + performance.now();

/** @typedef {import("./next-tags-manifest.mjs").TagsManifest} TagsManifest */
/** @typedef {import("./tag-bus.mjs").TagDurations} TagDurations */
/** @typedef {(level: "info" | "warn" | "error", message: string, error?: unknown) => void} CacheLog */
/**
 * @typedef {object} Entry
 * @property {any} value Next's IncrementalCacheValue
 * @property {number} lastModified
 * @property {any} [cacheControl] a page's `{ revalidate, expire }`
 * @property {string[]} [tags] an `unstable_cache` entry's own tags
 */
/**
 * The second argument of the handler's get(): `kind`, and for `unstable_cache`/fetch entries
 * `tags`, `softTags` (the page's implicit tags) and `revalidate`.
 * @typedef {{ kind?: string; tags?: string[]; softTags?: string[]; revalidate?: number | false }} GetContext
 */
/**
 * The third argument of set(): `fetchCache` and `tags` for `unstable_cache`/fetch entries, `cacheControl`
 * for pages and routes.
 * @typedef {{ fetchCache?: boolean; tags?: string[]; cacheControl?: unknown }} SetContext
 */

/**
 * @typedef {object} CacheStoreOptions
 * @property {TagsManifest} manifest the tag store Next reads
 * @property {number} maxBytes
 * @property {string | null} databaseUrl null: expirations stay in this process
 * @property {CacheLog} log
 * @property {() => number} [now]
 */

export class CacheStore {
  origin = randomUUID();
  #manifest;
  #now;
  #log;
  /** @type {ByteLru<Entry>} */
  #lru;
  /** key → when the read that will be followed by this key's render happened */
  /** @type {Map<string, number>} */
  #renderStarts = new Map();
  /** @type {pg.Pool | null} */
  #pool = null;
  /** @type {TagExpirationListener | null} */
  #listener = null;
  /** @type {Set<() => void>} */
  #clearListeners = new Set();

  /** @param {CacheStoreOptions} options */
  constructor({ manifest, maxBytes, databaseUrl, log, now = nextClock }) {
    this.#manifest = manifest;
    this.#now = now;
    this.#log = log;
    this.#lru = new ByteLru(maxBytes);
    if (!databaseUrl) return;
    this.#pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    // An idle client losing its server must not become an uncaught exception.
    this.#pool.on("error", (error) => log("warn", "cache expiration pool lost a connection", error));
    this.#listener = new TagExpirationListener(databaseUrl, {
      log,
      onExpiration: ({ origin, tags, durations }) => {
        if (origin !== this.origin) this.applyExpiration(tags, durations);
      },
      onCatchUp: (rows, kind) => this.#catchUp(rows, kind),
    });
  }

  /** Whether expirations from elsewhere reach this instance (always, when there is no elsewhere). */
  get listening() {
    return this.#listener ? this.#listener.listening : true;
  }

  get bytes() {
    return this.#lru.bytes;
  }

  get listener() {
    return this.#listener;
  }

  /**
   * @param {string} key
   * @param {GetContext} [ctx]
   */
  async get(key, ctx) {
    if (!(await this.#vouching())) return null;
    const now = this.#now();
    const entry = this.#lru.get(key);
    if (!entry) {
      this.#noteRenderStart(key, now);
      return null;
    }
    const tags = tagsOf(entry, ctx);
    // Next checks a page's tags only while the page is within its revalidate time, so an older page whose
    // tag expired would be served stale once: an expired entry is a miss here, as in Next's own cache.
    if (this.#anyExpired(tags, entry.lastModified, now)) {
      this.#lru.delete(key);
      this.#noteRenderStart(key, now);
      return null;
    }
    if (this.#willRegenerate(entry, ctx, tags, now)) this.#noteRenderStart(key, now);
    if (!entry.tags) notePageEntry(entry.value, entry.lastModified, entry.cacheControl);
    return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {SetContext} [ctx]
   */
  async set(key, data, ctx) {
    const started = this.#renderStarts.get(key);
    this.#renderStarts.delete(key);
    if (!(await this.#vouching())) return;
    const now = this.#now();
    const lastModified = started === undefined ? now : Math.max(started, now - MAX_RENDER_MS);
    /** @type {Entry} */
    const entry = ctx?.fetchCache
      ? { value: data, lastModified, tags: ctx.tags ?? [] }
      : { value: data, lastModified, cacheControl: ctx?.cacheControl };
    this.#lru.set(key, entry, sizeOfCacheValue(key, data));
    if (!ctx?.fetchCache) notePageEntry(data, lastModified, ctx?.cacheControl);
  }

  /**
   * Whether a copy of a page rendered at `lastModified` with these tags may still be served as it is
   * ("fresh"), must go back to Next to be served stale and rendered again ("stale"), or is gone
   * ("expired"): the rules get() applies to its own entries.
   * @param {readonly string[]} tags
   * @param {number} lastModified
   * @param {number | false | undefined} revalidate seconds; `false`: only tags end it
   * @returns {"fresh" | "stale" | "expired"}
   */
  freshness(tags, lastModified, revalidate) {
    const now = this.#now();
    if (this.#anyExpired(tags, lastModified, now)) return "expired";
    if (tags.some((tag) => (this.#manifest.get(tag)?.stale ?? 0) > lastModified)) return "stale";
    if (typeof revalidate === "number" && lastModified + revalidate * 1000 < now) return "stale";
    return "fresh";
  }

  /**
   * Calls `listener` whenever the store drops every entry (back after missing more expirations than
   * the table keeps): copies of pages kept elsewhere must go too.
   * @param {() => void} listener
   * @returns {() => void} unsubscribes
   */
  onClear(listener) {
    this.#clearListeners.add(listener);
    return () => this.#clearListeners.delete(listener);
  }

  /**
   * Expires `tags` here at once, then records them for every instance (this one ignores its own echo).
   * @param {string | string[]} tags
   * @param {TagDurations} [durations]
   */
  async revalidateTag(tags, durations) {
    const list = typeof tags === "string" ? [tags] : tags;
    if (list.length === 0) return;
    this.applyExpiration(list, durations);
    if (!this.#pool) return;
    try {
      await this.#pool.query(
        RECORD_TAG_EXPIRATIONS_SQL,
        recordTagExpirationsParams(list, durations, this.origin),
      );
    } catch (error) {
      this.#log("error", "could not send a cache tag expiration to the other instances", error);
      throw error;
    }
  }

  /**
   * What Next's own file-system cache does on revalidateTag, in Next's clock.
   * @param {readonly string[]} tags
   * @param {TagDurations} durations
   */
  applyExpiration(tags, durations) {
    const now = Math.round(this.#now());
    for (const tag of tags) {
      const previous = this.#manifest.get(tag) ?? {};
      if (!durations) {
        this.#manifest.set(tag, { ...previous, expired: now });
        continue;
      }
      const next = { ...previous, stale: now };
      // A hard expiry that already happened stands: a later "stale" must not revive what it expired.
      const alreadyExpired = previous.expired !== undefined && previous.expired <= now;
      if (durations.expire !== undefined && !alreadyExpired) next.expired = now + durations.expire * 1000;
      this.#manifest.set(tag, next);
    }
  }

  async close() {
    await this.#listener?.close();
    await this.#pool?.end();
  }

  async #vouching() {
    if (!this.#listener) return true;
    if (!this.#listener.listening) {
      await Promise.race([
        this.#listener.firstAttempt,
        new Promise((resolve) => setTimeout(resolve, FIRST_CONNECTION_WAIT_MS).unref()),
      ]);
    }
    return this.#listener.listening;
  }

  /**
   * @param {import("./tag-listener.mjs").RecordedExpiration[]} rows
   * @param {import("./tag-listener.mjs").CatchUpKind} kind
   */
  #catchUp(rows, kind) {
    if (kind === "history-lost") {
      this.#lru.clear();
      for (const listener of this.#clearListeners) listener();
    }
    const now = Math.round(this.#now());
    for (const { tag, staleAgoMs, expiredAgoMs } of rows) {
      const previous = this.#manifest.get(tag) ?? {};
      if (kind === "start") {
        // Nothing is cached yet: the recorded times only matter for expirations still to come.
        const next = { ...previous };
        if (staleAgoMs !== null) next.stale = Math.max(previous.stale ?? 0, now - staleAgoMs);
        if (expiredAgoMs !== null) next.expired = Math.max(previous.expired ?? 0, now - expiredAgoMs);
        this.#manifest.set(tag, next);
      } else if (expiredAgoMs !== null && expiredAgoMs >= 0) {
        // Missed while deaf: whatever is cached may predate it, so it counts as happening now.
        this.applyExpiration([tag], undefined);
      } else {
        this.applyExpiration([tag], { expire: expiredAgoMs === null ? undefined : -expiredAgoMs / 1000 });
      }
    }
  }

  /**
   * @param {string} key
   * @param {number} now
   */
  #noteRenderStart(key, now) {
    const started = this.#renderStarts.get(key);
    if (started !== undefined && started > now - MAX_RENDER_MS) return;
    if (this.#renderStarts.size >= MAX_PENDING_RENDERS) {
      for (const [pending, at] of this.#renderStarts) {
        if (at <= now - MAX_RENDER_MS) this.#renderStarts.delete(pending);
      }
      if (this.#renderStarts.size >= MAX_PENDING_RENDERS) this.#renderStarts.clear();
    }
    this.#renderStarts.set(key, now);
  }

  /**
   * Same rule as Next's areTagsExpired.
   * @param {readonly string[]} tags
   * @param {number} lastModified
   * @param {number} now
   */
  #anyExpired(tags, lastModified, now) {
    return tags.some((tag) => {
      const expired = this.#manifest.get(tag)?.expired;
      return typeof expired === "number" && expired <= now && expired > lastModified;
    });
  }

  /**
   * Whether Next will render this entry again in the background after serving it (stale by its tags or
   * its revalidate time): that render's stamp must be this read.
   * @param {Entry} entry
   * @param {GetContext | undefined} ctx
   * @param {string[]} tags
   * @param {number} now
   */
  #willRegenerate(entry, ctx, tags, now) {
    if (tags.some((tag) => (this.#manifest.get(tag)?.stale ?? 0) > entry.lastModified)) return true;
    const revalidate = entry.tags
      ? (ctx?.revalidate ?? entry.value?.revalidate)
      : entry.cacheControl?.revalidate;
    return typeof revalidate === "number" && entry.lastModified + revalidate * 1000 < now;
  }
}

/**
 * Tells the request's page witness (page-witness.mjs) which page or route entry answered it.
 * @param {any} value
 * @param {number} lastModified
 * @param {any} cacheControl
 */
function notePageEntry(value, lastModified, cacheControl) {
  if (value?.kind !== "APP_PAGE" && value?.kind !== "APP_ROUTE") return;
  const header = value.headers?.[TAGS_HEADER];
  notePage({
    tags: typeof header === "string" && header ? header.split(",") : [],
    lastModified,
    revalidate: cacheControl?.revalidate,
  });
}

/**
 * A page's tags travel in its headers; an `unstable_cache` entry's are its own plus the reading page's.
 * @param {Entry} entry
 * @param {GetContext | undefined} ctx
 * @returns {string[]}
 */
function tagsOf(entry, ctx) {
  if (!entry.tags) {
    const header = entry.value?.headers?.[TAGS_HEADER];
    return typeof header === "string" && header ? header.split(",") : [];
  }
  return [...entry.tags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
}
