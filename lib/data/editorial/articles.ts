import "server-only";
import { changed, type Changed } from "@/lib/cache-expiry";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { describeOutlineErrors, parseOutline } from "@/lib/domain/outline";
import { AppError } from "@/lib/errors";
import type { ArticleKind, ArticleStatus } from "@/lib/generated/prisma/enums";
import type {
  ArticleListInput,
  CreateArticleInput,
  ImportOutlineInput,
  UpdateArticleInput,
} from "@/lib/validation/editorial";
import type { ArticleView } from "../content";
import type { Tx } from "../transaction";
import type { SessionUser } from "../users";
import type { AdminArticle } from "./shared";
import {
  articleFieldsSelect,
  assertMayEditContent,
  changeArticle,
  iso,
  loadAdminArticle,
  recordEdit,
} from "./shared";
import {
  anchorFor,
  assertArticleSlugFree,
  lockArticleSlugs,
  newArticleSlug,
  oldSlugsOf,
  slugConflict,
} from "./slugs";

// Articles in the back office: the list, the editor's and the preview's reads, what readers said, and
// writing drafts (created, imported from an outline) and their title, slug, summary, kind and domain.

export const ADMIN_ARTICLE_PAGE_SIZE = 25;
export const FEEDBACK_REASON_PAGE_SIZE = 20;

export type AdminArticleRow = {
  id: string;
  title: string;
  slug: string;
  kind: ArticleKind;
  status: ArticleStatus;
  publishedAt: string | null;
  scheduledAt: string | null;
  domain: { id: string; name: string };
  sectionCount: number;
};
export type AdminArticlePage = {
  articles: AdminArticleRow[];
  page: number;
  pageCount: number;
  total: number;
};

export type ArticleFeedbackSummary = {
  yes: number;
  no: number;
  reasons: { reason: string; at: string }[];
  page: number;
  pageCount: number;
};

/** An article as the editor shows it: every field, its sections with their insight counts, its old slugs. */
export async function getArticleForEdit(actor: SessionUser, id: string): Promise<AdminArticle | null> {
  assertMayEditContent(actor);
  return loadAdminArticle(db, id);
}

/** One page of articles of every status, newest first, filtered by status and domain. */
export async function listArticlesForAdmin(
  actor: SessionUser,
  query: ArticleListInput,
): Promise<AdminArticlePage> {
  assertMayEditContent(actor);
  const where = {
    ...(query.domain ? { domainId: query.domain } : {}),
    ...(query.status === "published" ? { status: "PUBLISHED" as const } : {}),
    ...(query.status === "draft" ? { status: "DRAFT" as const, scheduledAt: null } : {}),
    ...(query.status === "scheduled" ? { status: "DRAFT" as const, scheduledAt: { not: null } } : {}),
  };
  const total = await db.article.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_ARTICLE_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.article.findMany({
    where,
    select: {
      id: true,
      title: true,
      slug: true,
      kind: true,
      status: true,
      publishedAt: true,
      scheduledAt: true,
      domain: { select: { id: true, name: true } },
      _count: { select: { sections: true } },
    },
    // cuids begin with their creation time, so the primary key's order is creation order, and indexed.
    orderBy: { id: "desc" },
    skip: (page - 1) * ADMIN_ARTICLE_PAGE_SIZE,
    take: ADMIN_ARTICLE_PAGE_SIZE,
  });
  return {
    articles: rows.map(({ _count, ...row }) => ({
      ...row,
      publishedAt: iso(row.publishedAt),
      scheduledAt: iso(row.scheduledAt),
      sectionCount: _count.sections,
    })),
    page,
    pageCount,
    total,
  };
}

/**
 * The article as readers would see it, whatever its status, for the admin's preview. Insights are not
 * part of a preview: a draft takes none, and the published page shows them as they come.
 */
