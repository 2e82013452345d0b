import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getUnknownEndpoint } from "@/app/api/v1/[...path]/route";
import { publicJson } from "@/app/api/v1/_lib/respond";
import { GET as getArticleRoute } from "@/app/api/v1/articles/[slug]/route";
import { GET as getSectionInsightsRoute } from "@/app/api/v1/articles/[slug]/sections/[anchor]/insights/route";
import { GET as getMemberInsightsRoute } from "@/app/api/v1/members/[handle]/insights/route";
import { AppError } from "@/lib/errors";
import { siteUrl } from "@/lib/site";
import { rejectionOf, testDatabase } from "@/lib/testing/integration";
import { createArticle, createInsight, createUser } from "@/prisma/factories";
import { getPublicArticle, listPublicMemberInsights, listPublicSectionInsights } from "@/lib/data/public-api";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

const db = testDatabase(3);

const HOUR = 60 * 60 * 1000;
const CACHE_CONTROL = "public, max-age=60, s-maxage=60, stale-while-revalidate=300";
const url = (path: string) => new URL(path, siteUrl()).toString();

type Article = Awaited<ReturnType<typeof createArticle>>;

/** An insight by a new author (a member has at most one live insight per section), `hoursAgo` old. */
async function insightBy(
  sectionId: string,
  options: {
    hoursAgo?: number;
    at?: Date;
    status?: "PENDING" | "PUBLISHED" | "REJECTED" | "REMOVED";
    author?: Parameters<typeof createUser>[1];
  } = {},
) {
  const author = await createUser(db, options.author);
  const insight = await createInsight(db, {
    sectionId,
    authorId: author.id,
    status: options.status,
    createdAt: options.at ?? new Date(Date.now() - (options.hoursAgo ?? 1) * HOUR),
  });
  return { ...insight, author };
}

async function softDelete(insightId: string) {
  await db.insight.update({ where: { id: insightId }, data: { deletedAt: new Date(), liveSectionId: null } });
}

/** The AppError a call rejected with (fails the test when it resolved or threw something else). */
async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function request(path: string, headers: Record<string, string> = {}) {
  return new Request(new URL(path, "http://localhost:3000"), { headers });
}
const params = <T extends Record<string, string>>(values: T) => ({ params: Promise.resolve(values) });

