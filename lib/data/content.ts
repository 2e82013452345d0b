import "server-only";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { getArticleAuthorBadges, type AuthorBadge } from "./badge-views";
import { cached } from "./cache";
import { countsOf } from "./reactions";
import { rankInsights, type InsightOrder, type ReactionCounts } from "@/lib/domain/ranking";
import type { ArticleKind } from "@/lib/generated/prisma/enums";

// Reads behind the anonymous pages. Every function here is cached by Next.js under the tags in
// lib/cache-tags.ts; results cross a JSON boundary, so dates are ISO strings.

export type DomainLink = { name: string; slug: string };
export type DomainSummary = DomainLink & { id: string; description: string; articleCount: number };
export type DomainTreeItem = DomainSummary & { children: DomainSummary[] };
export type ArticleCard = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  kind: ArticleKind;
  publishedAt: string;
  domain: DomainLink;
};
export type InsightView = {
  id: string;
  body: string;
  publishedAt: string;
  editedAt: string | null;
  reactions: ReactionCounts;
  /** `badges`: the highest Contributor tier the author holds and Top Voice in the article's domain */
  author: { name: string; handle: string; headline: string; badges: AuthorBadge[] };
};
export type SectionView = {
  id: string;
  anchor: string;
  title: string;
  body: string;
  acceptsInsights: boolean;
  insights: InsightView[];
  insightCount: number;
};
export type ArticleView = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  kind: ArticleKind;
  publishedAt: string;
  updatedAt: string;
  domain: DomainLink & { id: string; parent: DomainLink | null };
  /** members who answered "Yes" to "Like this article?" */
  yesCount: number;
  sections: SectionView[];
};
export type DomainView = DomainSummary & {
  parent: DomainLink | null;
  children: DomainSummary[];
  articles: ArticleCard[];
  page: number;
  pageCount: number;
};

/** Insights a section shows before "Show more insights". */
export const SECTION_INSIGHT_LIMIT = 3;
/** The most insights one section's ranking considers. */
export const SECTION_INSIGHT_CAP = 500;
export const DOMAIN_PAGE_SIZE = 20;

const articleCardSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  kind: true,
  publishedAt: true,
  domain: { select: { name: true, slug: true } },
} as const;

function toArticleCard(row: {
  id: string;
  slug: string;
  title: string;
  summary: string;
  kind: ArticleKind;
  publishedAt: Date | null;
  domain: DomainLink;
}): ArticleCard {
  return { ...row, publishedAt: (row.publishedAt ?? new Date(0)).toISOString() };
}

export const publishedArticle = { status: "PUBLISHED" } as const;

async function countPublishedArticlesByDomain(): Promise<Map<string, number>> {
  const counts = await db.article.groupBy({
    by: ["domainId"],
    where: publishedArticle,
    _count: { _all: true },
  });
  return new Map(counts.map((row) => [row.domainId, row._count._all]));
}

/** Top-level domains with their children, each with its count of published articles. */
export const getDomainTree = (): Promise<DomainTreeItem[]> =>
  cached(
    async (): Promise<DomainTreeItem[]> => {
      const [domains, counts] = await Promise.all([
        db.domain.findMany({
          select: { id: true, name: true, slug: true, description: true, parentId: true },
          orderBy: [{ position: "asc" }, { name: "asc" }],
        }),
        countPublishedArticlesByDomain(),
      ]);
      const summary = (d: (typeof domains)[number]): DomainSummary => ({
        id: d.id,
        name: d.name,
        slug: d.slug,
        description: d.description,
        articleCount: counts.get(d.id) ?? 0,
      });
      return domains
        .filter((d) => d.parentId === null)
        .map((top) => {
          const children = domains.filter((d) => d.parentId === top.id).map(summary);
          const own = summary(top);
          return {
            ...own,
            articleCount: own.articleCount + children.reduce((n, c) => n + c.articleCount, 0),
            children,
          };
        });
    },
    ["domain-tree"],
    [tags.domains, tags.articles],
  );

export const getLatestArticles = (limit: number): Promise<ArticleCard[]> =>
  cached(
    async (): Promise<ArticleCard[]> => {
      const rows = await db.article.findMany({
        where: publishedArticle,
        select: articleCardSelect,
        orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
        take: Math.min(Math.max(limit, 1), 50),
      });
      return rows.map(toArticleCard);
    },
    ["latest-articles", String(limit)],
    [tags.articles],
  );

/** A domain page: the domain, its parent and children, and one page of its published articles. */
export async function getDomainView(slug: string, page: number): Promise<DomainView | null> {
  return cached(
    async (): Promise<DomainView | null> => {
      const domain = await db.domain.findUnique({
        where: { slug },
        select: {
          id: true,
          name: true,
          slug: true,
          description: true,
          parent: { select: { name: true, slug: true } },
          children: {
            select: { id: true, name: true, slug: true, description: true },
            orderBy: [{ position: "asc" }, { name: "asc" }],
          },
        },
      });
      if (!domain) return null;
      const domainIds = [domain.id, ...domain.children.map((c) => c.id)];
      const [counts, total, rows] = await Promise.all([
        countPublishedArticlesByDomain(),
        db.article.count({ where: { ...publishedArticle, domainId: { in: domainIds } } }),
        db.article.findMany({
          where: { ...publishedArticle, domainId: { in: domainIds } },
          select: articleCardSelect,
          orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
          skip: (page - 1) * DOMAIN_PAGE_SIZE,
          take: DOMAIN_PAGE_SIZE,
        }),
      ]);
      const children = domain.children.map((c) => ({ ...c, articleCount: counts.get(c.id) ?? 0 }));
      return {
        id: domain.id,
        name: domain.name,
        slug: domain.slug,
        description: domain.description,
        parent: domain.parent,
        articleCount: total,
        children,
        articles: rows.map(toArticleCard),
        page,
        pageCount: Math.max(1, Math.ceil(total / DOMAIN_PAGE_SIZE)),
      };
    },
    ["domain-view", slug, String(page)],
    [tags.domains, tags.articles],
  );
}

