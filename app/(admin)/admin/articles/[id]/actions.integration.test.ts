import { describe, expect, it, vi } from "vitest";
import { tags } from "@/lib/cache-tags";
import { getDomainView, resolveArticleRedirect, resolveArticleSlug } from "@/lib/data/content";
import * as articles from "@/lib/data/editorial/articles";
import { auditOf, db, draftWithSections, person, refreshedTags, suffix } from "@/lib/data/editorial/testing";
import { session, updateTag } from "@/lib/testing/integration";
import { createArticle, createDomain, createInsight, createUser } from "@/prisma/factories";
import * as articleActions from "./actions";

// The article editor's actions as a browser calls them: what they answer and which cached pages they expire.
await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));

describe("publishing", () => {
  it("publishing shows it to readers and refreshes exactly its pages; unpublishing takes it away", async () => {
    const domain = await createDomain(db);
    const draft = await draftWithSections(domain.id);
    session.userId = (await person("ADMIN")).id;

    // Editing a draft refreshes nothing: it is on no cached page.
    await articleActions.updateSectionAction({
      id: draft.sections[0]!.id,
      title: "First section",
      body: "Edited.",
      acceptsInsights: true,
    });
    expect(updateTag).not.toHaveBeenCalled();

    const result = await articleActions.publishArticleAction({ id: draft.id });
    expect(result).toMatchObject({ ok: true, data: { article: { status: "PUBLISHED" } } });
    expect(refreshedTags()).toEqual(
      [tags.article(draft.id), tags.articleSlug(draft.slug), tags.domain(domain.id), tags.articles].sort(),
    );
    expect(await resolveArticleSlug(draft.slug)).toBe(draft.id);
    expect((await getDomainView(domain.slug, 1))?.articles.map((a) => a.id)).toEqual([draft.id]);

    // Publishing twice changes nothing more.
    updateTag.mockClear();
    await articleActions.publishArticleAction({ id: draft.id });
    expect(updateTag).not.toHaveBeenCalled();

    // A published article's section edit refreshes the article alone.
    await articleActions.updateSectionAction({
      id: draft.sections[0]!.id,
      title: "First section",
      body: "Edited again.",
      acceptsInsights: true,
    });
    expect(refreshedTags()).toEqual([tags.article(draft.id)]);

    // Unpublishing also refreshes the profiles that list insights on it.
    const author = await createUser(db);
    await createInsight(db, { sectionId: draft.sections[0]!.id, authorId: author.id });
    updateTag.mockClear();
    await articleActions.unpublishArticleAction({ id: draft.id });
    expect(refreshedTags()).toEqual(
      [
        tags.article(draft.id),
        tags.articleSlug(draft.slug),
        tags.domain(domain.id),
        tags.articles,
        tags.memberHandle(author.handle),
      ].sort(),
    );
    expect(await resolveArticleSlug(draft.slug)).toBeNull();
    expect((await auditOf(draft.id)).map((e) => e.action)).toEqual([
      "article.update",
      "article.publish",
      "article.update",
      "article.unpublish",
    ]);
  });
});

describe("slugs", () => {
  it("an old slug redirects to the current one, and renaming back takes it back", async () => {
    const admin = await person("ADMIN");
    const article = await createArticle(db);
    const { domainId } = await db.article.findUniqueOrThrow({
      where: { id: article.id },
      select: { domainId: true },
    });
    const original = article.slug;
    const renamed = `renamed-${suffix()}`;
    const base = {
      id: article.id,
      domainId,
      kind: "COLLABORATIVE" as const,
      title: article.title,
      summary: "A test article.",
    };

    session.userId = admin.id;
    const result = await articleActions.updateArticleAction({ ...base, slug: renamed });
    expect(result).toMatchObject({ ok: true, data: { article: { slug: renamed, oldSlugs: [original] } } });
    expect(refreshedTags()).toEqual(
      [tags.article(article.id), tags.articleSlug(original), tags.articleSlug(renamed), tags.articles].sort(),
    );
    expect(await resolveArticleSlug(original)).toBeNull();
    expect(await resolveArticleRedirect(original)).toBe(renamed);
    expect(await resolveArticleSlug(renamed)).toBe(article.id);

    const back = await articles.updateArticle(admin, { ...base, slug: original });
    expect(back.article).toMatchObject({ slug: original, oldSlugs: [renamed] });
    expect(await resolveArticleSlug(original)).toBe(article.id);
    expect(await resolveArticleRedirect(original)).toBeNull();
    expect(await resolveArticleRedirect(renamed)).toBe(original);
    expect(
      await db.articleSlugRedirect.findMany({ where: { articleId: article.id }, select: { slug: true } }),
    ).toEqual([{ slug: renamed }]);
  });
});