describe("getPublicArticle", () => {
  let article: Article;
  let sectionId: string;
  const visible: { id: string; handle: string }[] = [];
  const hidden: string[] = [];
  let hiddenAuthorEmails: string[] = [];

  beforeAll(async () => {
    article = await createArticle(db, {
      sections: [
        { title: "With insights", body: "**Markdown** body." },
        { title: "Closed", body: "Nothing here.", acceptsInsights: false },
      ],
    });
    sectionId = article.sections.find((s) => s.anchor === "section-1")!.id;
    for (const hoursAgo of [3, 1]) {
      const insight = await insightBy(sectionId, { hoursAgo, author: { headline: `Headline ${hoursAgo}` } });
      visible.push({ id: insight.id, handle: insight.author.handle });
    }
    const hiddenInsights = [
      ...(await Promise.all(
        (["PENDING", "REJECTED", "REMOVED"] as const).map((status) => insightBy(sectionId, { status })),
      )),
      await insightBy(sectionId, { author: { status: "BANNED", statusReason: "Spam" } }),
      await insightBy(sectionId, { author: { status: "SUSPENDED", statusReason: "Cooling off" } }),
    ];
    const deleted = await insightBy(sectionId, { hoursAgo: 0.5 });
    await softDelete(deleted.id);
    hiddenInsights.push(deleted);
    hidden.push(...hiddenInsights.map((i) => i.id));
    hiddenAuthorEmails = hiddenInsights.map((i) => i.author.email);
  });

  it("shows a published article with its sections in order and only the insights readers may see", async () => {
    const result = await getPublicArticle({ slug: article.slug });
    expect(result).toMatchObject({
      slug: article.slug,
      title: article.title,
      summary: "A test article.",
      kind: "COLLABORATIVE",
      url: url(`/articles/${article.slug}`),
      domain: { name: expect.any(String) as string, slug: expect.any(String) as string },
    });
    expect(new Date(result.publishedAt).toISOString()).toBe(result.publishedAt);
    expect(new Date(result.updatedAt).toISOString()).toBe(result.updatedAt);
    expect(
      result.sections.map(({ anchor, title, body, acceptsInsights }) => ({
        anchor,
        title,
        body,
        acceptsInsights,
      })),
    ).toEqual([
      { anchor: "section-1", title: "With insights", body: "**Markdown** body.", acceptsInsights: true },
      { anchor: "section-2", title: "Closed", body: "Nothing here.", acceptsInsights: false },
    ]);
    const [first, second] = result.sections;
    expect(first?.insights.map((i) => i.id)).toEqual([visible[1]!.id, visible[0]!.id]);
    expect(first?.insightCount).toBe(2);
    expect(first?.nextCursor).toBeNull();
    expect(second).toMatchObject({ insights: [], insightCount: 0, nextCursor: null });
    for (const id of hidden) expect(JSON.stringify(result)).not.toContain(id);
  });

  it("gives each insight its Markdown, dates, public author details and reaction counts", async () => {
    await db.insight.update({
      where: { id: visible[0]!.id },
      data: { likeCount: 5, insightfulCount: 4, helpfulCount: 3, celebrateCount: 2, unhelpfulCount: 1 },
    });
    const insights = (await getPublicArticle({ slug: article.slug })).sections[0]!.insights;
    const older = insights.find((i) => i.id === visible[0]!.id)!;
    expect(older.reactions).toEqual({ like: 5, insightful: 4, helpful: 3, celebrate: 2, unhelpful: 1 });
    expect(insights.find((i) => i.id === visible[1]!.id)?.reactions).toEqual({
      like: 0,
      insightful: 0,
      helpful: 0,
      celebrate: 0,
      unhelpful: 0,
    });
    expect(Object.keys(older).sort()).toEqual([
      "author",
      "body",
      "editedAt",
      "id",
      "publishedAt",
      "reactions",
    ]);
    expect(older.author).toEqual({
      name: expect.any(String) as string,
      handle: visible[0]!.handle,
      headline: "Headline 3",
      profileUrl: url(`/members/${visible[0]!.handle}`),
    });
    expect(older.body).toContain("writing down what you tried");
    expect(new Date(older.publishedAt).getTime()).toBeLessThan(Date.now() - 2 * HOUR);
    expect(older.editedAt).toBeNull();
  });

  it("reveals nothing private: no emails, user ids or password hashes", async () => {
    const json = JSON.stringify(await getPublicArticle({ slug: article.slug }));
    const authors = await db.user.findMany({
      where: { handle: { in: visible.map((v) => v.handle) } },
      select: { id: true, email: true },
    });
    for (const author of authors) {
      expect(json).not.toContain(author.id);
      expect(json).not.toContain(author.email);
    }
    for (const email of hiddenAuthorEmails) expect(json).not.toContain(email);
    expect(json).not.toMatch(/passwordHash|email|authorId|sectionId|\$argon2/);
    expect(json).not.toContain(article.id);
  });

  it("refuses drafts and unknown slugs with NOT_FOUND", async () => {
    const draft = await createArticle(db, { status: "DRAFT" });
    for (const slug of [draft.slug, "no-such-article"]) {
      const error = await appErrorOf(getPublicArticle({ slug }));
      expect(error.code).toBe("NOT_FOUND");
    }
  });

  it("refuses a malformed slug or limit with INVALID_INPUT naming the parameter", async () => {
    const error = await appErrorOf(getPublicArticle({ slug: "Not_A_Slug", insightsPerSection: "0" }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["insightsPerSection", "slug"]);
  });
});

describe("pagination", () => {
  let article: Article;
  let sectionId: string;
  /** The visible insights, newest first (ties broken by id), as the API must list them. */
  let expectedOrder: string[];

  beforeAll(async () => {
    article = await createArticle(db);
    sectionId = article.sections[0]!.id;
    const now = Date.now();
    // Two pairs published in the same millisecond: the cursor must not skip or repeat either of them.
    const times = [1, 2, 2, 3, 4, 4, 5].map((hours) => new Date(now - hours * HOUR));
    const rows: { id: string; at: number }[] = [];
    for (const at of times) rows.push({ id: (await insightBy(sectionId, { at })).id, at: at.getTime() });
    await insightBy(sectionId, { status: "PENDING", hoursAgo: 2.5 });
    rows.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
    expectedOrder = rows.map((row) => row.id);
  });

  it("limits the insights per section and hands out a cursor for the rest", async () => {
    const section = (await getPublicArticle({ slug: article.slug, insightsPerSection: "3" })).sections[0]!;
    expect(section.insightCount).toBe(7);
    expect(section.insights.map((i) => i.id)).toEqual(expectedOrder.slice(0, 3));
    expect(section.nextCursor).toEqual(expect.any(String));

    const rest = await listPublicSectionInsights({
      slug: article.slug,
      anchor: "section-1",
      cursor: section.nextCursor,
      limit: "50",
    });
    expect(rest.insights.map((i) => i.id)).toEqual(expectedOrder.slice(3));
    expect(rest.nextCursor).toBeNull();
  });

  it("shows ten insights per section by default", async () => {
    const many = await createArticle(db);
    for (let i = 0; i < 11; i++) await insightBy(many.sections[0]!.id, { hoursAgo: i + 1 });
    const section = (await getPublicArticle({ slug: many.slug })).sections[0]!;
    expect(section.insights).toHaveLength(10);
    expect(section.insightCount).toBe(11);
    expect(section.nextCursor).not.toBeNull();
  });

  it.each([1, 2, 3, 7])("visits every insight of a section exactly once, %i at a time", async (limit) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listPublicSectionInsights>> = await listPublicSectionInsights({
        slug: article.slug,
        anchor: "section-1",
        cursor,
        limit: String(limit),
      });
      expect(page.insights.length).toBeLessThanOrEqual(limit);
      expect(page.section).toEqual({ anchor: "section-1", title: "First section", insightCount: 7 });
      seen.push(...page.insights.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toEqual(expectedOrder);
    expect(pages).toBe(Math.ceil(7 / limit));
  });

  it("refuses a cursor it did not make with INVALID_INPUT", async () => {
    for (const cursor of ["garbage!", "bm90LWpzb24", Buffer.from('["soon","x"]').toString("base64url")]) {
      const error = await appErrorOf(
        listPublicSectionInsights({ slug: article.slug, anchor: "section-1", cursor }),
      );
      expect(error.code).toBe("INVALID_INPUT");
      expect(Object.keys(error.fieldErrors ?? {})).toEqual(["cursor"]);
    }
  });

  it("refuses an unknown section, or a section of a draft, with NOT_FOUND", async () => {
    const draft = await createArticle(db, { status: "DRAFT" });
    for (const [slug, anchor] of [
      [article.slug, "no-such-section"],
      [draft.slug, "section-1"],
    ] as const) {
      expect((await appErrorOf(listPublicSectionInsights({ slug, anchor }))).code).toBe("NOT_FOUND");
    }
  });
});

describe("listPublicMemberInsights", () => {
  let member: Awaited<ReturnType<typeof createUser>>;
  let expectedOrder: string[];

  beforeAll(async () => {
    member = await createUser(db, { headline: "Writes a lot" });
    const now = Date.now();
    const shown: { id: string; at: number }[] = [];
    // Five articles with two sections each: one insight per section, some on the same millisecond.
    const hoursAgo = [1, 2, 2, 3, 4, 5, 6, 6, 7];
    for (let i = 0; i < hoursAgo.length; i += 2) {
      const article = await createArticle(db);
      for (const [index, section] of article.sections.entries()) {
        const hours = hoursAgo[i + index];
        if (hours === undefined) continue;
        const at = new Date(now - hours * HOUR);
        const insight = await createInsight(db, {
          sectionId: section.id,
          authorId: member.id,
          createdAt: at,
        });
        shown.push({ id: insight.id, at: at.getTime() });
      }
    }
    shown.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
    expectedOrder = shown.map((s) => s.id);

    const elsewhere = await createArticle(db, {
      sections: [
        { title: "A", body: "a" },
        { title: "B", body: "b" },
        { title: "C", body: "c" },
      ],
    });
    const [a, b, c] = elsewhere.sections;
    await createInsight(db, { sectionId: a!.id, authorId: member.id, status: "PENDING" });
    await createInsight(db, { sectionId: b!.id, authorId: member.id, status: "REMOVED" });
    await softDelete((await createInsight(db, { sectionId: c!.id, authorId: member.id })).id);
    const draft = await createArticle(db, { status: "DRAFT" });
    await createInsight(db, { sectionId: draft.sections[0]!.id, authorId: member.id });
  });

  it("lists the member's published insights on published articles, newest first, with where they are", async () => {
    const page = await listPublicMemberInsights({ handle: member.handle });
    expect(page.member).toEqual({
      name: member.name,
      handle: member.handle,
      headline: "Writes a lot",
      profileUrl: url(`/members/${member.handle}`),
    });
    expect(page.insights.map((i) => i.id)).toEqual(expectedOrder);
    expect(page.nextCursor).toBeNull();
    const first = page.insights[0]!;
    const section = await db.section.findFirstOrThrow({
      where: { insights: { some: { id: first.id } } },
      select: { anchor: true, title: true, article: { select: { slug: true, title: true } } },
    });
    expect(first.article).toEqual({ ...section.article, url: url(`/articles/${section.article.slug}`) });
    expect(first.section).toEqual({ anchor: section.anchor, title: section.title });
    expect(first.reactions).toEqual({ like: 0, insightful: 0, helpful: 0, celebrate: 0, unhelpful: 0 });
    expect(JSON.stringify(page)).not.toContain(member.email);
    expect(JSON.stringify(page)).not.toContain(member.id);
  });

  it("visits every insight exactly once, page by page", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listPublicMemberInsights>> = await listPublicMemberInsights({
        handle: member.handle,
        cursor,
        limit: "2",
      });
      seen.push(...page.insights.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 50);
    expect(seen).toEqual(expectedOrder);
  });

  it("refuses unknown and banned members; a suspended member shows no insights", async () => {
    const banned = await createUser(db, { status: "BANNED", statusReason: "Spam" });
    const suspended = await createUser(db, { status: "SUSPENDED", statusReason: "Cooling off" });
    const article = await createArticle(db);
    await createInsight(db, { sectionId: article.sections[0]!.id, authorId: banned.id });
    await createInsight(db, { sectionId: article.sections[0]!.id, authorId: suspended.id });
    for (const handle of ["no-such-member", banned.handle]) {
      expect((await appErrorOf(listPublicMemberInsights({ handle }))).code).toBe("NOT_FOUND");
    }
    expect(await listPublicMemberInsights({ handle: suspended.handle })).toMatchObject({
      insights: [],
      nextCursor: null,
    });
  });

  it("refuses a bad handle, limit or cursor with INVALID_INPUT", async () => {
    const error = await appErrorOf(
      listPublicMemberInsights({ handle: "Priya Raman", limit: "51", cursor: "%%%" }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["cursor", "handle", "limit"]);
  });
});

describe("route handlers", () => {
  let article: Article;
  let author: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    article = await createArticle(db);
    author = await createUser(db);
    await createInsight(db, { sectionId: article.sections[0]!.id, authorId: author.id });
  });

  it("GET /api/v1/articles/{slug}: 200 cacheable JSON with an ETag, 304 when it matches", async () => {
    const path = `/api/v1/articles/${article.slug}`;
    const response = await getArticleRoute(request(path), params({ slug: article.slug }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe(CACHE_CONTROL);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    const body = (await response.json()) as Awaited<ReturnType<typeof getPublicArticle>>;
    expect(body.slug).toBe(article.slug);
    expect(body.sections[0]?.insights[0]?.author.handle).toBe(author.handle);

    const again = await getArticleRoute(request(path), params({ slug: article.slug }));
    expect(again.headers.get("etag")).toBe(etag);

    const notModified = await getArticleRoute(
      request(path, { "if-none-match": `"other", ${etag}` }),
      params({ slug: article.slug }),
    );
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect(notModified.headers.get("etag")).toBe(etag);
    expect(notModified.headers.get("cache-control")).toBe(CACHE_CONTROL);

    // Once the data changes, the old ETag no longer matches and the new body comes back.
    await db.insight.updateMany({ where: { authorId: author.id }, data: { likeCount: 1 } });
    const changed = await getArticleRoute(
      request(path, { "if-none-match": etag! }),
      params({ slug: article.slug }),
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    const changedBody = (await changed.json()) as Awaited<ReturnType<typeof getPublicArticle>>;
    expect(changedBody.sections[0]?.insights[0]?.reactions.like).toBe(1);
  });

  it("answers an unknown slug with 404 JSON and bad parameters with 400 JSON", async () => {
    const missing = await getArticleRoute(
      request("/api/v1/articles/no-such-article"),
      params({ slug: "no-such-article" }),
    );
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(missing.headers.get("cache-control")).toBe("no-store");
    expect(await missing.json()).toEqual({
      error: "NOT_FOUND",
      message: "No published article has this slug.",
    });

    const bad = await getArticleRoute(
      request(`/api/v1/articles/${article.slug}?insightsPerSection=0`),
      params({ slug: article.slug }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: "INVALID_INPUT",
      message: "Invalid parameter: insightsPerSection.",
      fieldErrors: { insightsPerSection: "Use a whole number from 1 to 50." },
    });

    const badSlug = await getArticleRoute(request("/api/v1/articles/Bad_Slug"), params({ slug: "Bad_Slug" }));
    expect(badSlug.status).toBe(400);
    expect(((await badSlug.json()) as { fieldErrors: object }).fieldErrors).toHaveProperty("slug");
  });

  it("GET /api/v1/articles/{slug}/sections/{anchor}/insights pages through one section", async () => {
    const route = (query: string, anchor = "section-1") =>
      getSectionInsightsRoute(
        request(`/api/v1/articles/${article.slug}/sections/${anchor}/insights${query}`),
        params({ slug: article.slug, anchor }),
      );
    const ok = await route("?limit=1&cursor=");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe(CACHE_CONTROL);
    expect(await ok.json()).toMatchObject({
      article: { slug: article.slug, title: article.title, url: url(`/articles/${article.slug}`) },
      section: { anchor: "section-1", title: "First section", insightCount: 1 },
      insights: [{ author: { handle: author.handle } }],
      nextCursor: null,
    });
    expect((await route("", "no-such-section")).status).toBe(404);
    const bad = await route("?cursor=garbage!");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fieldErrors: object }).fieldErrors).toHaveProperty("cursor");
  });

  it("GET /api/v1/members/{handle}/insights lists the member's insights", async () => {
    const route = (handle: string, query = "") =>
      getMemberInsightsRoute(request(`/api/v1/members/${handle}/insights${query}`), params({ handle }));
    const ok = await route(author.handle, "?limit=5");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await ok.json()) as Awaited<ReturnType<typeof listPublicMemberInsights>>;
    expect(body.member.handle).toBe(author.handle);
    expect(body.insights.map((i) => i.article.slug)).toEqual([article.slug]);

    const missing = await route("no-such-member");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "NOT_FOUND", message: "No member has this handle." });
    expect((await route(author.handle, "?limit=51")).status).toBe(400);
  });

  it("answers any other /api/v1 path with 404 JSON", async () => {
    const response = getUnknownEndpoint();
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: "NOT_FOUND",
      message: "There is no such endpoint in the public API.",
    });
  });

  it("hides an unexpected error behind a generic 500 without a stack trace", async () => {
    const response = await publicJson(request("/api/v1/articles/x"), () =>
      Promise.reject(new Error('relation "Article" does not exist at /srv/app/lib/data/public-api.ts:12')),
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: "INTERNAL", message: "Something went wrong." });
    expect(text).not.toMatch(/relation|public-api|at /);
  });
});
