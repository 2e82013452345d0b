import "server-only";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { describeOutlineErrors, parseOutline } from "@/lib/domain/outline";
import { slugify } from "@/lib/domain/slug";
import { AppError, uniqueViolation } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleKind, ArticleStatus } from "@/lib/generated/prisma/enums";
import type {
  AddSectionInput,
  ArticleIdInput,
  ArticleListInput,
  CreateArticleInput,
  CreateDomainInput,
  DeleteDomainInput,
  ImportOutlineInput,
  MoveDirection,
  MoveDomainInput,
  MoveSectionInput,
  RemoveSectionInput,
  ReorderDomainInput,
  ScheduleArticleInput,
  UpdateArticleInput,
  UpdateDomainInput,
  UpdateSectionInput,
} from "@/lib/validation/editorial";
import { recordAudit } from "./audit";
import type { ArticleView } from "./content";
import type { Tx } from "./transaction";
import type { SessionUser } from "./users";

// The editorial back office: domains, articles and their sections, outline import, publishing (now or at a
// set time) and what readers said. Admins only: every function checks its actor, as every action does.
//
// Each change writes exactly one audit row in its own transaction, and returns the cache tags of the
// anonymous pages it changed, so the action refreshes those and nothing else. Drafts appear on no cached
// page, so changes to a draft return no tags.
//
// Slugs: an article's current slug and every slug it has had since it was first published (kept in
// ArticleSlugRedirect, answered with a 308) are all taken; slug changes run under one advisory lock so two
// admins cannot both take the same slug through different tables.

export const ADMIN_ARTICLE_PAGE_SIZE = 25;
export const FEEDBACK_REASON_PAGE_SIZE = 20;

const SLUG_LOCK = "editorial:article-slugs";
// Timestamps are stored as UTC wall-clock time without a zone; plain now() would write the session's zone.
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
const DOMAIN_TREE_LOCK = "editorial:domain-tree";

// ---- DTOs --------------------------------------------------------------------------------------------------

export type AdminDomain = {
  id: string;
  name: string;
  slug: string;
  description: string;
  parentId: string | null;
  /** articles in this domain itself, drafts included */
  articleCount: number;
  childCount: number;
};
export type AdminDomainNode = AdminDomain & { children: AdminDomain[] };

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

export type AdminSection = {
  id: string;
  title: string;
  anchor: string;
  body: string;
  acceptsInsights: boolean;
  /** insights of any status: a section that has some cannot be removed */
  insightCount: number;
};
export type AdminArticle = {
  id: string;
  title: string;
  slug: string;
  summary: string;
  kind: ArticleKind;
  status: ArticleStatus;
  publishedAt: string | null;
  scheduledAt: string | null;
  updatedAt: string;
  domain: { id: string; name: string; slug: string };
  /** slugs that redirect here (308) */
  oldSlugs: string[];
  sections: AdminSection[];
};

export type ArticleFeedbackSummary = {
  yes: number;
  no: number;
  reasons: { reason: string; at: string }[];
  page: number;
  pageCount: number;
};

/** A change and the cache tags of the pages it touched. */
export type Changed<T> = T & { tags: string[] };

// ---- Authorization and helpers -----------------------------------------------------------------------------

function assertAdmin(actor: SessionUser | null | undefined): asserts actor is SessionUser {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins can edit domains and articles.");
}

async function lock(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** The order readers see siblings in: position, then name (the seed leaves positions equal). */
const domainOrder = [{ position: "asc" }, { name: "asc" }, { id: "asc" }] as const;

/** `items` with the one at `index` swapped with its neighbour in `direction`; null at either end. */
function swapped<T>(items: T[], index: number, direction: MoveDirection): T[] | null {
  const other = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= items.length) return null;
  const next = [...items];
  [next[index], next[other]] = [next[other]!, next[index]!];
  return next;
}

/** Tags of the published articles in these domains: their breadcrumbs name the domain (and its parent). */
async function publishedArticleTags(tx: Tx, domainIds: string[]): Promise<string[]> {
  if (domainIds.length === 0) return [];
  const rows = await tx.article.findMany({
    where: { domainId: { in: domainIds }, status: "PUBLISHED" },
    select: { id: true },
  });
  return rows.map((row) => tags.article(row.id));
}

// ---- Domains -----------------------------------------------------------------------------------------------

