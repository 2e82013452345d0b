// Where Roundtable's RSS 2.0 and Atom 1.0 feeds live and how pages announce them. Pure and light: pages
// and the footer import it; the XML itself is written by lib/feed-xml.ts.

export const FEED_FORMATS = ["rss", "atom"] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

const FORMAT_LABELS: Record<FeedFormat, string> = { rss: "RSS", atom: "Atom" };
const MIME_TYPES: Record<FeedFormat, string> = { rss: "application/rss+xml", atom: "application/atom+xml" };

/** Site-relative paths of every feed: `<name>.rss` and `<name>.atom`. */
export const feedPaths = {
  articles: (format: FeedFormat) => `/feeds/articles.${format}`,
  domain: (slug: string, format: FeedFormat) => `/feeds/domains/${slug}.${format}`,
  articleInsights: (articleSlug: string, format: FeedFormat) => `/feeds/insights/${articleSlug}.${format}`,
};

/** `careers.rss` → `{ name: "careers", format: "rss" }`; null for anything that is not a feed's file name. */
export function parseFeedFile(file: string): { name: string; format: FeedFormat } | null {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(rss|atom)$/.exec(file);
  if (!match) return null;
  return { name: match[1]!, format: match[2] as FeedFormat };
}

/** `<link rel="alternate">` entries for a page's feeds, as Next's `metadata.alternates.types`. */
export function feedAlternates(path: (format: FeedFormat) => string, title: string) {
  return Object.fromEntries(
    FEED_FORMATS.map((format) => [
      MIME_TYPES[format],
      [{ url: path(format), title: `${title} (${FORMAT_LABELS[format]})` }],
    ]),
  );
}
