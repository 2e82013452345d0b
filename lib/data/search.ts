import "server-only";
import { db } from "@/lib/db";
import {
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  hasHighlight,
  parseHighlight,
  parseSnippet,
  unhighlighted,
  type HighlightSegment,
} from "@/lib/domain/search";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleKind } from "@/lib/generated/prisma/enums";
import {
  normalizeSearchQuery,
  SEARCH_PAGE_MAX,
  SEARCH_PAGE_SIZE,
  type SearchKind,
  type SearchRequest,
} from "@/lib/validation/search";
import type { DomainLink } from "./content";

// Full-text search over published articles (title, summary, section titles and bodies) and the insights
// readers can see. The documents are generated tsvector columns with GIN indexes (migration
// 20261122100000_editorial_discovery); every match below is written exactly as
//   "search" @@ websearch_to_tsquery('english'::regconfig, <text>)
// (matchesDocument) so that PostgreSQL can answer it from those indexes: search.integration.test.ts checks
// the plan ("Bitmap Index Scan on "Article_search_idx"" / "Insight_search_idx"), and bench/search.ts shows
// the whole queries' plans at scale. The configuration must stay 'english', the one the documents are built
// with, or stemmed words stop matching. websearch_to_tsquery accepts any text (quotes, OR, a leading minus;
// stray operators are ignored), and the text reaches it only as a bind parameter.
//
// Results are not cached: queries are unbounded in number and each one is a few index lookups. Only the
// rows of the page asked for get headlines (ts_headline reads the whole document, so it runs last).

/** Counts stop here: the page shows "500+", and no page lists results beyond it. */
export const SEARCH_COUNT_CAP = SEARCH_PAGE_SIZE * SEARCH_PAGE_MAX;
/** The newest matching insights a search ranks (see insightHitsSql): twice what the pages can list. */
export const INSIGHT_CANDIDATES = 2 * SEARCH_COUNT_CAP;
/** Results per kind in the "all" overview. */
export const SEARCH_OVERVIEW_SIZE = 5;

export type SearchDomain = DomainLink & { parent: DomainLink | null };
export type ArticleHit = {
  id: string;
  slug: string;
  kind: ArticleKind;
  /** the title, every match highlighted */
  title: HighlightSegment[];
  /** the summary and sections, or a passage of them from the best match on; the summary alone when only
   * the title matched */
  snippet: HighlightSegment[];
  publishedAt: string;
  domain: SearchDomain;
};
export type InsightHit = {
  id: string;
  snippet: HighlightSegment[];
  publishedAt: string;
  author: { name: string; handle: string };
  article: { slug: string; title: string };
  section: { anchor: string; title: string };
  domain: SearchDomain;
};
export type SearchCounts = { articles: number; guides: number; insights: number };
export type SearchResults = {
  /** `empty`: nothing to search for; `no-terms`: only stop words, symbols or excluded words; `ok`: searched */
  status: "empty" | "no-terms" | "ok";
  /** the domain filter in effect: null when none was asked for or the slug names no domain */
  domain: DomainLink | null;
  /** matches per kind, each capped at SEARCH_COUNT_CAP */
  counts: SearchCounts;
  /** kind "all": the first SEARCH_OVERVIEW_SIZE of each kind; otherwise the asked-for page of that kind */
  articles: ArticleHit[];
  guides: ArticleHit[];
  insights: InsightHit[];
  /** pages of the asked-for kind (1 for "all" and for no results) */
  pageCount: number;
};

const NO_COUNTS: SearchCounts = { articles: 0, guides: 0, insights: 0 };

type Filter = { domainIds: string[] | null };
type Page = { limit: number; offset: number };