/** Every domain as a two-level tree in reader order, with article (drafts included) and child counts. */
export async function listDomainsForAdmin(actor: SessionUser): Promise<AdminDomainNode[]> {
  assertAdmin(actor);
  // A tree of categories, tens of rows: read whole (it is the admin's map of the site), not paginated.
  const [domains, counts] = await Promise.all([
    db.domain.findMany({
      select: { id: true, name: true, slug: true, description: true, parentId: true },
      orderBy: [...domainOrder],
    }),
    db.article.groupBy({ by: ["domainId"], _count: { _all: true } }),
  ]);
  const articleCounts = new Map(counts.map((row) => [row.domainId, row._count._all]));
  const childCounts = new Map<string, number>();
  for (const d of domains)
    if (d.parentId) childCounts.set(d.parentId, (childCounts.get(d.parentId) ?? 0) + 1);
  const toAdmin = (d: (typeof domains)[number]): AdminDomain => ({
    ...d,
    articleCount: articleCounts.get(d.id) ?? 0,
    childCount: childCounts.get(d.id) ?? 0,
  });
  return domains
    .filter((d) => d.parentId === null)
    .map((top) => ({ ...toAdmin(top), children: domains.filter((d) => d.parentId === top.id).map(toAdmin) }));
}

/** A free domain slug: `wanted` as given (refused when taken), or made from the name with -2, -3… added. */
async function domainSlugFor(tx: Tx, name: string, wanted: string): Promise<string> {
  const taken = async (slug: string) =>
    (await tx.domain.findUnique({ where: { slug }, select: { id: true } })) !== null;
  if (wanted) {
    if (await taken(wanted)) {
      throw new AppError("CONFLICT", "Another domain already uses this slug.", {
        fieldErrors: { slug: "Another domain already uses this slug." },
      });
    }
    return wanted;
  }
  const base = slugify(name, 72) || "domain";
  for (let attempt = 1; attempt <= 50; attempt++) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new AppError("CONFLICT", "Choose a slug for this domain: the usual ones are taken.", {
    fieldErrors: { slug: "Choose a slug: the usual ones are taken." },
  });
}

/** Checks `parentId` can take a child: it exists and is itself top-level. */
async function checkParent(tx: Tx, parentId: string, childId?: string): Promise<void> {
  if (parentId === childId) {
    throw new AppError("INVALID_INPUT", "A domain cannot be its own parent.", {
      fieldErrors: { parentId: "A domain cannot be its own parent." },
    });
  }
  const parent = await tx.domain.findUnique({ where: { id: parentId }, select: { parentId: true } });
  if (!parent) throw new AppError("NOT_FOUND", "That parent domain no longer exists.");
  if (parent.parentId !== null) {
    throw new AppError("CONFLICT", "Domains nest two levels at most: choose a top-level parent.", {
      fieldErrors: { parentId: "Choose a top-level domain: domains nest two levels at most." },
    });
  }
}

async function nextDomainPosition(tx: Tx, parentId: string | null): Promise<number> {
  const last = await tx.domain.aggregate({ where: { parentId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

export async function createDomain(
  actor: SessionUser,
  input: CreateDomainInput,
): Promise<Changed<{ id: string; slug: string }>> {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      await lock(tx, DOMAIN_TREE_LOCK);
      if (input.parentId) await checkParent(tx, input.parentId);
      const slug = await domainSlugFor(tx, input.name, input.slug);
      const domain = await tx.domain.create({
        data: {
          name: input.name,
          slug,
          description: input.description,
          parentId: input.parentId,
          position: await nextDomainPosition(tx, input.parentId),
        },
        select: { id: true, slug: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "domain.create",
        targetType: "domain",
        targetId: domain.id,
        data: { name: input.name, slug, parentId: input.parentId },
      });
      return { ...domain, tags: [tags.domains] };
    });
  } catch (error) {
    if (uniqueViolation(error)) {
      throw new AppError("CONFLICT", "Another domain already uses this slug.", {
        fieldErrors: { slug: "Another domain already uses this slug." },
      });
    }
    throw error;
  }
}

async function lockDomain(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<
    { id: string; name: string; description: string; parentId: string | null }[]
  >`
    SELECT "id", "name", "description", "parentId" FROM "Domain" WHERE "id" = ${id} FOR UPDATE`;
  const domain = rows[0];
  if (!domain) throw new AppError("NOT_FOUND", "That domain no longer exists.");
  return domain;
}

/** Renames and describes a domain (its slug stays, so links keep working). */
export async function updateDomain(
  actor: SessionUser,
  input: UpdateDomainInput,
): Promise<Changed<{ id: string }>> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await lockDomain(tx, input.id);
    const renamed = before.name !== input.name;
    if (!renamed && before.description === input.description) return { id: input.id, tags: [] };
    await tx.domain.update({
      where: { id: input.id },
      data: { name: input.name, description: input.description },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "domain.update",
      targetType: "domain",
      targetId: input.id,
      data: {
        ...(renamed ? { name: { from: before.name, to: input.name } } : {}),
        ...(before.description !== input.description
          ? { description: { from: before.description, to: input.description } }
          : {}),
      },
    });
    // A new name shows in the breadcrumbs of its articles and, for a parent, of its children's articles.
    let articleTags: string[] = [];
    if (renamed) {
      const children = await tx.domain.findMany({ where: { parentId: input.id }, select: { id: true } });
      articleTags = await publishedArticleTags(tx, [input.id, ...children.map((c) => c.id)]);
    }
    return { id: input.id, tags: [tags.domains, tags.domain(input.id), ...articleTags] };
  });
}