export async function getArticlePreview(
  actor: SessionUser,
  id: string,
): Promise<{ view: ArticleView; status: ArticleStatus; scheduledAt: string | null } | null> {
  assertMayEditContent(actor);
  const row = await db.article.findUnique({
    where: { id },
    select: {
      ...articleFieldsSelect,
      domain: {
        select: { id: true, name: true, slug: true, parent: { select: { name: true, slug: true } } },
      },
      sections: {
        select: { id: true, anchor: true, title: true, body: true, acceptsInsights: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!row) return null;
  const yesCount = await db.articleFeedback.count({ where: { articleId: id, liked: true } });
  return {
    status: row.status,
    scheduledAt: iso(row.scheduledAt),
    view: {
      id: row.id,
      slug: row.slug,
      title: row.title,
      summary: row.summary,
      kind: row.kind,
      // What readers will see once it is out: the scheduled time, or now.
      publishedAt: (row.publishedAt ?? row.scheduledAt ?? new Date()).toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      domain: row.domain,
      yesCount,
      sections: row.sections.map((section) => ({ ...section, insights: [], insightCount: 0 })),
    },
  };
}

/** "What readers said": the Yes/No counts of "Like this article?" and one page of the reasons given. */
export async function getArticleFeedbackSummary(
  actor: SessionUser,
  articleId: string,
  page: number,
): Promise<ArticleFeedbackSummary> {
  assertMayEditContent(actor);
  const counts = await db.articleFeedback.groupBy({
    by: ["liked"],
    where: { articleId },
    _count: { _all: true },
  });
  const withReason = { articleId, liked: false, reason: { not: null } } as const;
  const reasonCount = await db.articleFeedback.count({ where: withReason });
  const pageCount = Math.max(1, Math.ceil(reasonCount / FEEDBACK_REASON_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const reasons = await db.articleFeedback.findMany({
    where: withReason,
    select: { reason: true, updatedAt: true },
    orderBy: [{ updatedAt: "desc" }, { userId: "asc" }],
    skip: (current - 1) * FEEDBACK_REASON_PAGE_SIZE,
    take: FEEDBACK_REASON_PAGE_SIZE,
  });
  return {
    yes: counts.find((c) => c.liked)?._count._all ?? 0,
    no: counts.find((c) => !c.liked)?._count._all ?? 0,
    reasons: reasons.map((r) => ({ reason: r.reason ?? "", at: r.updatedAt.toISOString() })),
    page: current,
    pageCount,
  };
}

async function ensureDomain(tx: Tx, domainId: string): Promise<void> {
  const domain = await tx.domain.findUnique({ where: { id: domainId }, select: { id: true } });
  if (!domain) {
    throw new AppError("INVALID_INPUT", "That domain no longer exists.", {
      fieldErrors: { domainId: "Choose a domain." },
    });
  }
}

type DraftFields = {
  domainId: string;
  kind: ArticleKind;
  title: string;
  /** as the admin typed it; empty makes one from the title */
  slug: string;
  summary: string;
  sections: { title: string; body: string }[];
};

/**
 * Writes a new draft with its sections and its one audit row. Drafts are on no cached page: nothing to
 * refresh. `auditData` adds to what the audit entry records.
 */
async function insertDraft(
  actor: SessionUser,
  draft: DraftFields,
  auditData: Record<string, string | number | boolean> = {},
): Promise<Changed<{ id: string; slug: string }>> {
  try {
    return await db.$transaction(async (tx) => {
      await lockArticleSlugs(tx);
      await ensureDomain(tx, draft.domainId);
      const slug = await newArticleSlug(tx, draft, draft.slug);
      const anchors = new Set<string>();
      const article = await tx.article.create({
        data: {
          domainId: draft.domainId,
          kind: draft.kind,
          title: draft.title,
          slug,
          summary: draft.summary,
          sections: {
            create: draft.sections.map((section, position) => ({
              position,
              title: section.title,
              anchor: anchorFor(section.title, anchors),
              body: section.body,
            })),
          },
        },
        select: { id: true, slug: true },
      });
      await recordEdit(tx, actor.id, "article.create", article.id, {
        title: draft.title,
        slug,
        domainId: draft.domainId,
        kind: draft.kind,
        ...auditData,
      });
      return changed(article, []);
    });
  } catch (error) {
    slugConflict(error, "article");
  }
}

/** Creates a draft with no sections yet. */
export async function createArticle(
  actor: SessionUser,
  input: CreateArticleInput,
): Promise<Changed<{ id: string; slug: string }>> {
  assertMayEditContent(actor);
  const { domainId, kind, title, slug, summary } = input;
  return insertDraft(actor, { domainId, kind, title, slug, summary, sections: [] });
}

/** Creates a draft from a Markdown outline: its title, summary and one section per "## " heading. */
export async function importOutline(
  actor: SessionUser,
  input: ImportOutlineInput,
): Promise<Changed<{ id: string; slug: string; sectionCount: number }>> {
  assertMayEditContent(actor);
  const parsed = parseOutline(input.markdown);
  if (!parsed.ok) {
    throw new AppError("INVALID_INPUT", "The outline needs a few fixes before it can be imported.", {
      fieldErrors: { markdown: describeOutlineErrors(parsed.errors) },
    });
  }
  const { title, summary, sections } = parsed.outline;
  const created = await insertDraft(
    actor,
    { domainId: input.domainId, kind: input.kind, title, slug: "", summary, sections },
    { imported: true, sections: sections.length },
  );
  return { ...created, sectionCount: sections.length };
}

/**
 * Changes an article's title, slug, summary, kind or domain. A new slug for an article that has ever been
 * published keeps the old one redirecting; taking back one of its own old slugs removes that redirect.
 */
export async function updateArticle(
  actor: SessionUser,
  input: UpdateArticleInput,
): Promise<Changed<{ article: AdminArticle }>> {
  assertMayEditContent(actor);
  try {
    return await changeArticle(input.id, async (tx, before) => {
      const slugChanged = before.slug !== input.slug;
      if (slugChanged) {
        await lockArticleSlugs(tx);
        await assertArticleSlugFree(tx, input.slug, input.id);
      }
      if (before.domainId !== input.domainId) await ensureDomain(tx, input.domainId);

      const fields = ["title", "slug", "summary", "kind", "domainId"] as const;
      const changes = Object.fromEntries(
        fields
          .filter((field) => before[field] !== input[field])
          .map((f) => [f, { from: before[f], to: input[f] }]),
      );
      if (Object.keys(changes).length === 0) return [];
      const oldSlugs = await oldSlugsOf(tx, input.id);
      if (slugChanged) {
        await tx.articleSlugRedirect.deleteMany({ where: { slug: input.slug, articleId: input.id } });
        // A slug readers never saw needs no redirect.
        if (before.publishedAt !== null) {
          await tx.articleSlugRedirect.create({ data: { slug: before.slug, articleId: input.id } });
        }
      }
      await tx.article.update({
        where: { id: input.id },
        data: {
          title: input.title,
          slug: input.slug,
          summary: input.summary,
          kind: input.kind,
          domainId: input.domainId,
        },
        select: { id: true },
      });
      await recordEdit(tx, actor.id, "article.update", input.id, changes);
      if (before.status !== "PUBLISHED") return [];
      return [
        tags.article(input.id),
        tags.articles,
        ...(slugChanged ? [before.slug, input.slug, ...oldSlugs].map((slug) => tags.articleSlug(slug)) : []),
        ...(before.domainId !== input.domainId
          ? [tags.domains, tags.domain(before.domainId), tags.domain(input.domainId)]
          : []),
      ];
    });
  } catch (error) {
    slugConflict(error, "article");
  }
}