const HEADLINE_MARKERS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`;
/** The whole text, every match marked. */
const TITLE_HEADLINE = `${HEADLINE_MARKERS}, HighlightAll=true`;
/** Texts up to this many characters are shown whole in results (line-clamped by the page). */
const SHORT_TEXT = 320;
// Longer texts: one passage from the best match on. (ts_headline's fragment mode, MaxFragments > 0, would
// give context before the match too, but drops the last words of a text.)
const SNIPPET_HEADLINE = `${HEADLINE_MARKERS}, MaxWords=35, MinWords=15`;

/** The query as PostgreSQL parses it; IMMUTABLE, so it is folded to a constant when planning. */
const tsquery = (text: string) => Prisma.sql`websearch_to_tsquery('english'::regconfig, ${text})`;

/** Stored text with the highlight markers removed, so only ts_headline's markers reach parseHighlight. */
const unmarked = (column: Prisma.Sql) => Prisma.sql`translate(${column}, chr(1) || chr(2), '')`;

/**
 * Columns for a passage of `column` (a text expression) with the matches of the search text marked: the
 * whole text when it is short, else a passage; with the text's first and last characters, from which
 * parseSnippet tells where the passage was cut.
 */
function snippetColumns(column: Prisma.Sql, text: string) {
  const source = unmarked(column);
  return Prisma.sql`
    CASE WHEN char_length(${column}) <= ${SHORT_TEXT}
      THEN ts_headline('english'::regconfig, ${source}, ${tsquery(text)}, ${TITLE_HEADLINE})
      ELSE ts_headline('english'::regconfig, ${source}, ${tsquery(text)}, ${SNIPPET_HEADLINE})
    END AS "snippetHeadline",
    left(${source}, 80) AS "sourceStart", right(${source}, 80) AS "sourceEnd"`;
}

/** `document` (a tsvector column) matches the search text. Exported for the EXPLAIN test. */
export const matchesDocument = (document: Prisma.Sql, text: string) =>
  Prisma.sql`${document} @@ ${tsquery(text)}`;

const inDomains = (filter: Filter) =>
  filter.domainIds ? Prisma.sql`AND a."domainId" IN (${Prisma.join(filter.domainIds)})` : Prisma.empty;

/**
 * The published articles matching `text`, counted per kind, and `page` of those of the kinds in `listed`.
 * One scan serves the counts of both kinds and the overview's articles and guides. ts_rank_cd weighs a
 * title match (A, 1.0) over the summary (B, 0.4) over the sections (C, 0.2); ties go to the newer article,
 * then the id, so pages never overlap. Every match is ranked (unless nothing is listed): articles are
 * written by editors, thousands rather than millions (bench/search.ts). One row per kind with matches,
 * its `id` null when that kind lists nothing on this page. Exported for bench/search.ts's EXPLAIN.
 */
export function articleSearchSql(text: string, listed: ArticleKind[], filter: Filter, page: Page) {
  const rank = listed.length > 0 ? Prisma.sql`ts_rank_cd(a."search", ${tsquery(text)})` : Prisma.sql`0`;
  const listedKinds =
    listed.length > 0
      ? Prisma.sql`m."kind" IN (${Prisma.join(listed.map((kind) => Prisma.sql`${kind}::"ArticleKind"`))})`
      : Prisma.sql`false`;
  return Prisma.sql`
    WITH "matches" AS MATERIALIZED (
      SELECT a."id", a."kind", a."publishedAt", ${rank}::real AS "rank"
      FROM "Article" a
      WHERE ${matchesDocument(Prisma.sql`a."search"`, text)} AND a."status" = 'PUBLISHED' ${inDomains(filter)}
    ), "totals" AS (
      SELECT m."kind", count(*)::int AS "total" FROM "matches" m GROUP BY m."kind"
    ), "ranked" AS (
      SELECT m.*,
        row_number() OVER (PARTITION BY m."kind" ORDER BY m."rank" DESC, m."publishedAt" DESC, m."id") AS "position"
      FROM "matches" m
      WHERE ${listedKinds}
    )
    SELECT t."kind"::text AS "kind", t."total", h."id", a."slug", a."publishedAt", a."summary",
      ts_headline('english'::regconfig, ${unmarked(Prisma.sql`a."title"`)}, ${tsquery(text)}, ${TITLE_HEADLINE})
        AS "titleHeadline",
      ${snippetColumns(Prisma.sql`a."summary" || E'\n\n' || a."searchText"`, text)},
      d."name" AS "domainName", d."slug" AS "domainSlug", p."name" AS "parentName", p."slug" AS "parentSlug"
    FROM "totals" t
    LEFT JOIN "ranked" h
      ON h."kind" = t."kind" AND h."position" > ${page.offset} AND h."position" <= ${page.offset + page.limit}
    LEFT JOIN "Article" a ON a."id" = h."id"
    LEFT JOIN "Domain" d ON d."id" = a."domainId"
    LEFT JOIN "Domain" p ON p."id" = d."parentId"
    ORDER BY t."kind", h."position"`;
}

/** Insights readers can see (visibleInsight in lib/data/content.ts, on a published article) matching `text`. */
function insightMatchesSql(text: string, filter: Filter) {
  return Prisma.sql`
    FROM "Insight" i
    JOIN "User" u ON u."id" = i."authorId"
    JOIN "Section" s ON s."id" = i."sectionId"
    JOIN "Article" a ON a."id" = s."articleId"
    WHERE ${matchesDocument(Prisma.sql`i."search"`, text)}
      AND i."status" = 'PUBLISHED' AND i."deletedAt" IS NULL AND u."status" = 'ACTIVE'
      AND a."status" = 'PUBLISHED' ${inDomains(filter)}`;
}

/**
 * One page of matching insights, best first, then newest, then by id. Members write insights by the
 * hundred thousand, and a common word matches a good part of them: ranking every match would cost time in
 * proportion to the whole table. So the ranking considers the INSIGHT_CANDIDATES newest matches (for a
 * rare word, all of them): PostgreSQL reads a common word's newest matches backwards from the index
 * Insight(status, createdAt), stopping at the limit, and a rare word's from the GIN index. The candidates
 * are ordered by createdAt alone so that the index gives that order (equal times keep the index's order);
 * they carry no tsvector through the sort, which is ranked on the few rows left. Exported for
 * bench/search.ts's EXPLAIN.
 */
export function insightHitsSql(text: string, filter: Filter, page: Page) {
  return Prisma.sql`
    SELECT h."id", i."publishedAt",
      ${snippetColumns(Prisma.sql`i."body"`, text)},
      u."name" AS "authorName", u."handle" AS "authorHandle",
      s."anchor" AS "sectionAnchor", s."title" AS "sectionTitle",
      a."slug" AS "articleSlug", a."title" AS "articleTitle",
      d."name" AS "domainName", d."slug" AS "domainSlug", p."name" AS "parentName", p."slug" AS "parentSlug"
    FROM (
      SELECT c."id", c."publishedAt", ts_rank_cd(ci."search", ${tsquery(text)}) AS "rank"
      FROM (
        SELECT i."id", i."publishedAt"
        ${insightMatchesSql(text, filter)}
        ORDER BY i."createdAt" DESC
        LIMIT ${INSIGHT_CANDIDATES}
      ) c
      JOIN "Insight" ci ON ci."id" = c."id"
      ORDER BY "rank" DESC, c."publishedAt" DESC, c."id"
      LIMIT ${page.limit} OFFSET ${page.offset}
    ) h
    JOIN "Insight" i ON i."id" = h."id"
    JOIN "User" u ON u."id" = i."authorId"
    JOIN "Section" s ON s."id" = i."sectionId"
    JOIN "Article" a ON a."id" = s."articleId"
    JOIN "Domain" d ON d."id" = a."domainId"
    LEFT JOIN "Domain" p ON p."id" = d."parentId"
    ORDER BY h."rank" DESC, h."publishedAt" DESC, h."id"`;
}

type SnippetColumns = { snippetHeadline: string; sourceStart: string; sourceEnd: string };
type DomainColumns = {
  domainName: string;
  domainSlug: string;
  parentName: string | null;
  parentSlug: string | null;
};
/** A row of articleSearchSql: a kind's total, and one of its articles unless `id` is null. */
type ArticleRow = Partial<DomainColumns> & {
  kind: ArticleKind;
  total: number;
  id: string | null;
  slug: string | null;
  publishedAt: Date | null;
  summary: string | null;
  titleHeadline: string | null;
} & Partial<SnippetColumns>;
type InsightRow = DomainColumns &
  SnippetColumns & {
    id: string;
    publishedAt: Date | null;
    authorName: string;
    authorHandle: string;
    sectionAnchor: string;
    sectionTitle: string;
    articleSlug: string;
    articleTitle: string;
  };

function domainOf(row: DomainColumns): SearchDomain {
  return {
    name: row.domainName,
    slug: row.domainSlug,
    parent: row.parentName && row.parentSlug ? { name: row.parentName, slug: row.parentSlug } : null,
  };
}

type ArticleSearch = { totals: Record<ArticleKind, number>; hits: ArticleHit[] };

/**
 * How many published articles of each kind match `text`, and `page` of those of the kinds in `listed`,
 * best first (each kind ranked on its own).
 */
export async function searchArticles(
  text: string,
  listed: ArticleKind[],
  filter: Filter,
  page: Page,
): Promise<ArticleSearch> {
  const rows = await db.$queryRaw<ArticleRow[]>(articleSearchSql(text, listed, filter, page));
  const totals = { COLLABORATIVE: 0, GUIDE: 0 };
  const hits: ArticleHit[] = [];
  for (const row of rows) {
    totals[row.kind] = row.total;
    if (row.id === null || row.slug === null) continue;
    const snippet = parseSnippet(row.snippetHeadline ?? "", row.sourceStart ?? "", row.sourceEnd ?? "");
    hits.push({
      id: row.id,
      slug: row.slug,
      kind: row.kind,
      title: parseHighlight(row.titleHeadline ?? ""),
      // Only the title matched: the whole summary says more than the first words of it.
      snippet: hasHighlight(snippet) ? snippet : unhighlighted(row.summary ?? ""),
      publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
      domain: domainOf(row as DomainColumns),
    });
  }
  return { totals, hits };
}

/** One page of the insights readers can see matching `text`, best first. */
export async function searchInsights(text: string, filter: Filter, page: Page): Promise<InsightHit[]> {
  const rows = await db.$queryRaw<InsightRow[]>(insightHitsSql(text, filter, page));
  return rows.map((row) => ({
    id: row.id,
    snippet: parseSnippet(row.snippetHeadline, row.sourceStart, row.sourceEnd),
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    author: { name: row.authorName, handle: row.authorHandle },
    article: { slug: row.articleSlug, title: row.articleTitle },
    section: { anchor: row.sectionAnchor, title: row.sectionTitle },
    domain: domainOf(row),
  }));
}

/** How many insights match, counting no further than SEARCH_COUNT_CAP. */
async function countInsights(text: string, filter: Filter): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM (SELECT 1 ${insightMatchesSql(text, filter)} LIMIT ${SEARCH_COUNT_CAP}) capped`;
  return row?.count ?? 0;
}