/** Moves a domain under a top-level parent, or to the top level (`parentId` null); it goes last there. */
export async function moveDomain(
  actor: SessionUser,
  input: MoveDomainInput,
): Promise<Changed<{ id: string }>> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    await lock(tx, DOMAIN_TREE_LOCK);
    const before = await lockDomain(tx, input.id);
    if (before.parentId === input.parentId) return { id: input.id, tags: [] };
    if (input.parentId) {
      await checkParent(tx, input.parentId, input.id);
      const children = await tx.domain.count({ where: { parentId: input.id } });
      if (children > 0) {
        throw new AppError("CONFLICT", "This domain has child domains, so it must stay at the top level.", {
          fieldErrors: { parentId: "A domain with child domains stays at the top level." },
        });
      }
    }
    await tx.domain.update({
      where: { id: input.id },
      data: { parentId: input.parentId, position: await nextDomainPosition(tx, input.parentId) },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "domain.update",
      targetType: "domain",
      targetId: input.id,
      data: { parentId: { from: before.parentId, to: input.parentId } },
    });
    const touched = [before.parentId, input.parentId].filter((id): id is string => id !== null);
    return {
      id: input.id,
      tags: [
        tags.domains,
        tags.domain(input.id),
        ...touched.map((id) => tags.domain(id)),
        ...(await publishedArticleTags(tx, [input.id])),
      ],
    };
  });
}

/** Moves a domain one place up or down among its siblings. */
export async function reorderDomain(
  actor: SessionUser,
  input: ReorderDomainInput,
): Promise<Changed<{ id: string }>> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    await lock(tx, DOMAIN_TREE_LOCK);
    const domain = await tx.domain.findUnique({ where: { id: input.id }, select: { parentId: true } });
    if (!domain) throw new AppError("NOT_FOUND", "That domain no longer exists.");
    const siblings = await tx.domain.findMany({
      where: { parentId: domain.parentId },
      select: { id: true, position: true },
      orderBy: [...domainOrder],
    });
    const from = siblings.findIndex((s) => s.id === input.id);
    const order = swapped(siblings, from, input.direction);
    if (!order) return { id: input.id, tags: [] };
    // Positions become 0…n-1 in the new order: equal positions (as the seed leaves them) get sorted out too.
    for (const [position, sibling] of order.entries()) {
      if (sibling.position !== position) {
        await tx.domain.update({ where: { id: sibling.id }, data: { position }, select: { id: true } });
      }
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "domain.update",
      targetType: "domain",
      targetId: input.id,
      data: { moved: input.direction, position: { from, to: order.findIndex((s) => s.id === input.id) } },
    });
    return { id: input.id, tags: [tags.domains, ...(domain.parentId ? [tags.domain(domain.parentId)] : [])] };
  });
}

/**
 * Deletes a domain with no articles (drafts included), no child domains and no sponsorship records (inquiries
 * or sponsors, past ones included: they are the business's records, and the database would delete them with
 * the domain). Members' follows of the domain go with it; the audit entry says how many.
 */
