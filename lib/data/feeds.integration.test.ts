import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeAppConnections } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createDomain, createInsight, createUser } from "@/prisma/factories";
import {
  FEED_ITEM_LIMIT,
  getArticleInsightsFeed,
  getArticlesFeed,
  getDomainFeed,
  getSitemapChunk,
  listSitemapChunks,
} from "./feeds";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

const MINUTE = 60 * 1000;

describe("article feeds", () => {
  let parent: Awaited<ReturnType<typeof createDomain>>;
  let child: Awaited<ReturnType<typeof createDomain>>;
  let sibling: Awaited<ReturnType<typeof createDomain>>;
  let inParent: Awaited<ReturnType<typeof createArticle>>;
  let inChild: Awaited<ReturnType<typeof createArticle>>;
  let inSibling: Awaited<ReturnType<typeof createArticle>>;
  let draft: Awaited<ReturnType<typeof createArticle>>;

  beforeAll(async () => {
    parent = await createDomain(db, { name: "Feeds parent" });
    child = await createDomain(db, { name: "Feeds child", parentId: parent.id });
    sibling = await createDomain(db, { name: "Feeds sibling" });
    inParent = await createArticle(db, { domainId: parent.id, title: "In the parent" });
    inChild = await createArticle(db, { domainId: child.id, title: "In the child" });
    inSibling = await createArticle(db, { domainId: sibling.id });
    draft = await createArticle(db, { domainId: child.id, status: "DRAFT" });
  });

  it("lists the newest published articles of every domain, never a draft", async () => {
    const feed = await getArticlesFeed();
    const ids = feed.articles.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([inParent.id, inChild.id, inSibling.id]));
    expect(ids).not.toContain(draft.id);
    expect(feed.articles.length).toBeLessThanOrEqual(FEED_ITEM_LIMIT);
    const dates = feed.articles.map((a) => a.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(feed.articles.find((a) => a.id === inChild.id)).toMatchObject({
      slug: inChild.slug,
      title: "In the child",
      summary: "A test article.",
      domain: { name: "Feeds child", slug: child.slug },
    });
    expect(feed.updatedAt >= feed.articles.find((a) => a.id === inChild.id)!.updatedAt).toBe(true);
  });

  it("lists at most the newest FEED_ITEM_LIMIT articles", async () => {
    const many = await createDomain(db);
    for (let i = 0; i <= FEED_ITEM_LIMIT; i++) await createArticle(db, { domainId: many.id });
    const feed = await getDomainFeed(many.slug);
    expect(feed?.articles).toHaveLength(FEED_ITEM_LIMIT);
  });

  it("gives a parent domain its children's articles too, and a child only its own", async () => {
    const parentFeed = await getDomainFeed(parent.slug);
    expect(parentFeed?.domain).toEqual({
      id: parent.id,
      name: "Feeds parent",
      slug: parent.slug,
      description: "A test domain.",
    });
    expect(new Set(parentFeed?.articles.map((a) => a.id))).toEqual(new Set([inParent.id, inChild.id]));

    const childFeed = await getDomainFeed(child.slug);
    expect(childFeed?.articles.map((a) => a.id)).toEqual([inChild.id]);
  });

  it("has no feed for a domain that does not exist", async () => {
    await expect(getDomainFeed("no-such-domain")).resolves.toBeNull();
  });
});

