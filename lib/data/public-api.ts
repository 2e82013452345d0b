import "server-only";
import type { z } from "zod";
import { fieldErrorsFrom } from "@/lib/action-result";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ArticleKind } from "@/lib/generated/prisma/enums";
import { siteUrl } from "@/lib/site";
import {
  insightCursor,
  publicArticleRequestSchema,
  publicMemberInsightsRequestSchema,
  publicSectionInsightsRequestSchema,
  type InsightCursor,
  type PublicArticleRequest,
  type PublicMemberInsightsRequest,
  type PublicSectionInsightsRequest,
} from "@/lib/validation/public-api";
import { cached } from "./cache";
import { publishedArticle, readableInsightSelect, resolveArticleSlug, visibleInsight } from "./content";

// Reads behind the public JSON API (app/api/v1). Each function takes the request's parameters as they came
// (untrusted strings), parses them, and throws AppError INVALID_INPUT or NOT_FOUND. Data goes through Next's
// data cache under the tags the site's writes already revalidate (article:<id>, member-handle:<handle>), so
// the API refreshes whenever the pages do. Cached values cross a JSON boundary: dates are ISO strings, and
// absolute URLs are added after the cache, so a change of public origin never serves stale links.

export type PublicReactions = {
  like: number;
  insightful: number;
  helpful: number;
  celebrate: number;
  unhelpful: number;
};
export type PublicAuthor = { name: string; handle: string; headline: string; profileUrl: string };
export type PublicInsight = {
  id: string;
  /** Markdown source */
  body: string;
  publishedAt: string;
  editedAt: string | null;
  author: PublicAuthor;
  reactions: PublicReactions;
};
export type PublicSection = {
  anchor: string;
  title: string;
  /** Markdown source */
  body: string;
  acceptsInsights: boolean;
  insightCount: number;
  insights: PublicInsight[];
  /** continue with GET /api/v1/articles/{slug}/sections/{anchor}/insights?cursor=; null on the last page */
  nextCursor: string | null;
};
export type PublicArticle = {
  slug: string;
  title: string;
  summary: string;
  kind: ArticleKind;
  publishedAt: string;
  updatedAt: string;
  url: string;
  domain: { name: string; slug: string };
  sections: PublicSection[];
};
export type PublicArticleLink = { slug: string; title: string; url: string };
export type PublicSectionInsights = {
  article: PublicArticleLink;
  section: { anchor: string; title: string; insightCount: number };
  insights: PublicInsight[];
  nextCursor: string | null;
};
export type PublicMemberInsight = PublicInsight & {
  article: PublicArticleLink;
  section: { anchor: string; title: string };
};
export type PublicMemberInsights = {
  member: PublicAuthor;
  insights: PublicMemberInsight[];
  nextCursor: string | null;
};

/** Newest first; the id breaks ties so that the keyset below visits every insight exactly once. */
const newestFirst = [{ publishedAt: "desc" }, { id: "asc" }] as const;

/** Insights after `position` in `newestFirst` order. */
function after(position: InsightCursor | undefined) {
  if (!position) return {};
  return {
    OR: [
      { publishedAt: { lt: position.publishedAt } },
      { publishedAt: position.publishedAt, id: { gt: position.id } },
    ],
  };
}

type InsightRow = {
  id: string;
  body: string;
  publishedAt: Date | null;
  editedAt: Date | null;
  likeCount: number;
  insightfulCount: number;
  helpfulCount: number;
  celebrateCount: number;
  unhelpfulCount: number;
  author: { name: string; handle: string; headline: string };
};
/** An insight as cached: JSON-safe, without URLs. */
type InsightRecord = Omit<PublicInsight, "author"> & { author: Omit<PublicAuthor, "profileUrl"> };
type InsightPage<T> = { insights: T[]; nextCursor: string | null };