export async function deleteDomain(
  actor: SessionUser,
  input: DeleteDomainInput,
): Promise<Changed<{ id: string }>> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    await lock(tx, DOMAIN_TREE_LOCK);
    const domain = await lockDomain(tx, input.id);
    const articles = await tx.article.count({ where: { domainId: input.id } });
    const children = await tx.domain.count({ where: { parentId: input.id } });
    if (articles > 0 || children > 0) {
      const what = [
        articles > 0 ? `${articles} ${articles === 1 ? "article" : "articles"}` : null,
        children > 0 ? `${children} child ${children === 1 ? "domain" : "domains"}` : null,
      ]
        .filter(Boolean)
        .join(" and ");
      throw new AppError("CONFLICT", `“${domain.name}” still has ${what}: move or delete them first.`);
    }
    // The domain row is locked: a new inquiry or sponsor (their foreign key check) waits for this transaction.
    const [inquiries, sponsors] = await Promise.all([
      tx.sponsorInquiry.count({ where: { domainId: input.id } }),
      tx.domainSponsor.count({ where: { domainId: input.id } }),
    ]);
    if (inquiries > 0 || sponsors > 0) {
      const what = [
        inquiries > 0 ? `${inquiries} ${inquiries === 1 ? "inquiry" : "inquiries"}` : null,
        sponsors > 0 ? `${sponsors} ${sponsors === 1 ? "sponsor" : "sponsors"}` : null,
      ]
        .filter(Boolean)
        .join(" and ");
      throw new AppError(
        "CONFLICT",
        `This domain has sponsorship inquiries or a sponsor: “${domain.name}” has ${what} on record, and deleting the domain would delete those records too.`,
      );
    }
    const followsRemoved = await tx.domainFollow.count({ where: { domainId: input.id } });
    const { slug } = await tx.domain.delete({ where: { id: input.id }, select: { slug: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "domain.delete",
      targetType: "domain",
      targetId: input.id,
      data: { name: domain.name, slug, parentId: domain.parentId, followsRemoved },
    });
    return {
      id: input.id,
      tags: [tags.domains, tags.domain(input.id), ...(domain.parentId ? [tags.domain(domain.parentId)] : [])],
    };
  });
}

// ---- Articles: reading -------------------------------------------------------------------------------------

const adminArticleSelect = {
  id: true,
  title: true,
  slug: true,
  summary: true,
  kind: true,
  status: true,
  publishedAt: true,
  scheduledAt: true,
  updatedAt: true,
  domain: { select: { id: true, name: true, slug: true } },
  redirects: { select: { slug: true }, orderBy: { createdAt: "desc" } },
  sections: {
    select: {
      id: true,
      title: true,
      anchor: true,
      body: true,
      acceptsInsights: true,
      _count: { select: { insights: true } },
    },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ArticleSelect;

async function loadAdminArticle(client: Tx | typeof db, id: string): Promise<AdminArticle | null> {
  const row = await client.article.findUnique({ where: { id }, select: adminArticleSelect });
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    kind: row.kind,
    status: row.status,
    publishedAt: iso(row.publishedAt),
    scheduledAt: iso(row.scheduledAt),
    updatedAt: row.updatedAt.toISOString(),
    domain: row.domain,
    oldSlugs: row.redirects.map((r) => r.slug),
    sections: row.sections.map(({ _count, ...section }) => ({ ...section, insightCount: _count.insights })),
  };
}

/** An article as the editor shows it: every field, its sections with their insight counts, its old slugs. */
export async function getArticleForEdit(actor: SessionUser, id: string): Promise<AdminArticle | null> {
  assertAdmin(actor);
  return loadAdminArticle(db, id);
}

/** One page of articles of every status, newest first, filtered by status and domain. */
export async function listArticlesForAdmin(
  actor: SessionUser,
  query: ArticleListInput,
): Promise<AdminArticlePage> {
  assertAdmin(actor);
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
  assertAdmin(actor);
  const row = await db.article.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      kind: true,
      status: true,
      publishedAt: true,
      scheduledAt: true,
      updatedAt: true,
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
  assertAdmin(actor);
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

// ---- Articles: slugs ---------------------------------------------------------------------------------------

const SLUG_TAKEN = "Another article uses this slug, now or as an old address that still redirects.";

/** Whether `slug` is some other article's current slug or old slug. */
async function articleSlugTaken(tx: Tx, slug: string, articleId?: string): Promise<boolean> {
  const current = await tx.article.findUnique({ where: { slug }, select: { id: true } });
  if (current && current.id !== articleId) return true;
  const old = await tx.articleSlugRedirect.findUnique({ where: { slug }, select: { articleId: true } });
  return old !== null && old.articleId !== articleId;
}

/** A free slug for a new article: `wanted` as given (refused when taken), or the title's with -2, -3… */
async function newArticleSlug(tx: Tx, title: string, wanted: string): Promise<string> {
  if (wanted) {
    if (await articleSlugTaken(tx, wanted)) {
      throw new AppError("CONFLICT", SLUG_TAKEN, { fieldErrors: { slug: SLUG_TAKEN } });
    }
    return wanted;
  }
  const base = slugify(title, 112) || "article";
  for (let attempt = 1; attempt <= 50; attempt++) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await articleSlugTaken(tx, candidate))) return candidate;
  }
  throw new AppError("CONFLICT", "Choose a slug for this article: the usual ones are taken.", {
    fieldErrors: { slug: "Choose a slug: the usual ones are taken." },
  });
}