/**
 * Whether `text` has anything to look up: websearch_to_tsquery drops stop words and symbols (leaving an
 * empty query), and a query of only exclusions ("-java") matches nearly everything without an index
 * (querytree returns "T" for it), so both count as nothing to search for.
 */
async function hasSearchTerms(text: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ tree: string }[]>`SELECT querytree(${tsquery(text)}) AS "tree"`;
  const tree = row?.tree ?? "";
  return tree !== "" && tree !== "T";
}

/** The domain a slug names and the ids it covers: a parent domain includes its children. */
async function resolveDomain(slug: string | undefined): Promise<(DomainLink & { ids: string[] }) | null> {
  if (!slug) return null;
  const domain = await db.domain.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, children: { select: { id: true } } },
  });
  if (!domain) return null;
  return { name: domain.name, slug: domain.slug, ids: [domain.id, ...domain.children.map((c) => c.id)] };
}

/** What /search shows for a request (see SearchResults). Any request is answered; none throws for its text. */
export async function search(request: SearchRequest): Promise<SearchResults> {
  // Normalised again here so that no caller can hand PostgreSQL a NUL byte or an unbounded query.
  const text = normalizeSearchQuery(request.q);
  const [hasTerms, domain] = await Promise.all([
    text ? hasSearchTerms(text) : false,
    resolveDomain(request.domain),
  ]);
  const domainLink = domain ? { name: domain.name, slug: domain.slug } : null;
  const empty = {
    domain: domainLink,
    counts: NO_COUNTS,
    articles: [],
    guides: [],
    insights: [],
    pageCount: 1,
  };
  if (!text) return { status: "empty", ...empty };
  if (!hasTerms) return { status: "no-terms", ...empty };

  const filter: Filter = { domainIds: domain?.ids ?? null };
  const overview = request.kind === "all";
  const pageNumber = Math.min(Math.max(Math.trunc(request.page) || 1, 1), SEARCH_PAGE_MAX);
  const page: Page = overview
    ? { limit: SEARCH_OVERVIEW_SIZE, offset: 0 }
    : { limit: SEARCH_PAGE_SIZE, offset: (pageNumber - 1) * SEARCH_PAGE_SIZE };
  const listedKinds: Record<SearchKind, ArticleKind[]> = {
    all: ["COLLABORATIVE", "GUIDE"],
    articles: ["COLLABORATIVE"],
    guides: ["GUIDE"],
    insights: [],
  };
  const wantsInsights = overview || request.kind === "insights";

  const [articleSearch, insightCount, insights] = await Promise.all([
    searchArticles(text, listedKinds[request.kind], filter, page),
    countInsights(text, filter),
    wantsInsights ? searchInsights(text, filter, page) : [],
  ]);
  const { totals, hits } = articleSearch;
  const counts: SearchCounts = {
    articles: Math.min(totals.COLLABORATIVE, SEARCH_COUNT_CAP),
    guides: Math.min(totals.GUIDE, SEARCH_COUNT_CAP),
    insights: insightCount,
  };
  const articles = hits.filter((hit) => hit.kind === "COLLABORATIVE");
  const guides = hits.filter((hit) => hit.kind === "GUIDE");
  const listed = overview ? 0 : counts[request.kind as keyof SearchCounts];
  return {
    status: "ok",
    domain: domainLink,
    counts,
    articles,
    guides,
    insights,
    pageCount: Math.max(1, Math.ceil(listed / SEARCH_PAGE_SIZE)),
  };
}
