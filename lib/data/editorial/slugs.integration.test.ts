import { describe, expect, it, vi } from "vitest";
import * as articleActions from "@/app/(admin)/admin/articles/[id]/actions";
import { tags } from "@/lib/cache-tags";
import { appErrorOf, session } from "@/lib/testing/integration";
import { createArticle, createDomain } from "@/prisma/factories";
import { resolveArticleRedirect, resolveArticleSlug } from "../content";
import * as articles from "./articles";
import * as publishing from "./publishing";
import { db, draftWithSections, person, refreshedTags, suffix } from "./testing";

await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));

describe("articles: slugs and redirects", () => {
  it("a slug is unique across current slugs and old slugs that redirect", async () => {
    const admin = await person("ADMIN");
    const domain = await createDomain(db);
    const published = await createArticle(db, { domainId: domain.id });
    const newSlug = `renamed-${suffix()}`;
    await articles.updateArticle(admin, {
      id: published.id,
      domainId: domain.id,
      kind: "COLLABORATIVE",
      title: published.title,
      slug: newSlug,
      summary: "A test article.",
    });
    for (const slug of [newSlug, published.slug]) {
      const refused = await appErrorOf(
        articles.createArticle(admin, {
          domainId: domain.id,
          kind: "GUIDE",
          title: "Another",
          slug,
          summary: "S",
        }),
      );
      expect(refused).toMatchObject({
        code: "CONFLICT",
        fieldErrors: { slug: expect.stringMatching(/redirects/) },
      });
    }
    // And when renaming another article onto either of them.
    const other = await draftWithSections(domain.id);
    const rename = await appErrorOf(
      articles.updateArticle(admin, {
        id: other.id,
        domainId: domain.id,
        kind: "GUIDE",
        title: "Other",
        slug: published.slug,
        summary: "S",
      }),
    );
    expect(rename.code).toBe("CONFLICT");
    // Made from a title, a slug skips the taken ones.
    const title = `Same title ${suffix()}`;
    const a = await articles.createArticle(admin, {
      domainId: domain.id,
      kind: "GUIDE",
      title,
      slug: "",
      summary: "S",
    });
    const b = await articles.createArticle(admin, {
      domainId: domain.id,
      kind: "GUIDE",
      title,
      slug: "",
      summary: "S",
    });
    expect(b.slug).toBe(`${a.slug}-2`);
  });

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

  it("a draft never published leaves no redirects behind, and an unpublished article's old slugs stop redirecting", async () => {
    const admin = await person("ADMIN");
    const draft = await draftWithSections();
    const { domainId } = await db.article.findUniqueOrThrow({
      where: { id: draft.id },
      select: { domainId: true },
    });
    const renamed = `draft-${suffix()}`;
    const changed = await articles.updateArticle(admin, {
      id: draft.id,
      domainId,
      kind: "GUIDE",
      title: draft.title,
      slug: renamed,
      summary: "S",
    });
    expect(changed.article.oldSlugs).toEqual([]);
    expect(changed.tags).toEqual([]);
    // Its first slug is free again.
    await articles.createArticle(admin, {
      domainId,
      kind: "GUIDE",
      title: "Takes it",
      slug: draft.slug,
      summary: "S",
    });

    const published = await createArticle(db, { domainId });
    const next = `next-${suffix()}`;
    await articles.updateArticle(admin, {
      id: published.id,
      domainId,
      kind: "COLLABORATIVE",
      title: published.title,
      slug: next,
      summary: "A test article.",
    });
    expect(await resolveArticleRedirect(published.slug)).toBe(next);
    const unpublished = await publishing.unpublishArticle(admin, { id: published.id });
    // The old slug's cached redirect is refreshed too.
    expect(unpublished.tags).toContain(tags.articleSlug(published.slug));
    expect(await resolveArticleRedirect(published.slug)).toBeNull();
  });
});