/** Section anchors from titles, unique within the article: "faq", "faq-2"… */
function anchorFor(title: string, taken: Set<string>): string {
  const base = slugify(title, 110) || "section";
  let anchor = base;
  for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
  taken.add(anchor);
  return anchor;
}

async function ensureDomain(tx: Tx, domainId: string): Promise<void> {
  const domain = await tx.domain.findUnique({ where: { id: domainId }, select: { id: true } });
  if (!domain) {
    throw new AppError("INVALID_INPUT", "That domain no longer exists.", {
      fieldErrors: { domainId: "Choose a domain." },
    });
  }
}

function slugConflict(error: unknown): never {
  if (uniqueViolation(error))
    throw new AppError("CONFLICT", SLUG_TAKEN, { fieldErrors: { slug: SLUG_TAKEN } });
  throw error;
}

// ---- Articles: writing -------------------------------------------------------------------------------------

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
      await lock(tx, SLUG_LOCK);
      await ensureDomain(tx, draft.domainId);
      const slug = await newArticleSlug(tx, draft.title, draft.slug);
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
      await recordAudit(tx, {
        actorId: actor.id,
        action: "article.create",
        targetType: "article",
        targetId: article.id,
        data: { title: draft.title, slug, domainId: draft.domainId, kind: draft.kind, ...auditData },
      });
      return { ...article, tags: [] };
    });
  } catch (error) {
    slugConflict(error);
  }
}

/** Creates a draft with no sections yet. */
export async function createArticle(
  actor: SessionUser,
  input: CreateArticleInput,
): Promise<Changed<{ id: string; slug: string }>> {
  assertAdmin(actor);
  const { domainId, kind, title, slug, summary } = input;
  return insertDraft(actor, { domainId, kind, title, slug, summary, sections: [] });
}

/** Creates a draft from a Markdown outline: its title, summary and one section per "## " heading. */
export async function importOutline(
  actor: SessionUser,
  input: ImportOutlineInput,
): Promise<Changed<{ id: string; slug: string; sectionCount: number }>> {
  assertAdmin(actor);
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

type LockedArticle = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  kind: ArticleKind;
  status: ArticleStatus;
  domainId: string;
  publishedAt: Date | null;
  scheduledAt: Date | null;
};

/** Locks the article's row for the rest of the transaction: edits to one article are serialised. */
async function lockArticle(tx: Tx, id: string): Promise<LockedArticle> {
  const rows = await tx.$queryRaw<LockedArticle[]>`
    SELECT "id", "slug", "title", "summary", "kind", "status", "domainId", "publishedAt", "scheduledAt"
    FROM "Article" WHERE "id" = ${id} FOR UPDATE`;
  const article = rows[0];
  if (!article) throw new AppError("NOT_FOUND", "That article no longer exists.");
  return article;
}

async function oldSlugsOf(tx: Tx, articleId: string): Promise<string[]> {
  const rows = await tx.articleSlugRedirect.findMany({ where: { articleId }, select: { slug: true } });
  return rows.map((row) => row.slug);
}

/** Every tag a published article's pages carry: itself, its slugs old and new, its domain, the lists. */
async function publicationTags(
  tx: Tx,
  article: { id: string; slug: string; domainId: string },
): Promise<string[]> {
  // The profiles of members with insights on it list them only while the article is published
  // (index Insight(sectionId, status, publishedAt)).
  const authors = await tx.$queryRaw<{ handle: string }[]>`
    SELECT DISTINCT u."handle" FROM "Insight" i
    JOIN "Section" s ON s."id" = i."sectionId"
    JOIN "User" u ON u."id" = i."authorId"
    WHERE s."articleId" = ${article.id} AND i."status" = 'PUBLISHED' AND i."deletedAt" IS NULL`;
  return [
    tags.article(article.id),
    tags.articleSlug(article.slug),
    ...(await oldSlugsOf(tx, article.id)).map((slug) => tags.articleSlug(slug)),
    tags.domain(article.domainId),
    tags.articles,
    ...authors.map((author) => tags.memberHandle(author.handle)),
  ];
}

