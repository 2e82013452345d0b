// The sitemap is split into chunks of at most SITEMAP_CHUNK_SIZE URLs (the protocol's limit), one series of
// chunks per kind of page, served at /sitemap/<id>.xml and listed by the index at /sitemap.xml. Pure.
//
// Route handlers write the XML rather than Next's sitemap.ts convention: with generateSitemaps, Next serves
// the chunks but cannot also serve an index at /sitemap.xml (its build refuses a route there), and
// /sitemap.xml is where crawlers and people look.
import { xmlSafe } from "@/lib/feed-xml";

/** The sitemap protocol allows 50,000 URLs per file. */
export const SITEMAP_CHUNK_SIZE = 50_000;

/** "pages": the home page, the fixed pages and the domains; then articles and member profiles. */
export const SITEMAP_KINDS = ["pages", "articles", "members"] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];
export type SitemapChunk = { kind: SitemapKind; index: number };

export function sitemapChunkId(chunk: SitemapChunk): string {
  return `${chunk.kind}-${chunk.index}`;
}

export function parseSitemapChunkId(id: string): SitemapChunk | null {
  const match = /^(pages|articles|members)-(0|[1-9][0-9]{0,5})$/.exec(id);
  if (!match) return null;
  return { kind: match[1] as SitemapKind, index: Number(match[2]) };
}

/** How many chunks `total` URLs need: none for none. */
export function chunkCount(total: number, chunkSize: number): number {
  return Math.ceil(Math.max(total, 0) / chunkSize);
}

/** Site-relative path of a chunk. */
export function sitemapChunkPath(id: string): string {
  return `/sitemap/${id}.xml`;
}

/** The chunk id in a chunk's file name (`articles-0.xml`), or null. */
export function chunkIdOfFile(file: string): string | null {
  const id = file.endsWith(".xml") ? file.slice(0, -".xml".length) : "";
  return parseSitemapChunkId(id) ? id : null;
}

function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

/** One sitemap chunk: absolute URLs, each with when it last changed if known. */
export function renderUrlset(entries: { url: string; lastModified: string | null }[]): string {
  const urls = entries
    .map(
      (entry) =>
        `<url>\n<loc>${escapeXml(entry.url)}</loc>\n` +
        (entry.lastModified ? `<lastmod>${escapeXml(entry.lastModified)}</lastmod>\n` : "") +
        "</url>\n",
    )
    .join("");
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NAMESPACE}">\n${urls}</urlset>\n`;
}

/** A sitemap index naming each chunk by its absolute URL. */
export function renderSitemapIndex(urls: string[]): string {
  const entries = urls.map((url) => `<sitemap>\n<loc>${escapeXml(url)}</loc>\n</sitemap>\n`).join("");
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NAMESPACE}">\n${entries}</sitemapindex>\n`;
}
