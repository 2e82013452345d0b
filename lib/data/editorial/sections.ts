import "server-only";
import { changed, type Changed } from "@/lib/cache-expiry";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type {
  AddSectionInput,
  MoveSectionInput,
  RemoveSectionInput,
  UpdateSectionInput,
} from "@/lib/validation/editorial";
import type { Tx } from "../transaction";
import type { SessionUser } from "../users";
import type { AdminArticle, LockedArticle } from "./shared";
import { assertMayEditContent, loadAdminArticle, lockArticle, recordEdit, swapped } from "./shared";
import { anchorFor } from "./slugs";

// An article's sections: added, edited, moved and removed, each change one "article.update" audit entry.

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
  await recordEdit(tx, audit.actorId, "article.update", article.id, audit.data);
  return changed(
    { article: (await loadAdminArticle(tx, article.id))! },
    article.status === "PUBLISHED" ? [tags.article(article.id)] : [],
  );
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
  assertMayEditContent(actor);
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
  assertMayEditContent(actor);
  return db.$transaction(async (tx) => {
    const { articleId } = await sectionOf(tx, input.id);
    const article = await lockArticle(tx, articleId);
    const before = await sectionOf(tx, input.id);
    const edited = (["title", "body", "acceptsInsights"] as const).filter((f) => before[f] !== input[f]);
    if (edited.length === 0) return changed({ article: (await loadAdminArticle(tx, articleId))! }, []);
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
      data: { section: input.id, change: "edit", fields: edited.join(","), title: input.title },
    });
  });
}

/** Moves a section one place up or down. */
export async function moveSection(
  actor: SessionUser,
  input: MoveSectionInput,
): Promise<Changed<{ article: AdminArticle }>> {
  assertMayEditContent(actor);
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
    if (!order) return changed({ article: (await loadAdminArticle(tx, articleId))! }, []);
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
  assertMayEditContent(actor);
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