/**
 * Changes an article's title, slug, summary, kind or domain. A new slug for an article that has ever been
 * published keeps the old one redirecting; taking back one of its own old slugs removes that redirect.
 */
export async function updateArticle(
  actor: SessionUser,
  input: UpdateArticleInput,
): Promise<Changed<{ article: AdminArticle }>> {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const before = await lockArticle(tx, input.id);
      const slugChanged = before.slug !== input.slug;
      if (slugChanged) {
        await lock(tx, SLUG_LOCK);
        if (await articleSlugTaken(tx, input.slug, input.id)) {
          throw new AppError("CONFLICT", SLUG_TAKEN, { fieldErrors: { slug: SLUG_TAKEN } });
        }
      }
      if (before.domainId !== input.domainId) await ensureDomain(tx, input.domainId);

      const fields = ["title", "slug", "summary", "kind", "domainId"] as const;
      const changes = Object.fromEntries(
        fields
          .filter((field) => before[field] !== input[field])
          .map((f) => [f, { from: before[f], to: input[f] }]),
      );
      if (Object.keys(changes).length === 0) {
        return { article: (await loadAdminArticle(tx, input.id))!, tags: [] };
      }
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
      await recordAudit(tx, {
        actorId: actor.id,
        action: "article.update",
        targetType: "article",
        targetId: input.id,
        data: changes,
      });
      const article = (await loadAdminArticle(tx, input.id))!;
      if (before.status !== "PUBLISHED") return { article, tags: [] };
      return {
        article,
        tags: [
          tags.article(input.id),
          tags.articles,
          ...(slugChanged
            ? [before.slug, input.slug, ...oldSlugs].map((slug) => tags.articleSlug(slug))
            : []),
          ...(before.domainId !== input.domainId
            ? [tags.domains, tags.domain(before.domainId), tags.domain(input.domainId)]
            : []),
        ],
      };
    });
  } catch (error) {
    slugConflict(error);
  }
}

/** Publishes a draft now. Needs at least one section. Publishing a published article changes nothing. */
export async function publishArticle(
  actor: SessionUser,
  input: ArticleIdInput,
): Promise<Changed<{ article: AdminArticle }>> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await lockArticle(tx, input.id);
    if (before.status === "PUBLISHED") return { article: (await loadAdminArticle(tx, input.id))!, tags: [] };
    if ((await tx.section.count({ where: { articleId: input.id } })) === 0) {
      throw new AppError("CONFLICT", "Add at least one section before publishing.");
    }
    await tx.$executeRaw`
      UPDATE "Article"
      SET "status" = 'PUBLISHED', "publishedAt" = COALESCE("publishedAt", ${NOW}), "scheduledAt" = NULL,
          "updatedAt" = ${NOW}
      WHERE "id" = ${input.id}`;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.publish",
      targetType: "article",
      targetId: input.id,
      data: {
        slug: before.slug,
        ...(before.scheduledAt ? { wasScheduledFor: before.scheduledAt.toISOString() } : {}),
      },
    });
    return { article: (await loadAdminArticle(tx, input.id))!, tags: await publicationTags(tx, before) };
  });
}

/** Takes a published article back to draft: readers get a 404 and it leaves every list. */
export async function unpublishArticle(
  actor: SessionUser,
  input: ArticleIdInput,
): Promise<Changed<{ article: AdminArticle }>> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await lockArticle(tx, input.id);
    if (before.status === "DRAFT") return { article: (await loadAdminArticle(tx, input.id))!, tags: [] };
    await tx.article.update({ where: { id: input.id }, data: { status: "DRAFT" }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.unpublish",
      targetType: "article",
      targetId: input.id,
      data: { slug: before.slug },
    });
    return { article: (await loadAdminArticle(tx, input.id))!, tags: await publicationTags(tx, before) };
  });
}

/** Sets (or moves) the moment a draft publishes itself; the job queue does it within a minute of it. */
export async function scheduleArticle(
  actor: SessionUser,
  input: ScheduleArticleInput,
  now = new Date(),
): Promise<Changed<{ article: AdminArticle }>> {
  assertAdmin(actor);
  if (input.scheduledAt.getTime() <= now.getTime()) {
    const message = "Choose a moment in the future, or publish now.";
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { scheduledAt: message } });
  }
  return db.$transaction(async (tx) => {
    const before = await lockArticle(tx, input.id);
    if (before.status !== "DRAFT") throw new AppError("CONFLICT", "This article is already published.");
    if ((await tx.section.count({ where: { articleId: input.id } })) === 0) {
      throw new AppError("CONFLICT", "Add at least one section before scheduling.");
    }
    await tx.article.update({
      where: { id: input.id },
      data: { scheduledAt: input.scheduledAt },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.schedule",
      targetType: "article",
      targetId: input.id,
      data: { from: iso(before.scheduledAt), to: input.scheduledAt.toISOString() },
    });
    return { article: (await loadAdminArticle(tx, input.id))!, tags: [] };
  });
}

