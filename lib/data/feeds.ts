import "server-only";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  SITEMAP_CHUNK_SIZE,
  SITEMAP_KINDS,
  chunkCount,
  parseSitemapChunkId,
  sitemapChunkId,
  type SitemapKind,
} from "@/lib/sitemap";
import { cached } from "./cache";
import { publishedArticle, resolveArticleSlug, visibleInsight } from "./content";

// What the feeds and the sitemap list. Only published articles, and only insights readers can see on the
// article page (visibleInsight); results are cached under the tags of what they show, dates ISO strings.

/** Entries per feed: the newest ones. */
export const FEED_ITEM_LIMIT = 50;

export type FeedArticle = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  publishedAt: string;
  updatedAt: string;
  domain: { name: string; slug: string };
};
export type ArticlesFeed = { updatedAt: string; articles: FeedArticle[] };
export type DomainFeed = ArticlesFeed & {
  domain: { id: string; name: string; slug: string; description: string };
};
export type FeedInsight = {
  id: string;
  body: string;
  publishedAt: string;
  editedAt: string | null;
  section: { title: string; anchor: string };
  author: { name: string; handle: string };
};
export type ArticleInsightsFeed = {
  article: { id: string; slug: string; title: string; summary: string };
  updatedAt: string;
  insights: FeedInsight[];
};

const feedArticleSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  publishedAt: true,
  updatedAt: true,
  domain: { select: { name: true, slug: true } },
} as const;

type FeedArticleRow = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date | null;
  updatedAt: Date;
  domain: { name: string; slug: string };
};

