import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/domain/slug-shape";

// The search page's URL parameters (/search?q=&kind=&domain=&page=). Search never refuses a request: a
// malformed parameter falls back to its default and an over-long query is cut, so any URL renders a page.

/**
 * The longest query searched, in characters (code points). Longer input is cut to this length rather than
 * refused: 200 characters is a paragraph of search terms, and it bounds the work one request can ask of
 * PostgreSQL's query parser and ranking.
 */
export const SEARCH_QUERY_MAX = 200;
/** Results per page of one kind. */
export const SEARCH_PAGE_SIZE = 10;
/** The deepest page served: results past SEARCH_PAGE_SIZE × SEARCH_PAGE_MAX are not listed. */
export const SEARCH_PAGE_MAX = 50;
/** Longest domain slug (the column holds 80 characters). */
const DOMAIN_SLUG_MAX = 80;

/** `articles` are collaborative articles, `guides` are guides, `all` is an overview of the three. */
export const SEARCH_KINDS = ["all", "articles", "guides", "insights"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

// C0 and C1 control characters (PostgreSQL refuses NUL in text; the rest only hide the real terms) and
// lone UTF-16 surrogates (a query cut mid-pair, or a malformed URL).
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The text to search for: control characters become spaces, runs of white space one space, trimmed and
 * cut to SEARCH_QUERY_MAX characters. Anything that is not text (a missing parameter) is "".
 */
export function normalizeSearchQuery(value: unknown): string {
  if (typeof value !== "string") return "";
  const cleaned = value
    .replace(CONTROL_CHARACTERS, " ")
    .replace(LONE_SURROGATES, "")
    .replace(/\s+/g, " ")
    .trim();
  // Array.from splits by code point, so an emoji is never cut in half.
  const points = Array.from(cleaned);
  return points.length > SEARCH_QUERY_MAX ? points.slice(0, SEARCH_QUERY_MAX).join("").trim() : cleaned;
}

/** Next.js gives a repeated parameter as an array: the first one counts. */
const first = (value: unknown) => (Array.isArray(value) ? (value[0] as unknown) : value);

const pageParam = z
  .preprocess(first, z.string().regex(/^\d{1,9}$/))
  .transform((text) => Math.min(Math.max(Number(text), 1), SEARCH_PAGE_MAX))
  .catch(1);

export const searchRequestSchema = z.object({
  q: z
    .unknown()
    .optional()
    .transform((value) => normalizeSearchQuery(first(value))),
  kind: z.preprocess(first, z.enum(SEARCH_KINDS)).catch("all"),
  domain: z
    .preprocess(first, z.string().max(DOMAIN_SLUG_MAX).regex(SLUG_PATTERN).optional())
    .catch(undefined),
  page: pageParam,
});
export type SearchRequest = z.output<typeof searchRequestSchema>;

const DEFAULT_REQUEST: SearchRequest = { q: "", kind: "all", domain: undefined, page: 1 };

/** The search request a URL's parameters stand for; never throws. */
export function parseSearchParams(params: unknown): SearchRequest {
  const result = searchRequestSchema.safeParse(params ?? {});
  return result.success ? result.data : DEFAULT_REQUEST;
}

/** The URL of a search, leaving out parameters at their defaults (so links stay short and canonical). */
export function searchHref(request: Partial<SearchRequest>): string {
  const params = new URLSearchParams();
  if (request.q) params.set("q", request.q);
  if (request.kind && request.kind !== "all") params.set("kind", request.kind);
  if (request.domain) params.set("domain", request.domain);
  if (request.page && request.page > 1) params.set("page", String(request.page));
  const query = params.toString();
  return query ? `/search?${query}` : "/search";
}
