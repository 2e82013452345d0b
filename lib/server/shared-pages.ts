// The fast path's copies of shared pages: each one the exact bytes Next sent, compressed once with gzip
// and brotli, with the headers Next sent, held in a byte-bounded LRU per instance. A copy lives exactly as
// long as the page it copies in Next's cache (lib/next-cache): until one of the page's tags expires or
// turns stale, or its revalidate time passes, whichever comes first; then the request goes to Next, which
// renders the page again (or serves it stale once and renders it behind), and the new version is copied.
import type { OutgoingHttpHeaders } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { ByteLru } from "@/lib/next-cache/byte-lru.mjs";
import type { WitnessedPage } from "@/lib/next-cache/page-witness.mjs";
import type { ContentEncoding } from "./content-encoding";
import { withReadOnlyNotice } from "./read-only-notice";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Below this, compressing costs more than it saves (the threshold of Next's own compression). */
const COMPRESS_FROM_BYTES = 1024;

/** The response header that tells a copy from Next's own answer. */
export const FAST_PATH_HEADER = "x-roundtable-cache";

/** Headers that belong to one connection or one transfer, never to the page. */
const TRANSFER_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
]);

export type Freshness = "fresh" | "stale" | "expired";
/** The cache store's verdict on a page of these tags rendered at `lastModified` (CacheStore.freshness). */
export type FreshnessRule = (
  tags: readonly string[],
  lastModified: number,
  revalidate: number | false | undefined,
) => Freshness;

/** One prepared form: the raw headers for writeHead (flat name, value list) and the body. */
export type PreparedForm = { headers: string[]; body: Buffer };

/** A page ready to send: its forms by content encoding (identity always), and the headers of a 304. */
export type PreparedPage = {
  etag: string | undefined;
  forms: Partial<Record<ContentEncoding, PreparedForm>> & { identity: PreparedForm };
  notModifiedHeaders: string[];
};

export type SharedPage = PreparedPage & {
  tags: readonly string[];
  lastModified: number;
  revalidate: number | false | undefined;
  size: number;
  /** The same page with the read-only notice, prepared the first time the database is away. */
  readOnly?: Promise<PreparedPage>;
};

/** What Next sent, as captured on the way out: raw header names, status 200, the uncompressed body. */
export type CapturedResponse = { headers: [name: string, value: string | string[]][]; body: Buffer };

function flat(headers: [string, string | string[]][]): string[] {
  const list: string[] = [];
  for (const [name, value] of headers) {
    for (const one of Array.isArray(value) ? value : [value]) list.push(name, one);
  }
  return list;
}

function hasVaryOn(headers: [string, string | string[]][], token: string): boolean {
  return headers.some(
    ([name, value]) =>
      name.toLowerCase() === "vary" &&
      [value]
        .flat()
        .join(",")
        .split(",")
        .some((part) => part.trim().toLowerCase() === token.toLowerCase()),
  );
}

/**
 * The headers a copy is sent with: Next's, without what belonged to that one transfer, marked as served
 * by the fast path, and saying it varies by Accept-Encoding whenever compressed forms exist.
 */
export function copyHeaders(
  captured: CapturedResponse["headers"],
  compressed: boolean,
): [string, string | string[]][] {
  const kept = captured
    .filter(([name]) => !TRANSFER_HEADERS.has(name.toLowerCase()))
    .map(([name, value]): [string, string | string[]] =>
      name.toLowerCase() === "x-nextjs-cache" ? [name, "HIT"] : [name, value],
    );
  // As Next's compression adds it: appended to the Vary Next wrote, or a Vary of its own.
  if (compressed && !hasVaryOn(kept, "accept-encoding")) {
    const vary = kept.findIndex(([name]) => name.toLowerCase() === "vary");
    if (vary === -1) kept.push(["Vary", "Accept-Encoding"]);
    else kept[vary] = [kept[vary]![0], `${[kept[vary]![1]].flat().join(", ")}, Accept-Encoding`];
  }
  kept.push([FAST_PATH_HEADER, "fast"]);
  return kept;
}

function headerValue(headers: [string, string | string[]][], wanted: string): string | undefined {
  const found = headers.find(([name]) => name.toLowerCase() === wanted);
  return found ? [found[1]].flat().join(", ") : undefined;
}