function toInsightRecord(row: InsightRow): InsightRecord {
  return {
    id: row.id,
    body: row.body,
    // Published insights always have a date (CHECK in SQL); the fallback only satisfies the type.
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    author: row.author,
    reactions: {
      like: row.likeCount,
      insightful: row.insightfulCount,
      helpful: row.helpfulCount,
      celebrate: row.celebrateCount,
      unhelpful: row.unhelpfulCount,
    },
  };
}

/** One page from rows fetched with `take: limit + 1`: the extra row only says whether more follow. */
function toPage<R extends { id: string; publishedAt: Date | null }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
): InsightPage<T> {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  const nextCursor =
    rows.length > limit && last?.publishedAt
      ? insightCursor.encode({ publishedAt: last.publishedAt, id: last.id })
      : null;
  return { insights: shown.map(map), nextCursor };
}

function absoluteUrl(path: string): string {
  return new URL(path, siteUrl()).toString();
}
const articleUrl = (slug: string) => absoluteUrl(`/articles/${slug}`);
const profileUrl = (handle: string) => absoluteUrl(`/members/${handle}`);

function toPublicAuthor(author: Omit<PublicAuthor, "profileUrl">): PublicAuthor {
  return { ...author, profileUrl: profileUrl(author.handle) };
}
function toPublicInsight<T extends InsightRecord>(insight: T): Omit<T, "author"> & { author: PublicAuthor } {
  return { ...insight, author: toPublicAuthor(insight.author) };
}

/** The parsed request, or AppError INVALID_INPUT naming each bad parameter. */
function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fieldErrors = fieldErrorsFrom(result.error);
    throw new AppError("INVALID_INPUT", `Invalid parameter: ${Object.keys(fieldErrors).join(", ")}.`, {
      fieldErrors,
    });
  }
  return result.data;
}

/** The id of the published article at `slug`, or AppError NOT_FOUND. */
async function requirePublishedArticleId(slug: string): Promise<string> {
  const id = await resolveArticleSlug(slug);
  if (!id) throw new AppError("NOT_FOUND", "No published article has this slug.");
  return id;
}

/** A published article with its sections and, per section, the newest `insightsPerSection` insights. */
export async function getPublicArticle(input: PublicArticleRequest): Promise<PublicArticle> {
  const { slug, insightsPerSection } = parseRequest(publicArticleRequestSchema, input);
  const articleId = await requirePublishedArticleId(slug);
  const article = await cached(
    async () => {
      const row = await db.article.findFirst({
        where: { id: articleId, ...publishedArticle },
        select: {
          slug: true,
          title: true,
          summary: true,
          kind: true,
          publishedAt: true,
          updatedAt: true,
          domain: { select: { name: true, slug: true } },
          sections: {
            select: { id: true, anchor: true, title: true, body: true, acceptsInsights: true },
            orderBy: { position: "asc" },
          },
        },
      });
      if (!row) return null;
      const sectionIds = row.sections.map((section) => section.id);
      // One query per section (index Insight(sectionId, status, publishedAt)) so a busy section cannot
      // crowd the others out of a shared limit; one grouped count for all of them.
      const [pages, counts] = await Promise.all([
        Promise.all(
          sectionIds.map(async (sectionId) =>
            toPage(
              await db.insight.findMany({
                where: { sectionId, ...visibleInsight },
                select: readableInsightSelect,
                orderBy: [...newestFirst],
                take: insightsPerSection + 1,
              }),
              insightsPerSection,
              toInsightRecord,
            ),
          ),
        ),
        db.insight.groupBy({
          by: ["sectionId"],
          where: { sectionId: { in: sectionIds }, ...visibleInsight },
          _count: { _all: true },
        }),
      ]);
      const countBySection = new Map(counts.map((count) => [count.sectionId, count._count._all]));
      return {
        slug: row.slug,
        title: row.title,
        summary: row.summary,
        kind: row.kind,
        publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        domain: row.domain,
        sections: row.sections.map(({ id, ...section }, index) => ({
          ...section,
          insightCount: countBySection.get(id) ?? 0,
          ...(pages[index] ?? { insights: [], nextCursor: null }),
        })),
      };
    },
    ["public-article", articleId, String(insightsPerSection)],
    [tags.article(articleId)],
  );
  if (!article) throw new AppError("NOT_FOUND", "No published article has this slug.");
  return {
    ...article,
    url: articleUrl(article.slug),
    sections: article.sections.map((section) => ({
      ...section,
      insights: section.insights.map(toPublicInsight),
    })),
  };
}

