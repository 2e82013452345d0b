import type { ArticleInsightsFeed, ArticlesFeed, DomainFeed, FeedArticle } from "@/lib/data/feeds";
import { renderFeed, type FeedDocument, type FeedEntry } from "@/lib/feed-xml";
import { FEED_CONTENT_TYPES, feedPaths, parseFeedFile } from "@/lib/feeds";
import { SITE_DESCRIPTION, SITE_NAME, siteUrl } from "@/lib/site";

// Every feed route: parse `<name>.<format>`, load, answer with the feed's XML or a plain 404. Responses are
// cached by Next (the routes' `revalidate`) under the tags their data carries.

/**
 * Entry ids are tag URIs (RFC 4151) built from database ids, so a reader never sees an entry twice when an
 * article's slug or a section's anchor changes.
 */
function entryId(kind: "article" | "insight", id: string): string {
  return `tag:${siteUrl().hostname},2026:${kind}/${id}`;
}

function articleEntry(article: FeedArticle): FeedEntry {
  return {
    id: entryId("article", article.id),
    title: article.title,
    link: `/articles/${article.slug}`,
    summary: article.summary,
    updated: article.updatedAt,
    published: article.publishedAt,
    category: { name: article.domain.name, slug: article.domain.slug },
  };
}

export function articlesDocument(feed: ArticlesFeed): FeedDocument {
  return {
    title: `${SITE_NAME}: latest articles`,
    description: SITE_DESCRIPTION,
    link: "/",
    self: feedPaths.articles,
    updated: feed.updatedAt,
    entries: feed.articles.map(articleEntry),
  };
}

export function domainDocument(feed: DomainFeed): FeedDocument {
  const { domain } = feed;
  return {
    title: `${domain.name} · ${SITE_NAME}`,
    description: domain.description || `New articles and guides about ${domain.name} on ${SITE_NAME}.`,
    link: `/domains/${domain.slug}`,
    self: (format) => feedPaths.domain(domain.slug, format),
    updated: feed.updatedAt,
    entries: feed.articles.map(articleEntry),
  };
}

export function articleInsightsDocument(feed: ArticleInsightsFeed): FeedDocument {
  const { article } = feed;
  return {
    title: `New insights on “${article.title}” · ${SITE_NAME}`,
    description: `What members add to “${article.title}”, newest first.`,
    link: `/articles/${article.slug}`,
    self: (format) => feedPaths.articleInsights(article.slug, format),
    updated: feed.updatedAt,
    entries: feed.insights.map((insight) => ({
      id: entryId("insight", insight.id),
      title: `${insight.author.name} on “${insight.section.title}”`,
      link: `/articles/${article.slug}#${insight.section.anchor}`,
      summary: insight.body,
      summaryFormat: "markdown",
      updated: insight.editedAt ?? insight.publishedAt,
      published: insight.publishedAt,
      author: { name: insight.author.name, link: `/members/${insight.author.handle}` },
    })),
  };
}

function notFoundResponse(): Response {
  return new Response("No such feed.", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

/**
 * Answers a request for the feed file `file` (`<name>.rss` or `<name>.atom`): `load` finds the named
 * feed's document, or null when there is no such feed.
 */
export async function feedResponse(
  file: string,
  load: (name: string) => Promise<FeedDocument | null>,
): Promise<Response> {
  const parsed = parseFeedFile(file);
  const document = parsed ? await load(parsed.name) : null;
  if (!parsed || !document) return notFoundResponse();
  return new Response(renderFeed(document, parsed.format, siteUrl()), {
    headers: { "content-type": FEED_CONTENT_TYPES[parsed.format] },
  });
}
