import { describe, expect, it, vi } from "vitest";
import { tags } from "@/lib/cache-tags";
import { appErrorOf } from "@/lib/testing/integration";
import { createArticle, createDomain } from "@/prisma/factories";
import { resolveArticleRedirect, resolveArticleSlug } from "../content";
import * as articles from "./articles";
import * as domains from "./domains";
import * as publishing from "./publishing";
import * as sections from "./sections";
import { db, draftWithSections, person, suffix } from "./testing";

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

describe("slugs made from names", () => {
  const draft = (domainId: string, kind: "COLLABORATIVE" | "GUIDE", title: string) => ({
    domainId,
    kind,
    title,
    slug: "",
    summary: "S",
  });

  it("a name with no letter or digit in any script gets its kind and a short random id", async () => {
    const admin = await person("ADMIN");
    const domain = await domains.createDomain(admin, {
      name: "🌍✨",
      slug: "",
      description: "",
      parentId: null,
    });
    expect(domain.slug).toMatch(/^domain-[0-9a-f]{8}$/);

    const first = await articles.createArticle(admin, draft(domain.id, "COLLABORATIVE", "🚀🔥"));
    const second = await articles.createArticle(admin, draft(domain.id, "COLLABORATIVE", "🚀🔥"));
    const guide = await articles.createArticle(admin, draft(domain.id, "GUIDE", "⭐ — ⭐!"));
    expect(first.slug).toMatch(/^article-[0-9a-f]{8}$/);
    expect(second.slug).toMatch(/^article-[0-9a-f]{8}$/);
    expect(second.slug).not.toBe(first.slug);
    expect(guide.slug).toMatch(/^guide-[0-9a-f]{8}$/);

    const section = await sections.addSection(admin, {
      articleId: first.id,
      title: "🎉",
      body: "",
      acceptsInsights: true,
    });
    expect(section.article.sections.map((s) => s.anchor)).toEqual([
      expect.stringMatching(/^section-[0-9a-f]{8}$/),
    ]);
  });

  it("a title in another script gets a readable slug, transliterated", async () => {
    const admin = await person("ADMIN");
    const domain = await createDomain(db);
    const tail = suffix();
    const created = await articles.createArticle(
      admin,
      draft(domain.id, "GUIDE", `Как выбрать базу данных ${tail}`),
    );
    expect(created.slug).toBe(`kak-vybrat-bazu-dannyh-${tail}`);
  });

  it("a new title for a published article leaves its slug as it is", async () => {
    const admin = await person("ADMIN");
    const published = await createArticle(db);
    const { domainId, kind, summary } = await db.article.findUniqueOrThrow({
      where: { id: published.id },
      select: { domainId: true, kind: true, summary: true },
    });
    const renamed = await articles.updateArticle(admin, {
      id: published.id,
      domainId,
      kind,
      title: `An entirely new title ${suffix()}`,
      slug: published.slug,
      summary,
    });
    expect(renamed.article).toMatchObject({ slug: published.slug, oldSlugs: [] });
    expect(renamed.tags).not.toContain(tags.articleSlug(published.slug));
    expect(await resolveArticleSlug(published.slug)).toBe(published.id);
    expect(await db.articleSlugRedirect.count({ where: { articleId: published.id } })).toBe(0);
  });
});
