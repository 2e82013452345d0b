// Which requests the fast path (lib/server/fast-path.ts) may answer from its copies, and which of Next's
// responses it may copy. Both lists err on the side of Next: anything not clearly a page that every reader
// gets the same goes through Next as before.

import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

/**
 * Paths whose answers depend on who asks or are for staff: never copied, even if one of them were
 * cached by mistake. (/api also holds the personal `/me` requests.)
 */
const NEVER_SHARED = [
  "/api",
  "/admin",
  "/moderation",
  "/settings",
  "/notifications",
  "/following",
  "/search",
  "/sign-in",
  "/sign-up",
  "/_next",
];

/** Headers of a client-side navigation or prefetch: Next answers them with an RSC payload, not HTML. */
const RSC_REQUEST_HEADERS = [
  "rsc",
  "next-router-prefetch",
  "next-router-state-tree",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
];

/** Next's draft-mode cookie: a draft viewer bypasses the page cache. */
const DRAFT_MODE_COOKIE = "__prerender_bypass=";

/** How Next reports a response served from (or just stored in) its page cache. */
const CACHE_STATES_TO_COPY = new Set(["HIT", "MISS", "REVALIDATED"]);

export type RequestFacts = {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
};

/** The path of a request URL (`/a/b?x` → `/a/b`). */
export function pathOf(url: string): string {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * The fast path's key for a request it may answer (its path), or null when the request must go to Next.
 * A URL with a query goes to Next: shared pages never read their query, so copying each spelling of it
 * would only let random query strings make the server compress the same page over and over.
 */
export function sharedPageKey({ method, url, headers }: RequestFacts): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  if (!url || !url.startsWith("/") || url.includes("?")) return null;
  const path = pathOf(url);
  if (NEVER_SHARED.some((prefix) => isUnder(path, prefix))) return null;
  if (/[?&]_rsc(?:=|&|$)/.test(url)) return null;
  if (RSC_REQUEST_HEADERS.some((name) => headers[name] !== undefined)) return null;
  if (headers.cookie?.includes(DRAFT_MODE_COOKIE)) return null;
  return url;
}

function headerText(value: OutgoingHttpHeaders[string]): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/**
 * Whether Next's response to a shared-page request may be copied: a 200 from Next's page cache
 * (`x-nextjs-cache` HIT, MISS or REVALIDATED, never STALE), shared by caches (`s-maxage`), setting no
 * cookie and not already encoded.
 */
export function isCopyableResponse(status: number, headers: OutgoingHttpHeaders): boolean {
  if (status !== 200) return false;
  if (headers["set-cookie"] !== undefined) return false;
  if (headers["content-encoding"] !== undefined) return false;
  const cacheState = headerText(headers["x-nextjs-cache"]);
  if (!cacheState || !CACHE_STATES_TO_COPY.has(cacheState)) return false;
  const cacheControl = headerText(headers["cache-control"])?.toLowerCase() ?? "";
  if (/\b(?:private|no-store|no-cache)\b/.test(cacheControl)) return false;
  return /\bs-maxage=\d+/.test(cacheControl);
}