/** One page of a section's insights, newest first, continuing after `cursor`. */
export async function listPublicSectionInsights(
  input: PublicSectionInsightsRequest,
): Promise<PublicSectionInsights> {
  const { slug, anchor, cursor, limit } = parseRequest(publicSectionInsightsRequestSchema, input);
  const articleId = await requirePublishedArticleId(slug);
  const result = await cached(
    async () => {
      const section = await db.section.findFirst({
        where: { anchor, article: { id: articleId, ...publishedArticle } },
        select: { id: true, anchor: true, title: true, article: { select: { slug: true, title: true } } },
      });
      if (!section) return null;
      const [insightCount, rows] = await Promise.all([
        db.insight.count({ where: { sectionId: section.id, ...visibleInsight } }),
        db.insight.findMany({
          where: { sectionId: section.id, ...visibleInsight, ...after(cursor) },
          select: readableInsightSelect,
          orderBy: [...newestFirst],
          take: limit + 1,
        }),
      ]);
      return {
        article: section.article,
        section: { anchor: section.anchor, title: section.title, insightCount },
        ...toPage(rows, limit, toInsightRecord),
      };
    },
    ["public-section-insights", articleId, anchor, cursor ? insightCursor.encode(cursor) : "", String(limit)],
    [tags.article(articleId)],
  );
  if (!result) throw new AppError("NOT_FOUND", "This article has no section with this anchor.");
  return {
    ...result,
    article: { ...result.article, url: articleUrl(result.article.slug) },
    insights: result.insights.map(toPublicInsight),
  };
}

/**
 * One page of a member's published insights on published articles, newest first, continuing after
 * `cursor`. Unknown and banned members are NOT_FOUND (as their profile page is); a suspended member is
 * found but shows no insights, as on the article pages.
 */
export async function listPublicMemberInsights(
  input: PublicMemberInsightsRequest,
): Promise<PublicMemberInsights> {
  const { handle, cursor, limit } = parseRequest(publicMemberInsightsRequestSchema, input);
  const result = await cached(
    async () => {
      const member = await db.user.findUnique({
        where: { handle },
        select: { id: true, name: true, handle: true, headline: true, status: true },
      });
      if (!member || member.status === "BANNED") return null;
      const rows = await db.insight.findMany({
        where: {
          authorId: member.id,
          ...visibleInsight,
          section: { article: publishedArticle },
          ...after(cursor),
        },
        select: {
          ...readableInsightSelect,
          section: {
            select: { anchor: true, title: true, article: { select: { slug: true, title: true } } },
          },
        },
        orderBy: [...newestFirst],
        take: limit + 1,
      });
      return {
        member: { name: member.name, handle: member.handle, headline: member.headline },
        ...toPage(rows, limit, (row) => ({
          ...toInsightRecord(row),
          article: row.section.article,
          section: { anchor: row.section.anchor, title: row.section.title },
        })),
      };
    },
    ["public-member-insights", handle, cursor ? insightCursor.encode(cursor) : "", String(limit)],
    [tags.memberHandle(handle)],
  );
  if (!result) throw new AppError("NOT_FOUND", "No member has this handle.");
  return {
    member: toPublicAuthor(result.member),
    insights: result.insights.map((insight) => ({
      ...toPublicInsight(insight),
      article: { ...insight.article, url: articleUrl(insight.article.slug) },
    })),
    nextCursor: result.nextCursor,
  };
}