function toFeedArticle(row: FeedArticleRow): FeedArticle {
  return {
    ...row,
    publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The newest of `dates` (ISO strings), or `fallback` when there are none. */
function newest(dates: string[], fallback: Date): string {
  return dates.reduce((latest, date) => (date > latest ? date : latest), fallback.toISOString());
}

/** Published articles in `domainIds` (all domains when omitted), newest first (index on publishedAt). */
async function loadFeedArticles(domainIds?: string[]): Promise<FeedArticle[]> {
  const rows = await db.article.findMany({
    where: { ...publishedArticle, ...(domainIds ? { domainId: { in: domainIds } } : {}) },
    select: feedArticleSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: FEED_ITEM_LIMIT,
  });
  return rows.map(toFeedArticle);
}

/** The newest published articles of every domain. */
export const getArticlesFeed = (): Promise<ArticlesFeed> =>
  cached(
    async (): Promise<ArticlesFeed> => {
      const articles = await loadFeedArticles();
      return {
        articles,
        updatedAt: newest(
          articles.map((a) => a.updatedAt),
          new Date(0),
        ),
      };
    },
    ["feed-articles"],
    [tags.articles],
  );

/** A domain's newest published articles, its child domains' included; null for an unknown slug. */
export async function getDomainFeed(slug: string): Promise<DomainFeed | null> {
  return cached(
    async (): Promise<DomainFeed | null> => {
      const domain = await db.domain.findUnique({
        where: { slug },
        select: {
          id: true,
          name: true,
          slug: true,
          description: true,
          updatedAt: true,
          children: { select: { id: true } },
        },
      });
      if (!domain) return null;
      const articles = await loadFeedArticles([domain.id, ...domain.children.map((c) => c.id)]);
      return {
        domain: { id: domain.id, name: domain.name, slug: domain.slug, description: domain.description },
        articles,
        updatedAt: newest(
          articles.map((a) => a.updatedAt),
          domain.updatedAt,
        ),
      };
    },
    ["feed-domain", slug],
    [tags.domains, tags.articles],
  );
}

/** The newest insights readers can see on a published article; null for an unknown or draft article. */
export async function getArticleInsightsFeed(slug: string): Promise<ArticleInsightsFeed | null> {
  const id = await resolveArticleSlug(slug);
  if (!id) return null;
  return cached(
    async (): Promise<ArticleInsightsFeed | null> => {
      const article = await db.article.findFirst({
        where: { id, ...publishedArticle },
        select: {
          id: true,
          slug: true,
          title: true,
          summary: true,
          publishedAt: true,
          updatedAt: true,
          sections: { select: { id: true } },
        },
      });
      if (!article) return null;
      // By section ids, so the query walks the index Insight(sectionId, status, publishedAt).
      const rows = await db.insight.findMany({
        where: { sectionId: { in: article.sections.map((s) => s.id) }, ...visibleInsight },
        select: {
          id: true,
          body: true,
          publishedAt: true,
          editedAt: true,
          createdAt: true,
          section: { select: { title: true, anchor: true } },
          author: { select: { name: true, handle: true } },
        },
        orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
        take: FEED_ITEM_LIMIT,
      });
      const insights = rows.map((row): FeedInsight => ({
        id: row.id,
        body: row.body,
        publishedAt: (row.publishedAt ?? row.createdAt).toISOString(),
        editedAt: row.editedAt?.toISOString() ?? null,
        section: row.section,
        author: row.author,
      }));
      return {
        article: { id: article.id, slug: article.slug, title: article.title, summary: article.summary },
        insights,
        updatedAt: newest(
          insights.map((i) => i.editedAt ?? i.publishedAt),
          article.publishedAt ?? article.updatedAt,
        ),
      };
    },
    ["feed-article-insights", id],
    [tags.article(id)],
  );
}

// ---------------------------------------------------------------------------------------------------
// Sitemap

/** One URL of the sitemap, site-relative. */
export type SitemapEntry = { path: string; lastModified: string | null };

/** Pages that are always there, listed before the domains. */
const FIXED_PAGES = ["/", "/badges", "/contribute"] as const;

/**
 * A member's profile is listed once they have an insight readers can see on a published article. This is
 * visibleInsight (lib/data/content.ts) in SQL, for `i` an insight row of the author `u`.
 */
const visibleInsightOf = Prisma.sql`
  i."status" = 'PUBLISHED' AND i."deletedAt" IS NULL
  AND EXISTS (
    SELECT 1 FROM "Section" s JOIN "Article" a ON a."id" = s."articleId"
    WHERE s."id" = i."sectionId" AND a."status" = 'PUBLISHED'
  )`;

async function countListedMembers(): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "User" u
    WHERE u."status" = 'ACTIVE'
      AND EXISTS (SELECT 1 FROM "Insight" i WHERE i."authorId" = u."id" AND ${visibleInsightOf})`;
  return row?.count ?? 0;
}

/** How many URLs each kind of sitemap chunk lists. */
async function countSitemapEntries(): Promise<Record<SitemapKind, number>> {
  const [domains, articles, members] = await Promise.all([
    db.domain.count(),
    db.article.count({ where: publishedArticle }),
    countListedMembers(),
  ]);
  return { pages: FIXED_PAGES.length + domains, articles, members };
}

/** The ids of the sitemap's chunks ("pages-0", "articles-0", …), in the order the index lists them. */
export async function listSitemapChunks(chunkSize = SITEMAP_CHUNK_SIZE): Promise<string[]> {
  return cached(
    async () => {
      const counts = await countSitemapEntries();
      return SITEMAP_KINDS.flatMap((kind) =>
        Array.from({ length: chunkCount(counts[kind], chunkSize) }, (_, index) =>
          sitemapChunkId({ kind, index }),
        ),
      );
    },
    ["sitemap-chunks", String(chunkSize)],
    // Member profiles join when an insight is published, which no list-wide tag follows: the cache's
    // backstop (an hour) brings those in.
    [tags.articles, tags.domains],
  );
}

async function loadPageEntries(offset: number, limit: number): Promise<SitemapEntry[]> {
  const [latest, domains, latestByDomain] = await Promise.all([
    db.article.findFirst({
      where: publishedArticle,
      select: { publishedAt: true },
      orderBy: { publishedAt: "desc" },
    }),
    db.domain.findMany({
      select: { id: true, slug: true, parentId: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
    db.article.groupBy({ by: ["domainId"], where: publishedArticle, _max: { publishedAt: true } }),
  ]);
  const lastPublished = new Map(latestByDomain.map((row) => [row.domainId, row._max.publishedAt]));
  // A domain page lists its children's articles too, so it changes when they do.
  const lastChanged = (domain: (typeof domains)[number]): Date => {
    const own = [domain.id, ...domains.filter((d) => d.parentId === domain.id).map((d) => d.id)];
    return own
      .map((id) => lastPublished.get(id))
      .reduce<Date>((max, date) => (date && date > max ? date : max), domain.updatedAt);
  };
  const entries: SitemapEntry[] = [
    ...FIXED_PAGES.map((path) => ({
      path,
      lastModified: path === "/" ? (latest?.publishedAt?.toISOString() ?? null) : null,
    })),
    ...domains.map((domain) => ({
      path: `/domains/${domain.slug}`,
      lastModified: lastChanged(domain).toISOString(),
    })),
  ];
  return entries.slice(offset, offset + limit);
}

async function loadArticleEntries(offset: number, limit: number): Promise<SitemapEntry[]> {
  const rows = await db.article.findMany({
    where: publishedArticle,
    select: { slug: true, updatedAt: true },
    // Ids, not dates: a chunk keeps its articles while new ones are published.
    orderBy: { id: "asc" },
    skip: offset,
    take: limit,
  });
  return rows.map((row) => ({ path: `/articles/${row.slug}`, lastModified: row.updatedAt.toISOString() }));
}

async function loadMemberEntries(offset: number, limit: number): Promise<SitemapEntry[]> {
  // Per member, the newest visible insight through the index Insight(authorId, status, publishedAt DESC).
  const rows = await db.$queryRaw<{ handle: string; lastModified: Date | null }[]>`
    SELECT u."handle", latest."publishedAt" AS "lastModified"
    FROM "User" u
    CROSS JOIN LATERAL (
      SELECT i."publishedAt" FROM "Insight" i
      WHERE i."authorId" = u."id" AND ${visibleInsightOf}
      ORDER BY i."publishedAt" DESC
      LIMIT 1
    ) latest
    WHERE u."status" = 'ACTIVE'
    ORDER BY u."id"
    OFFSET ${offset} LIMIT ${limit}`;
  return rows.map((row) => ({
    path: `/members/${row.handle}`,
    lastModified: row.lastModified?.toISOString() ?? null,
  }));
}

const loaders: Record<SitemapKind, (offset: number, limit: number) => Promise<SitemapEntry[]>> = {
  pages: loadPageEntries,
  articles: loadArticleEntries,
  members: loadMemberEntries,
};

/** The URLs of one sitemap chunk; an empty list for an id that names no chunk. */
export async function getSitemapChunk(id: string, chunkSize = SITEMAP_CHUNK_SIZE): Promise<SitemapEntry[]> {
  const chunk = parseSitemapChunkId(id);
  if (!chunk) return [];
  return cached(
    () => loaders[chunk.kind](chunk.index * chunkSize, chunkSize),
    ["sitemap-chunk", id, String(chunkSize)],
    [tags.articles, tags.domains],
  );
}