/** Cancels a draft's scheduled publication. */
export async function cancelSchedule(
  actor: SessionUser,
  input: ArticleIdInput,
): Promise<Changed<{ article: AdminArticle }>> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await lockArticle(tx, input.id);
    if (before.scheduledAt === null) return { article: (await loadAdminArticle(tx, input.id))!, tags: [] };
    await tx.article.update({ where: { id: input.id }, data: { scheduledAt: null }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.schedule",
      targetType: "article",
      targetId: input.id,
      data: { from: before.scheduledAt.toISOString(), to: null },
    });
    return { article: (await loadAdminArticle(tx, input.id))!, tags: [] };
  });
}

export type PublishedBySchedule = { id: string; slug: string; domainId: string };

/**
 * Publishes every draft whose time has come: the scheduled-publishing job runs it each minute. One UPDATE
 * claims the rows, so two workers running at once publish each article once (the second waits on the row
 * lock, then no longer matches `status = 'DRAFT'`). The audit entry names the admin who set the schedule.
 */
export async function publishDueArticles(
  now = new Date(),
): Promise<{ published: PublishedBySchedule[]; tags: string[] }> {
  return db.$transaction(async (tx) => {
    // In SET, "scheduledAt" is still the old value: the article reads as published at its scheduled time.
    const published = await tx.$queryRaw<(PublishedBySchedule & { publishedAt: Date })[]>`
      UPDATE "Article"
      SET "status" = 'PUBLISHED', "publishedAt" = COALESCE("publishedAt", "scheduledAt"), "scheduledAt" = NULL,
          "updatedAt" = ${NOW}
      WHERE "status" = 'DRAFT' AND "scheduledAt" <= ${now}
      RETURNING "id", "slug", "domainId", "publishedAt"`;
    if (published.length === 0) return { published: [], tags: [] };

    const ids = published.map((a) => a.id);
    const schedulers = await tx.$queryRaw<{ targetId: string; actorId: string }[]>`
      SELECT DISTINCT ON ("targetId") "targetId", "actorId" FROM "AuditEntry"
      WHERE "targetType" = 'article' AND "action" = 'article.schedule' AND "targetId" = ANY(${ids})
      ORDER BY "targetId", "createdAt" DESC`;
    const actorOf = new Map(schedulers.map((row) => [row.targetId, row.actorId]));
    for (const article of published) {
      const actorId = actorOf.get(article.id);
      // Every schedule set through the app has its entry; one set by hand in the database has no one to name.
      if (!actorId) continue;
      await recordAudit(tx, {
        actorId,
        action: "article.publish",
        targetType: "article",
        targetId: article.id,
        data: { slug: article.slug, publishedAt: article.publishedAt.toISOString(), byScheduler: true },
      });
    }
    const allTags = new Set<string>();
    for (const article of published) for (const tag of await publicationTags(tx, article)) allTags.add(tag);
    return {
      published: published.map(({ id, slug, domainId }) => ({ id, slug, domainId })),
      tags: [...allTags],
    };
  });
}

// ---- Sections ----------------------------------------------------------------------------------------------

/** Touches the article (its "updated" date) and answers the tags a section change refreshes. */
async function afterSectionChange(
  tx: Tx,
  article: LockedArticle,
  audit: { actorId: string; data: Record<string, string | number | boolean | null> },
): Promise<Changed<{ article: AdminArticle }>> {
  await tx.article.update({
    where: { id: article.id },
    data: { updatedAt: new Date() },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: audit.actorId,
    action: "article.update",
    targetType: "article",
    targetId: article.id,
    data: audit.data,
  });
  return {
    article: (await loadAdminArticle(tx, article.id))!,
    tags: article.status === "PUBLISHED" ? [tags.article(article.id)] : [],
  };
}

async function sectionOf(tx: Tx, id: string) {
  const section = await tx.section.findUnique({
    where: { id },
    select: { id: true, articleId: true, title: true, anchor: true, body: true, acceptsInsights: true },
  });
  if (!section) throw new AppError("NOT_FOUND", "That section no longer exists.");
  return section;
}

