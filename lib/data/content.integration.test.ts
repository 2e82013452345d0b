import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeAppConnections } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createDomain, createInsight, createUser } from "@/prisma/factories";
import { DOMAIN_PAGE_SIZE, getArticleView, getDomainView, resolveArticleSlug } from "./content";
import { getMemberProfile } from "./members";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

const HOUR = 60 * 60 * 1000;

describe("articles", () => {
  it("hides a draft: its slug resolves to nothing and it has no view", async () => {
    const draft = await createArticle(db, { status: "DRAFT" });
    const published = await createArticle(db);
    await expect(resolveArticleSlug(draft.slug)).resolves.toBeNull();
    await expect(getArticleView(draft.id)).resolves.toBeNull();
    await expect(resolveArticleSlug(published.slug)).resolves.toBe(published.id);
    await expect(resolveArticleSlug("no-such-article")).resolves.toBeNull();
  });

  it("orders sections by position, not by when they were written", async () => {
    const article = await createArticle(db, {
      sections: [
        { title: "Written first", body: "One." },
        { title: "Written second", body: "Two." },
        { title: "Written third", body: "Three." },
      ],
    });
    const [first, second, third] = article.sections;
    // No unique constraint on position, so the swap can be done row by row.
    await db.section.update({ where: { id: first!.id }, data: { position: 2 } });
    await db.section.update({ where: { id: second!.id }, data: { position: 0 } });
    await db.section.update({ where: { id: third!.id }, data: { position: 1 } });

    const view = await getArticleView(article.id);
    expect(view?.sections.map((s) => s.title)).toEqual(["Written second", "Written third", "Written first"]);
  });

  describe("insights on an article", () => {
    let article: Awaited<ReturnType<typeof createArticle>>;
    const visible: { id: string; author: string }[] = [];
    const hidden: string[] = [];

    beforeAll(async () => {
      article = await createArticle(db);
      const sectionId = article.sections[0]!.id;
      const now = Date.now();
      // One live insight per author and section, so each case has its own author.
      for (const [hoursAgo, name] of [
        [3, "Older Insight"],
        [1, "Newer Insight"],
      ] as const) {
        const author = await createUser(db, { name });
        const insight = await createInsight(db, {
          sectionId,
          authorId: author.id,
          createdAt: new Date(now - hoursAgo * HOUR),
        });
        visible.push({ id: insight.id, author: author.handle });
      }
      for (const status of ["PENDING", "REJECTED", "REMOVED"] as const) {
        const author = await createUser(db);
        hidden.push((await createInsight(db, { sectionId, authorId: author.id, status })).id);
      }
      const banned = await createUser(db, { status: "BANNED", statusReason: "Spam" });
      hidden.push((await createInsight(db, { sectionId, authorId: banned.id })).id);
    });

    it("shows only published insights by active authors, newest first", async () => {
      const section = (await getArticleView(article.id))?.sections[0];
      expect(section?.insights.map((i) => i.id)).toEqual([visible[1]!.id, visible[0]!.id]);
      expect(section?.insights.map((i) => i.author.handle)).toEqual([visible[1]!.author, visible[0]!.author]);
      for (const id of hidden) expect(section?.insights.map((i) => i.id)).not.toContain(id);
    });

    it("counts only the insights it shows", async () => {
      const sections = (await getArticleView(article.id))?.sections;
      expect(sections?.[0]?.insightCount).toBe(2);
      expect(sections?.[1]).toMatchObject({ insights: [], insightCount: 0 });
    });

    it("shows no author details beyond name, handle, headline and public badges", async () => {
      const insight = (await getArticleView(article.id))?.sections[0]?.insights[0];
      expect(Object.keys(insight?.author ?? {}).sort()).toEqual(["badges", "handle", "headline", "name"]);
    });
  });
});

describe("getDomainView", () => {
  const parentArticles = 13;
  const childArticles = 9;
  const total = parentArticles + childArticles;
  let parent: Awaited<ReturnType<typeof createDomain>>;
  let child: Awaited<ReturnType<typeof createDomain>>;
  const publishedIds = new Set<string>();
  const draftIds = new Set<string>();

  beforeAll(async () => {
    parent = await createDomain(db);
    child = await createDomain(db, { parentId: parent.id });
    for (let i = 0; i < parentArticles; i++)
      publishedIds.add((await createArticle(db, { domainId: parent.id })).id);
    for (let i = 0; i < childArticles; i++)
      publishedIds.add((await createArticle(db, { domainId: child.id })).id);
    for (let i = 0; i < 2; i++)
      draftIds.add((await createArticle(db, { domainId: parent.id, status: "DRAFT" })).id);
  });

  it("lists the published articles of the domain and of its children, a page at a time", async () => {
    expect(total).toBeGreaterThan(DOMAIN_PAGE_SIZE);
    const first = await getDomainView(parent.slug, 1);
    const second = await getDomainView(parent.slug, 2);

    expect(first).toMatchObject({ slug: parent.slug, page: 1, pageCount: 2, articleCount: total });
    expect(first?.articles).toHaveLength(DOMAIN_PAGE_SIZE);
    expect(second).toMatchObject({ page: 2, pageCount: 2, articleCount: total });
    expect(second?.articles).toHaveLength(total - DOMAIN_PAGE_SIZE);

    const listed = [...first!.articles, ...second!.articles];
    expect(new Set(listed.map((a) => a.id))).toEqual(publishedIds);
    expect(listed.some((a) => a.domain.slug === child.slug)).toBe(true);
    for (const id of draftIds) expect(listed.map((a) => a.id)).not.toContain(id);

    const dates = listed.map((a) => Date.parse(a.publishedAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("lists the children with their own counts, and the child links back to its parent", async () => {
    const view = await getDomainView(parent.slug, 1);
    expect(view?.children).toEqual([
      expect.objectContaining({ slug: child.slug, articleCount: childArticles }),
    ]);
    const childView = await getDomainView(child.slug, 1);
    expect(childView).toMatchObject({
      parent: { slug: parent.slug },
      articleCount: childArticles,
      pageCount: 1,
    });
    expect(childView?.articles).toHaveLength(childArticles);
  });

  it("answers an empty page past the end and null for an unknown domain", async () => {
    await expect(getDomainView(parent.slug, 3)).resolves.toMatchObject({ articles: [], pageCount: 2 });
    await expect(getDomainView("no-such-domain", 1)).resolves.toBeNull();
  });
});

describe("getMemberProfile", () => {
  it("shows an active member with their published insights", async () => {
    const member = await createUser(db, { headline: "Writes about careers" });
    const article = await createArticle(db);
    await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
    await createInsight(db, { sectionId: article.sections[1]!.id, authorId: member.id, status: "PENDING" });
    await expect(getMemberProfile(member.handle)).resolves.toMatchObject({
      handle: member.handle,
      headline: "Writes about careers",
      insightCount: 1,
      insights: [expect.objectContaining({ article: { slug: article.slug, title: article.title } })],
    });
  });

  it("returns null for an unknown handle", async () => {
    await expect(getMemberProfile("nobody-by-this-name")).resolves.toBeNull();
  });

  it("returns null for a banned member, even one with published insights", async () => {
    const banned = await createUser(db, { status: "BANNED" });
    const article = await createArticle(db);
    await createInsight(db, { sectionId: article.sections[0]!.id, authorId: banned.id });
    await expect(getMemberProfile(banned.handle)).resolves.toBeNull();
  });
});
