import "server-only";
import { changed, type Changed } from "@/lib/cache-expiry";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ArticleIdInput, ScheduleArticleInput } from "@/lib/validation/editorial";
import type { Tx } from "../transaction";
import type { SessionUser } from "../users";
import type { AdminArticle } from "./shared";
import { assertMayEditContent, changeArticle, iso, NOW, recordEdit } from "./shared";
import { oldSlugsOf } from "./slugs";

// Publishing: now, at a set time (the job queue publishes what is due), and back to draft.

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

/** Publishes a draft now. Needs at least one section. Publishing a published article changes nothing. */
export async function publishArticle(
  actor: SessionUser,
  input: ArticleIdInput,
): Promise<Changed<{ article: AdminArticle }>> {
  assertMayEditContent(actor);
  return changeArticle(input.id, async (tx, before) => {
    if (before.status === "PUBLISHED") return [];
    if ((await tx.section.count({ where: { articleId: input.id } })) === 0) {
      throw new AppError("CONFLICT", "Add at least one section before publishing.");
    }
    await tx.$executeRaw`
      UPDATE "Article"
      SET "status" = 'PUBLISHED', "publishedAt" = COALESCE("publishedAt", ${NOW}), "scheduledAt" = NULL,
          "updatedAt" = ${NOW}
      WHERE "id" = ${input.id}`;
    await recordEdit(tx, actor.id, "article.publish", input.id, {
      slug: before.slug,
      ...(before.scheduledAt ? { wasScheduledFor: before.scheduledAt.toISOString() } : {}),
    });
    return publicationTags(tx, before);
  });
}

/** Takes a published article back to draft: readers get a 404 and it leaves every list. */
export async function unpublishArticle(
  actor: SessionUser,
  input: ArticleIdInput,
): Promise<Changed<{ article: AdminArticle }>> {
  assertMayEditContent(actor);
  return changeArticle(input.id, async (tx, before) => {
    if (before.status === "DRAFT") return [];
    await tx.article.update({ where: { id: input.id }, data: { status: "DRAFT" }, select: { id: true } });
    await recordEdit(tx, actor.id, "article.unpublish", input.id, { slug: before.slug });
    return publicationTags(tx, before);
  });
}

/** Sets (or moves) the moment a draft publishes itself; the job queue does it within a minute of it. */
export async function scheduleArticle(
  actor: SessionUser,
  input: ScheduleArticleInput,
  now = new Date(),
): Promise<Changed<{ article: AdminArticle }>> {
  assertMayEditContent(actor);
  if (input.scheduledAt.getTime() <= now.getTime()) {
    const message = "Choose a moment in the future, or publish now.";
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { scheduledAt: message } });
  }
  return changeArticle(input.id, async (tx, before) => {
    if (before.status !== "DRAFT") throw new AppError("CONFLICT", "This article is already published.");
    if ((await tx.section.count({ where: { articleId: input.id } })) === 0) {
      throw new AppError("CONFLICT", "Add at least one section before scheduling.");
    }
    await tx.article.update({
      where: { id: input.id },
      data: { scheduledAt: input.scheduledAt },
      select: { id: true },
    });
    await recordEdit(tx, actor.id, "article.schedule", input.id, {
      from: iso(before.scheduledAt),
      to: input.scheduledAt.toISOString(),
    });
    return [];
  });
}

/** Cancels a draft's scheduled publication. */
export async function cancelSchedule(
  actor: SessionUser,
  input: ArticleIdInput,
): Promise<Changed<{ article: AdminArticle }>> {
  assertMayEditContent(actor);
  return changeArticle(input.id, async (tx, before) => {
    if (before.scheduledAt === null) return [];
    await tx.article.update({ where: { id: input.id }, data: { scheduledAt: null }, select: { id: true } });
    await recordEdit(tx, actor.id, "article.schedule", input.id, {
      from: before.scheduledAt.toISOString(),
      to: null,
    });
    return [];
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
): Promise<Changed<{ published: PublishedBySchedule[] }>> {
  return db.$transaction(async (tx) => {
    // In SET, "scheduledAt" is still the old value: the article reads as published at its scheduled time.
    const published = await tx.$queryRaw<(PublishedBySchedule & { publishedAt: Date })[]>`
      UPDATE "Article"
      SET "status" = 'PUBLISHED', "publishedAt" = COALESCE("publishedAt", "scheduledAt"), "scheduledAt" = NULL,
          "updatedAt" = ${NOW}
      WHERE "status" = 'DRAFT' AND "scheduledAt" <= ${now}
      RETURNING "id", "slug", "domainId", "publishedAt"`;
    if (published.length === 0) return changed({ published: [] }, []);

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
      await recordEdit(tx, actorId, "article.publish", article.id, {
        slug: article.slug,
        publishedAt: article.publishedAt.toISOString(),
        byScheduler: true,
      });
    }
    const allTags: string[] = [];
    for (const article of published) allTags.push(...(await publicationTags(tx, article)));
    return changed(
      { published: published.map(({ id, slug, domainId }) => ({ id, slug, domainId })) },
      allTags,
    );
  });
}