async function anchorsOf(tx: Tx, articleId: string, exceptSectionId?: string): Promise<Set<string>> {
  const rows = await tx.section.findMany({
    where: { articleId, ...(exceptSectionId ? { id: { not: exceptSectionId } } : {}) },
    select: { anchor: true },
  });
  return new Set(rows.map((row) => row.anchor));
}

/** Adds a section at the end of the article. */
export async function addSection(
  actor: SessionUser,
  input: AddSectionInput,
): Promise<Changed<{ article: AdminArticle; sectionId: string }>> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const article = await lockArticle(tx, input.articleId);
    const last = await tx.section.aggregate({ where: { articleId: article.id }, _max: { position: true } });
    const section = await tx.section.create({
      data: {
        articleId: article.id,
        position: (last._max.position ?? -1) + 1,
        title: input.title,
        anchor: anchorFor(input.title, await anchorsOf(tx, article.id)),
        body: input.body,
        acceptsInsights: input.acceptsInsights,
      },
      select: { id: true },
    });
    const result = await afterSectionChange(tx, article, {
      actorId: actor.id,
      data: { section: section.id, change: "add", title: input.title },
    });
    return { ...result, sectionId: section.id };
  });
}

/**
 * Edits a section. Its anchor follows the title until the article is first published; after that it stays,
 * so links to the section keep working.
 */
export async function updateSection(
  actor: SessionUser,
  input: UpdateSectionInput,
): Promise<Changed<{ article: AdminArticle }>> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const { articleId } = await sectionOf(tx, input.id);
    const article = await lockArticle(tx, articleId);
    const before = await sectionOf(tx, input.id);
    const changed = (["title", "body", "acceptsInsights"] as const).filter((f) => before[f] !== input[f]);
    if (changed.length === 0) return { article: (await loadAdminArticle(tx, articleId))!, tags: [] };
    const anchor =
      article.publishedAt === null && before.title !== input.title
        ? anchorFor(input.title, await anchorsOf(tx, articleId, input.id))
        : before.anchor;
    await tx.section.update({
      where: { id: input.id },
      data: { title: input.title, body: input.body, acceptsInsights: input.acceptsInsights, anchor },
      select: { id: true },
    });
    return afterSectionChange(tx, article, {
      actorId: actor.id,
      data: { section: input.id, change: "edit", fields: changed.join(","), title: input.title },
    });
  });
}

/** Moves a section one place up or down. */
export async function moveSection(
  actor: SessionUser,
  input: MoveSectionInput,
): Promise<Changed<{ article: AdminArticle }>> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const { articleId } = await sectionOf(tx, input.id);
    const article = await lockArticle(tx, articleId);
    const sections = await tx.section.findMany({
      where: { articleId },
      select: { id: true, position: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    const from = sections.findIndex((s) => s.id === input.id);
    const order = swapped(sections, from, input.direction);
    if (!order) return { article: (await loadAdminArticle(tx, articleId))!, tags: [] };
    for (const [position, section] of order.entries()) {
      if (section.position !== position) {
        await tx.section.update({ where: { id: section.id }, data: { position }, select: { id: true } });
      }
    }
    return afterSectionChange(tx, article, {
      actorId: actor.id,
      data: { section: input.id, change: "move", from, to: order.findIndex((s) => s.id === input.id) },
    });
  });
}

/**
 * Removes a section. One with insights (of any status) is refused: removing it would delete them. Closing it
 * to new insights keeps them readable instead.
 */
export async function removeSection(
  actor: SessionUser,
  input: RemoveSectionInput,
): Promise<Changed<{ article: AdminArticle }>> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const { articleId } = await sectionOf(tx, input.id);
    const article = await lockArticle(tx, articleId);
    const section = await sectionOf(tx, input.id);
    const insights = await tx.insight.count({ where: { sectionId: input.id } });
    if (insights > 0) {
      throw new AppError(
        "CONFLICT",
        `“${section.title}” has ${insights} ${insights === 1 ? "insight" : "insights"}: removing it would delete ${insights === 1 ? "it" : "them"}. Close it to new insights instead.`,
      );
    }
    if (article.status === "PUBLISHED" && (await tx.section.count({ where: { articleId } })) === 1) {
      throw new AppError("CONFLICT", "A published article keeps at least one section: unpublish it first.");
    }
    await tx.section.delete({ where: { id: input.id }, select: { id: true } });
    return afterSectionChange(tx, article, {
      actorId: actor.id,
      data: { section: input.id, change: "remove", title: section.title },
    });
  });
}
