// The fast path in front of Next's request handler (README, "The fast path"). A request for a page every
// reader gets the same is answered from a prepared copy: no rendering, no compressing, no proxy. Any
// other request, and the first request for each version of a page, goes to Next; Next's answer is copied
// when it is a shared page from Next's page cache (fast-path-rules.ts), together with the page's tags and
// age, which the cache store notes for the request (lib/next-cache/page-witness.mjs). A copy is dropped
// the moment the cache store would no longer serve its page.
//
// When this instance cannot hear expirations (its LISTEN connection is down) the fast path stands aside,
// as the cache does, unless the database itself is away: then nobody can change a page, and the copies
// keep serving with a notice that posting is paused, while everything else gets Next's 503.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { withPageWitness } from "@/lib/next-cache/page-witness.mjs";
import { negotiateEncoding, type ContentEncoding } from "./content-encoding";
import { isCopyableResponse, pathOf, sharedPageKey } from "./fast-path-rules";
import { capturedHeaders, type CapturedResponse, type PreparedPage, type SharedPages } from "./shared-pages";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export type FastPathOptions = {
  pages: SharedPages;
  /** Next's request handler. */
  next: RequestHandler;
  /** Wraps the response in the compression every answer from Next gets. */
  compress: (req: IncomingMessage, res: ServerResponse) => void;
  /** Whether expirations from every instance reach this one (the cache store's LISTEN connection). */
  hearsExpirations: () => boolean;
  /** Whether PostgreSQL answers, from a check at most `maxAgeMs` old. */
  databaseReachable: (options: { maxAgeMs: number }) => Promise<boolean>;
  /** Where an old article slug redirects now (the proxy's map), or null. */
  articleRedirectTarget: (slug: string) => Promise<string | null>;
  log: (message: string, error: unknown) => void;
};

const ARTICLE_PATH = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;
/** A response larger than this is passed on without being copied. */
const MAX_COPY_BYTES = 16 * 1024 * 1024;
/** How fresh "the database answers" must be when this instance has just lost its LISTEN connection. */
const HEALTH_MAX_AGE_MS = 1_000;

/**
 * Whether the client's copy, named by If-None-Match, is the current one (RFC 9110 §13.1.2: weak
 * comparison); a request that asks for no cached answer (`Cache-Control: no-cache`) always gets the page.
 * The same rule as Next's answer to If-None-Match.
 */
export function isNotModified(headers: IncomingMessage["headers"], etag: string | undefined): boolean {
  const ifNoneMatch = headers["if-none-match"];
  if (!etag || !ifNoneMatch) return false;
  if (/(?:^|,)\s*no-cache\s*(?:,|$)/i.test(headers["cache-control"] ?? "")) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/** Sends a prepared page: 304 for a matching If-None-Match, else the form the client accepts best. */
export function sendPrepared(req: IncomingMessage, res: ServerResponse, page: PreparedPage): void {
  if (isNotModified(req.headers, page.etag)) {
    res.writeHead(304, page.notModifiedHeaders);
    res.end();
    return;
  }
  const available = Object.keys(page.forms) as ContentEncoding[];
  const form =
    page.forms[negotiateEncoding(req.headers["accept-encoding"], available)] ?? page.forms.identity;
  res.writeHead(200, form.headers);
  res.end(req.method === "HEAD" ? undefined : form.body);
}

type Capture = { status: number; headers: CapturedResponse["headers"]; raw: OutgoingHttpHeaders } | null;

/**
 * Records what Next writes beneath the compression: the status and headers as Next set them (before
 * compression adds its own) and the uncompressed body.
 */
function recordResponse(res: ServerResponse) {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let tooLarge = false;
  let head: Capture = null;
  const collect = (chunk: unknown, encoding: unknown) => {
    if (tooLarge || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    bytes += buffer.length;
    if (bytes > MAX_COPY_BYTES) {
      tooLarge = true;
      chunks.length = 0;
      return;
    }
    chunks.push(buffer);
  };
  const { writeHead, write, end } = res;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    // Headers passed here are set one by one, as Node does when headers were set before.
    const headers = rest.find((arg) => typeof arg === "object" && arg !== null);
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(String(headers[i]), headers[i + 1]);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers))
        if (value !== undefined) this.setHeader(name, value);
    }
    head ??= { status, headers: capturedHeaders(this), raw: this.getHeaders() };
    const reason = rest.find((arg) => typeof arg === "string") as string | undefined;
    return reason === undefined
      ? writeHead.call(this, status)
      : (writeHead as (status: number, reason: string) => ServerResponse).call(this, status, reason);
  } as ServerResponse["writeHead"];
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse["end"];
  return {
    result: (): { head: NonNullable<Capture>; body: Buffer } | null =>
      head && !tooLarge ? { head, body: Buffer.concat(chunks) } : null,
  };
}

export function createFastPath(options: FastPathOptions): RequestHandler {
  const { pages, next, compress } = options;
  /** Keys being copied right now: one copy per version, whatever the concurrency. */
  const copying = new Set<string>();

  const throughNext = (req: IncomingMessage, res: ServerResponse) => {
    compress(req, res);
    return next(req, res);
  };

  const copyingThroughNext = async (req: IncomingMessage, res: ServerResponse, key: string) => {
    if (req.method !== "GET" || copying.has(key)) return throughNext(req, res);
    copying.add(key);
    compress(req, res);
    const recorder = recordResponse(res);
    const { witness, result } = withPageWitness(() => next(req, res));
    res.once("close", () => {
      const recorded = res.writableFinished ? recorder.result() : null;
      const page = witness.pages.length === 1 ? witness.pages[0] : undefined;
      if (!recorded || !page || !isCopyableResponse(recorded.head.status, recorded.head.raw)) {
        copying.delete(key);
        return;
      }
      pages
        .store(key, { headers: recorded.head.headers, body: recorded.body }, page)
        .catch((error: unknown) => options.log("could not copy a page for the fast path", error))
        .finally(() => copying.delete(key));
    });
    await result;
  };

  return async function fastPath(req, res) {
    const key = pages.maxBytes > 0 ? sharedPageKey(req) : null;
    if (key === null) return throughNext(req, res);
    // An old address of a renamed article must reach the proxy, which redirects it.
    const slug = ARTICLE_PATH.exec(pathOf(key))?.[1];
    if (slug && (await options.articleRedirectTarget(slug))) return throughNext(req, res);

    if (options.hearsExpirations()) {
      const page = pages.fresh(key);
      if (page) return sendPrepared(req, res, page);
      return copyingThroughNext(req, res, key);
    }
    if (await options.databaseReachable({ maxAgeMs: HEALTH_MAX_AGE_MS })) return throughNext(req, res);
    const readOnly = pages.readOnly(key);
    if (!readOnly) return throughNext(req, res);
    sendPrepared(req, res, await readOnly);
  };
}