/** Compresses once and lays out every form's headers, so sending a copy is one writeHead and one end. */
export async function preparePage(
  headers: [string, string | string[]][],
  body: Buffer,
): Promise<PreparedPage> {
  const compressible = body.length >= COMPRESS_FROM_BYTES;
  const base = copyHeaders(headers, compressible);
  const form = (encoding: ContentEncoding, bytes: Buffer): PreparedForm => ({
    headers: flat([
      ...base,
      ...(encoding === "identity" ? [] : ([["Content-Encoding", encoding]] as [string, string][])),
      ["Content-Length", String(bytes.length)],
    ]),
    body: bytes,
  });
  const forms: PreparedPage["forms"] = { identity: form("identity", body) };
  if (compressible) {
    const [gzipped, brotlied] = await Promise.all([
      gzip(body, { level: 9 }),
      brotli(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    ]);
    if (gzipped.length < body.length) forms.gzip = form("gzip", gzipped);
    if (brotlied.length < body.length) forms.br = form("br", brotlied);
  }
  const entityHeaders = new Set(["content-type", "content-length", "content-encoding"]);
  return {
    etag: headerValue(headers, "etag"),
    forms,
    notModifiedHeaders: flat(base.filter(([name]) => !entityHeaders.has(name.toLowerCase()))),
  };
}

/**
 * The same page with the read-only notice: a different ETag (a reader who saw the notice gets the page
 * again once the database is back) and `no-store`, so no cache keeps the notice.
 */
function prepareReadOnly(captured: CapturedResponse): Promise<PreparedPage> {
  const headers = captured.headers.map(([name, value]): [string, string | string[]] => {
    const lower = name.toLowerCase();
    if (lower === "cache-control") return [name, "no-store"];
    if (lower === "etag") return [name, [value].flat().join("").replace(/"$/, '-read-only"')];
    return [name, value];
  });
  return preparePage(headers, withReadOnlyNotice(captured.body));
}

function sizeOf(page: PreparedPage): number {
  let size = 512;
  for (const form of Object.values(page.forms)) {
    size += form.body.length;
    for (const text of form.headers) size += text.length;
  }
  return size;
}

/** Memory for copies per instance from FAST_PATH_MAX_MB (default 128). */
export function sharedPagesMaxBytes(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 128 * 1024 * 1024;
  const megabytes = Number(value);
  if (!Number.isFinite(megabytes) || megabytes < 0) {
    throw new Error(
      `FAST_PATH_MAX_MB must be a number of megabytes (0 turns the fast path off), not "${value}".`,
    );
  }
  return Math.floor(megabytes * 1024 * 1024);
}

export class SharedPages {
  #lru: ByteLru<SharedPage & { captured: CapturedResponse }>;
  #freshness: FreshnessRule;

  constructor({ maxBytes, freshness }: { maxBytes: number; freshness: FreshnessRule }) {
    this.#lru = new ByteLru(maxBytes);
    this.#freshness = freshness;
  }

  get bytes(): number {
    return this.#lru.bytes;
  }

  get maxBytes(): number {
    return this.#lru.maxBytes;
  }

  /** The copy to send for `key`, or undefined: none, or the page changed or aged (the copy is dropped). */
  fresh(key: string): SharedPage | undefined {
    const page = this.#lru.get(key);
    if (!page) return undefined;
    if (this.#freshness(page.tags, page.lastModified, page.revalidate) === "fresh") return page;
    this.#lru.delete(key);
    return undefined;
  }

  /**
   * The page as the notice version, while the database is away: a copy past its revalidate time still
   * serves (nothing can render a newer one), a copy whose tags expired does not.
   */
  readOnly(key: string): Promise<PreparedPage> | undefined {
    const page = this.#lru.get(key);
    if (!page) return undefined;
    if (this.#freshness(page.tags, page.lastModified, 0) === "expired") {
      this.#lru.delete(key);
      return undefined;
    }
    if (!page.readOnly) {
      page.readOnly = prepareReadOnly(page.captured);
      // Counted once it is ready, if the copy is still there.
      void page.readOnly.then((prepared) => {
        if (this.#lru.get(key) !== page) return;
        this.#lru.set(key, page, page.size + sizeOf(prepared));
      });
    }
    return page.readOnly;
  }

  /** Copies Next's response for `key`, as the version of the page `witnessed` describes. */
  async store(key: string, captured: CapturedResponse, witnessed: WitnessedPage): Promise<void> {
    const prepared = await preparePage(captured.headers, captured.body);
    const page = {
      ...prepared,
      tags: witnessed.tags,
      lastModified: witnessed.lastModified,
      revalidate: witnessed.revalidate,
      size: sizeOf(prepared),
      captured,
    };
    // The tags may have expired while the forms were compressed: then this version is already old.
    if (this.#freshness(page.tags, page.lastModified, page.revalidate) !== "fresh") return;
    this.#lru.set(key, page, page.size);
  }

  clear(): void {
    this.#lru.clear();
  }

  keys(): string[] {
    return this.#lru.keys();
  }
}

/** The response's headers with their names as Next wrote them. */
export function capturedHeaders(response: {
  getHeaderNames(): string[];
  getRawHeaderNames?(): string[];
  getHeader(name: string): OutgoingHttpHeaders[string];
}): CapturedResponse["headers"] {
  const names = response.getRawHeaderNames?.() ?? response.getHeaderNames();
  const list: CapturedResponse["headers"] = [];
  for (const name of names) {
    const value = response.getHeader(name);
    if (value === undefined) continue;
    list.push([name, Array.isArray(value) ? value : String(value)]);
  }
  return list;
}