describe("an article's insights feed", () => {
  let article: Awaited<ReturnType<typeof createArticle>>;
  const visible: string[] = [];
  const hidden: string[] = [];

  beforeAll(async () => {
    article = await createArticle(db, {
      sections: [
        { title: "Getting started", body: "One." },
        { title: "Going further", body: "Two." },
      ],
    });
    const [first, second] = article.sections;
    const now = Date.now();
    // One live insight per author and section: every case gets its own author.
    for (const [section, minutesAgo] of [
      [first!, 30],
      [second!, 20],
      [first!, 10],
    ] as const) {
      const author = await createUser(db, { name: `Visible ${minutesAgo}` });
      const insight = await createInsight(db, {
        sectionId: section.id,
        authorId: author.id,
        createdAt: new Date(now - minutesAgo * MINUTE),
      });
      visible.unshift(insight.id); // newest first
    }
    for (const status of ["PENDING", "REJECTED", "REMOVED"] as const) {
      const author = await createUser(db);
      hidden.push((await createInsight(db, { sectionId: first!.id, authorId: author.id, status })).id);
    }
    for (const status of ["BANNED", "SUSPENDED"] as const) {
      const author = await createUser(db, { status, statusReason: "Spam" });
      hidden.push((await createInsight(db, { sectionId: first!.id, authorId: author.id })).id);
    }
    const deleter = await createUser(db);
    const deleted = await createInsight(db, { sectionId: second!.id, authorId: deleter.id });
    await db.insight.update({
      where: { id: deleted.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });
    hidden.push(deleted.id);
  });

  it("lists the insights readers can see, newest first, with their section and author", async () => {
    const feed = await getArticleInsightsFeed(article.slug);
    expect(feed?.article).toEqual({
      id: article.id,
      slug: article.slug,
      title: article.title,
      summary: "A test article.",
    });
    expect(feed?.insights.map((i) => i.id)).toEqual(visible);
    for (const id of hidden) expect(feed?.insights.map((i) => i.id)).not.toContain(id);
    expect(feed?.insights[1]).toMatchObject({
      section: { title: "Going further", anchor: "section-2" },
      author: { name: "Visible 20" },
      editedAt: null,
    });
    expect(Object.keys(feed!.insights[0]!.author).sort()).toEqual(["handle", "name"]);
    // Newer than every entry (the insights here are back-dated before the article's publication).
    expect(feed!.updatedAt >= feed!.insights[0]!.publishedAt).toBe(true);
  });

  it("has no feed for a draft article or an unknown slug", async () => {
    const draft = await createArticle(db, { status: "DRAFT" });
    const author = await createUser(db);
    await createInsight(db, { sectionId: draft.sections[0]!.id, authorId: author.id });
    await expect(getArticleInsightsFeed(draft.slug)).resolves.toBeNull();
    await expect(getArticleInsightsFeed("no-such-article")).resolves.toBeNull();
  });

  it("is an empty feed for a published article without insights", async () => {
    const quiet = await createArticle(db);
    const feed = await getArticleInsightsFeed(quiet.slug);
    expect(feed?.insights).toEqual([]);
    const { publishedAt } = await db.article.findUniqueOrThrow({
      where: { id: quiet.id },
      select: { publishedAt: true },
    });
    expect(feed?.updatedAt).toBe(publishedAt!.toISOString());
  });
});

describe("sitemap", () => {
  let domain: Awaited<ReturnType<typeof createDomain>>;
  let published: Awaited<ReturnType<typeof createArticle>>;
  let draft: Awaited<ReturnType<typeof createArticle>>;
  const listedMembers: string[] = [];
  const unlistedMembers: string[] = [];

  beforeAll(async () => {
    domain = await createDomain(db);
    published = await createArticle(db, { domainId: domain.id });
    draft = await createArticle(db, { domainId: domain.id, status: "DRAFT" });
    const section = published.sections[0]!.id;

    const contributor = await createUser(db);
    await createInsight(db, { sectionId: section, authorId: contributor.id });
    listedMembers.push(contributor.handle);

    const held = await createUser(db);
    await createInsight(db, { sectionId: section, authorId: held.id, status: "PENDING" });
    const onDraft = await createUser(db);
    await createInsight(db, { sectionId: draft.sections[0]!.id, authorId: onDraft.id });
    const banned = await createUser(db, { status: "BANNED", statusReason: "Spam" });
    await createInsight(db, { sectionId: section, authorId: banned.id });
    const silent = await createUser(db);
    const deleter = await createUser(db);
    const deleted = await createInsight(db, { sectionId: section, authorId: deleter.id });
    await db.insight.update({
      where: { id: deleted.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });
    unlistedMembers.push(held.handle, onDraft.handle, banned.handle, silent.handle, deleter.handle);
  });

  async function allEntries() {
    const chunks = await listSitemapChunks();
    const entries = (await Promise.all(chunks.map((id) => getSitemapChunk(id)))).flat();
    return { chunks, entries, paths: entries.map((e) => e.path) };
  }

  it("lists the fixed pages, every domain and published article, never a draft", async () => {
    const { chunks, entries, paths } = await allEntries();
    expect(chunks).toEqual(["pages-0", "articles-0", "members-0"]);
    expect(paths).toEqual(expect.arrayContaining(["/", "/badges", "/contribute", `/domains/${domain.slug}`]));
    expect(paths).toContain(`/articles/${published.slug}`);
    expect(paths).not.toContain(`/articles/${draft.slug}`);
    expect(new Set(paths).size).toBe(paths.length);

    const article = entries.find((e) => e.path === `/articles/${published.slug}`);
    expect(Date.parse(article!.lastModified!)).not.toBeNaN();
    // A domain page changes when an article in it is published.
    const { publishedAt } = await db.article.findUniqueOrThrow({
      where: { id: published.id },
      select: { publishedAt: true },
    });
    const domainEntry = entries.find((e) => e.path === `/domains/${domain.slug}`);
    expect(domainEntry?.lastModified).toBe(publishedAt!.toISOString());
  });

  it("lists members with an insight readers can see, and no one else", async () => {
    const { entries, paths } = await allEntries();
    for (const handle of listedMembers) expect(paths).toContain(`/members/${handle}`);
    for (const handle of unlistedMembers) expect(paths).not.toContain(`/members/${handle}`);
    const member = entries.find((e) => e.path === `/members/${listedMembers[0]}`);
    expect(Date.parse(member!.lastModified!)).not.toBeNaN();
  });

  it("splits each kind into chunks of the given size", async () => {
    const articleCount = await db.article.count({ where: { status: "PUBLISHED" } });
    const chunks = await listSitemapChunks(2);
    const articleChunks = chunks.filter((id) => id.startsWith("articles-"));
    expect(articleChunks).toHaveLength(Math.ceil(articleCount / 2));
    const paths: string[] = [];
    for (const id of articleChunks) {
      const entries = await getSitemapChunk(id, 2);
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.length).toBeLessThanOrEqual(2);
      paths.push(...entries.map((e) => e.path));
    }
    expect(paths).toContain(`/articles/${published.slug}`);
    expect(new Set(paths).size).toBe(articleCount);
  });

  it("has nothing for a chunk that does not exist", async () => {
    await expect(getSitemapChunk("drafts-0")).resolves.toEqual([]);
    await expect(getSitemapChunk("articles-999")).resolves.toEqual([]);
  });
});
