import "server-only";
import { changed, type Changed } from "@/lib/cache-expiry";
import { db } from "@/lib/db";
import type { AuditAction } from "@/lib/domain/moderation";
import { mayEditContent, type Viewer } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleKind, ArticleStatus } from "@/lib/generated/prisma/enums";
import type { MoveDirection } from "@/lib/validation/editorial";
import { recordAudit } from "../audit";
import { assertPermitted } from "../permissions";
import type { Tx } from "../transaction";

// What the files of the editorial back office share: the permission check, the audit entry, the article as
// the editor shows it, and the locks. Admins only: every function checks its actor, as every action does.
//
// Each change writes exactly one audit row in its own transaction, and returns the cache tags of the
// anonymous pages it changed, so the action refreshes those and nothing else. Drafts appear on no cached
// page, so changes to a draft return no tags.

// Timestamps are stored as UTC wall-clock time without a zone; plain now() would write the session's zone.
export const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

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

/** Refuses anyone lib/domain/permissions.ts does not let edit content, in the editorial refusal's words. */
export function assertMayEditContent(actor: Viewer): void {
  assertPermitted(mayEditContent(actor), "Only admins can edit domains and articles.");
}

type EditorialAction = Extract<AuditAction, `domain.${string}` | `article.${string}`>;

/** Writes a change's one audit entry, about the domain or the article its action names. */
export async function recordEdit(
  tx: Tx,
  actorId: string,
  action: EditorialAction,
  targetId: string,
  data: Prisma.InputJsonValue,
): Promise<void> {
  const targetType = action.startsWith("domain.") ? "domain" : "article";
  await recordAudit(tx, { actorId, action, targetType, targetId, data });
}

export async function lock(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

export const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** `items` with the one at `index` swapped with its neighbour in `direction`; null at either end. */
export function swapped<T>(items: T[], index: number, direction: MoveDirection): T[] | null {
  const other = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= items.length) return null;
  const next = [...items];
  [next[index], next[other]] = [next[other]!, next[index]!];
  return next;
}

export type LockedArticle = {
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
export async function lockArticle(tx: Tx, id: string): Promise<LockedArticle> {
  const rows = await tx.$queryRaw<LockedArticle[]>`
    SELECT "id", "slug", "title", "summary", "kind", "status", "domainId", "publishedAt", "scheduledAt"
    FROM "Article" WHERE "id" = ${id} FOR UPDATE`;
  const article = rows[0];
  if (!article) throw new AppError("NOT_FOUND", "That article no longer exists.");
  return article;
}

/** An article's own fields, as the editor and the preview read them. */
export const articleFieldsSelect = {
  id: true,
  title: true,
  slug: true,
  summary: true,
  kind: true,
  status: true,
  publishedAt: true,
  scheduledAt: true,
  updatedAt: true,
} satisfies Prisma.ArticleSelect;

const adminArticleSelect = {
  ...articleFieldsSelect,
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

export async function loadAdminArticle(client: Tx | typeof db, id: string): Promise<AdminArticle | null> {
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

/**
 * Changes one article in a transaction, under its lock: `change` gets the article as it stood and answers the
 * tags of the pages it changed ([] for none, or when it changed nothing). Answers the article as it now stands.
 */
export function changeArticle(
  articleId: string,
  change: (tx: Tx, before: LockedArticle) => Promise<string[]>,
): Promise<Changed<{ article: AdminArticle }>> {
  return db.$transaction(async (tx) => {
    const before = await lockArticle(tx, articleId);
    const tags = await change(tx, before);
    return changed({ article: (await loadAdminArticle(tx, articleId))! }, tags);
  });
}
