// @ts-check
// The in-memory store of one instance: least recently used entries go first once the entries' bytes
// pass the bound. A Map keeps insertion order, so re-inserting on every read makes its first key the
// least recently used one.

/** @template V */
export class ByteLru {
  /** @type {Map<string, { value: V; size: number }>} */
  #entries = new Map();
  #bytes = 0;

  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
  }

  get bytes() {
    return this.#bytes;
  }

  /** Keys from least to most recently used. */
  keys() {
    return [...this.#entries.keys()];
  }

  /** @param {string} key */
  get(key) {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /**
   * Stores `value` as the most recently used entry and evicts the least recently used ones until the
   * bound holds again. An entry larger than the whole bound is not stored (and replaces nothing).
   * @param {string} key
   * @param {V} value
   * @param {number} size bytes
   * @returns {boolean} whether it was stored
   */
  set(key, value, size) {
    this.delete(key);
    if (size > this.maxBytes) return false;
    this.#entries.set(key, { value, size });
    this.#bytes += size;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.size;
    }
    return true;
  }

  /** @param {string} key */
  delete(key) {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.size;
  }

  clear() {
    this.#entries.clear();
    this.#bytes = 0;
  }
}

/** @param {unknown} text */
const textBytes = (text) => (typeof text === "string" ? Buffer.byteLength(text) : 0);
/** @param {unknown} bytes */
const bufferBytes = (bytes) => (bytes instanceof Uint8Array ? bytes.byteLength : 0);

/**
 * What a cached value of Next's incremental cache (a page, a route's body, an `unstable_cache` result)
 * holds in memory, near enough to bound the store: its text and buffers plus a fixed overhead.
 * @param {string} key
 * @param {any} value Next's IncrementalCacheValue, or null
 */
export function sizeOfCacheValue(key, value) {
  let size = 256 + textBytes(key);
  if (!value || typeof value !== "object") return size;
  size += textBytes(JSON.stringify(value.headers ?? {}));
  switch (value.kind) {
    case "APP_PAGE":
      size += textBytes(value.html) + bufferBytes(value.rscData) + textBytes(value.postponed);
      if (value.segmentData instanceof Map) {
        for (const [path, bytes] of value.segmentData) size += textBytes(path) + bufferBytes(bytes);
      }
      return size;
    case "APP_ROUTE":
      return size + bufferBytes(value.body);
    case "FETCH":
      return size + textBytes(value.data?.body) + textBytes(JSON.stringify(value.tags ?? []));
    case "PAGES":
      return size + textBytes(value.html) + textBytes(JSON.stringify(value.pageData ?? null));
    default:
      return size + textBytes(JSON.stringify(value));
  }
}