/** The id of the published article at `slug`, or null. */
export async function resolveArticleSlug(slug: string): Promise<string | null> {
  return cached(
    async () => {
      const row = await db.article.findFirst({ where: { slug, ...publishedArticle }, select: { id: true } });
      return row?.id ?? null;
    },
    ["article-slug", slug],
    [tags.articles, tags.articleSlug(slug)],
  );
}

/**
 * The current slug of the published article that used to live at `slug` (a slug changed after publishing
 * keeps redirecting), or null. Tagged with the old slug: a change to the article's slugs refreshes it.
 */
export async function resolveArticleRedirect(slug: string): Promise<string | null> {
  return cached(
    async () => {
      const row = await db.articleSlugRedirect.findUnique({
        where: { slug },
        select: { article: { select: { slug: true, status: true } } },
      });
      return row?.article.status === "PUBLISHED" ? row.article.slug : null;
    },
    ["article-redirect", slug],
    [tags.articles, tags.articleSlug(slug)],
  );
}

/** What an insight shows readers (the article page and the public API). */
export const readableInsightSelect = {
  id: true,
  body: true,
  publishedAt: true,
  editedAt: true,
  likeCount: true,
  insightfulCount: true,
  helpfulCount: true,
  celebrateCount: true,
  unhelpfulCount: true,
  author: { select: { name: true, handle: true, headline: true } },
} as const;

/** Insights readers may see: published, not deleted, by an active member. */
export const visibleInsight = { status: "PUBLISHED", deletedAt: null, author: { status: "ACTIVE" } } as const;

/**
 * A section's readable insights in "top" order (index Insight(sectionId, status, publishedAt)). Ranking
 * happens here rather than in SQL so that lib/domain/ranking.ts stays the one place the formula lives;
 * sections are capped at SECTION_INSIGHT_CAP insights, far beyond what a section collects.
 */
async function loadRankedSectionInsights(
  sectionId: string,
  order: InsightOrder,
  authorBadges: ReadonlyMap<string, AuthorBadge[]>,
): Promise<InsightView[]> {
  const rows = await db.insight.findMany({
    where: { sectionId, ...visibleInsight },
    select: { ...readableInsightSelect, authorId: true },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: SECTION_INSIGHT_CAP,
  });
  const withCounts = rows.map((row) => ({
    ...row,
    counts: countsOf(row),
    publishedAt: row.publishedAt ?? new Date(0),
  }));
  return rankInsights(withCounts, order).map((row) => ({
    id: row.id,
    body: row.body,
    publishedAt: row.publishedAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    reactions: row.counts,
    author: { ...row.author, badges: authorBadges.get(row.authorId) ?? [] },
  }));
}

/** One page of a section's insights in either order, for "Show more insights". */
export async function listSectionInsights(
  articleId: string,
  sectionId: string,
  query: { order: InsightOrder; offset: number; limit: number },
): Promise<{ insights: InsightView[]; total: number } | null> {
  return cached(
    async () => {
      const section = await db.section.findFirst({
        where: { id: sectionId, articleId, article: publishedArticle },
        select: { id: true, article: { select: { domainId: true } } },
      });
      if (!section) return null;
      const authorBadges = await getArticleAuthorBadges(articleId, section.article.domainId);
      const all = await loadRankedSectionInsights(section.id, query.order, authorBadges);
      return { insights: all.slice(query.offset, query.offset + query.limit), total: all.length };
    },
    ["section-insights", articleId, sectionId, query.order, String(query.offset), String(query.limit)],
    [tags.article(articleId)],
  );
}

/** Everything the article page shows to anonymous readers. */
export async function getArticleView(id: string): Promise<ArticleView | null> {
  return cached(
    async (): Promise<ArticleView | null> => {
      const article = await db.article.findFirst({
        where: { id, ...publishedArticle },
        select: {
          id: true,
          slug: true,
          title: true,
          summary: true,
          kind: true,
          publishedAt: true,
          updatedAt: true,
          domain: {
            select: { id: true, name: true, slug: true, parent: { select: { name: true, slug: true } } },
          },
          sections: {
            select: { id: true, anchor: true, title: true, body: true, acceptsInsights: true },
            orderBy: { position: "asc" },
          },
        },
      });
      if (!article) return null;
      const [ranked, yesCount] = await Promise.all([
        // One query for every author's badge chips, then the sections.
        getArticleAuthorBadges(article.id, article.domain.id).then((authorBadges) =>
          Promise.all(
            article.sections.map((section) => loadRankedSectionInsights(section.id, "top", authorBadges)),
          ),
        ),
        db.articleFeedback.count({ where: { articleId: article.id, liked: true } }),
      ]);
      return {
        id: article.id,
        slug: article.slug,
        title: article.title,
        summary: article.summary,
        kind: article.kind,
        publishedAt: (article.publishedAt ?? article.updatedAt).toISOString(),
        updatedAt: article.updatedAt.toISOString(),
        domain: article.domain,
        yesCount,
        sections: article.sections.map((section, index) => {
          const insights = ranked[index] ?? [];
          return {
            ...section,
            insights: insights.slice(0, SECTION_INSIGHT_LIMIT),
            insightCount: insights.length,
          };
        }),
      };
    },
    ["article-view", id],
    [tags.article(id)],
  );
}
