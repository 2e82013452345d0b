// A feed's entries as RSS 2.0 or Atom 1.0 XML. Pure: the data comes from lib/data/feeds.ts, the routes
// are app/feeds/**.
import { Feed, type Item } from "feed";
import type { FeedFormat } from "@/lib/feeds";
import { plainText } from "@/lib/markdown/faq";

/** One entry of a feed. Texts are plain text or Markdown, never HTML: the HTML is built here. */
export type FeedEntry = {
  /** a site-relative path or absolute URL that names this entry for ever */
  id: string;
  title: string;
  /** site-relative */
  link: string;
  summary: string;
  /** "markdown" when `summary` is a member's Markdown rather than plain text */
  summaryFormat?: "text" | "markdown";
  /** when it last changed */
  updated: string;
  published: string;
  author?: { name: string; link: string };
  category?: { name: string; slug: string };
};

export type FeedDocument = {
  title: string;
  description: string;
  /** the HTML page the feed follows, site-relative */
  link: string;
  /** the feed's own path in each format */
  self: (format: FeedFormat) => string;
  updated: string;
  entries: FeedEntry[];
};

// XML 1.0 refuses most control characters even escaped; a member's text must not break the feed.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters XML 1.0 cannot carry. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Plain text as HTML text: feed readers show titles and summaries as HTML. */
export function escapeHtml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** An insight's Markdown as HTML paragraphs of plain text: no markup from the member survives. */
export function markdownAsParagraphs(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .map((block) => plainText(block, Number.MAX_SAFE_INTEGER))
    .filter((text) => text.length > 0)
    .map((text) => `<p>${escapeHtml(text)}</p>`)
    .join("");
}

/**
 * The feed as XML. The `feed` package writes titles and summaries as CDATA (HTML to the reader), so they
 * are escaped here; other texts it escapes itself. Attribute values it leaves partly unescaped, so only
 * URLs and slugs go into attributes.
 */
export function renderFeed(document: FeedDocument, format: FeedFormat, origin: URL): string {
  const absolute = (path: string) => new URL(path, origin).toString();
  const home = absolute("/");
  const feed = new Feed({
    id: absolute(document.link),
    title: xmlSafe(document.title),
    description: xmlSafe(document.description),
    link: absolute(document.link),
    language: "en",
    updated: new Date(document.updated),
    generator: "Roundtable",
    feedLinks: { rss: absolute(document.self("rss")), atom: absolute(document.self("atom")) },
    author: { name: "Roundtable", link: home },
  });
  for (const entry of document.entries) {
    const item: Item = {
      id: absolute(entry.id),
      title: escapeHtml(entry.title),
      link: absolute(entry.link),
      description:
        entry.summaryFormat === "markdown" ? markdownAsParagraphs(entry.summary) : escapeHtml(entry.summary),
      date: new Date(entry.updated),
      published: new Date(entry.published),
    };
    // RSS 2.0's <author> must be an e-mail address, which members never share: Atom only.
    if (entry.author && format === "atom") {
      item.author = [{ name: xmlSafe(entry.author.name), link: absolute(entry.author.link) }];
    }
    if (entry.category) {
      item.category =
        format === "rss"
          ? [{ name: xmlSafe(entry.category.name) }]
          : [{ term: entry.category.slug, name: xmlSafe(entry.category.name).replace(/</g, "") }];
    }
    feed.addItem(item);
  }
  return format === "rss" ? feed.rss2() : feed.atom1();
}
