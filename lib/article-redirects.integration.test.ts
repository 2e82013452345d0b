import { NextRequest } from "next/server";
import type pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { createPrismaClient } from "@/prisma/client";
import { createArticle } from "@/prisma/factories";
import { articleRedirectTarget } from "./article-redirects";

const db = createPrismaClient(process.env.DATABASE_URL!);
const redirects = globalThis as unknown as {
  roundtableArticleRedirects?: { pool?: pg.Pool; pending?: Promise<void> };
};

/** Forgets the map and its pool, as a freshly started app would have none. */
async function forget() {
  const state = redirects.roundtableArticleRedirects;
  delete redirects.roundtableArticleRedirects;
  await state?.pending;
  await state?.pool?.end();
}

afterEach(forget);
afterAll(() => db.$disconnect());

async function renamed(status: "PUBLISHED" | "DRAFT" = "PUBLISHED") {
  const article = await createArticle(db, { status });
  const old = `${article.slug}-before`;
  await db.articleSlugRedirect.create({ data: { slug: old, articleId: article.id } });
  return { article, old };
}

describe("old article addresses", () => {
  it("answer with one 308 to the article's current address", async () => {
    const { article, old } = await renamed();

    const response = await proxy(new NextRequest(`http://localhost/articles/${old}`));

    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(`http://localhost/articles/${article.slug}`);
  });

  it("leave current addresses, other paths and drafts' old slugs to the app", async () => {
    const { article } = await renamed();
    const draft = await renamed("DRAFT");

    for (const path of [`/articles/${article.slug}`, `/articles/${draft.old}`, `/domains/${article.slug}`]) {
      const response = await proxy(new NextRequest(`http://localhost${path}`));
      expect(response.status, path).toBe(200);
      expect(response.headers.get("location"), path).toBeNull();
    }
  });

  it("learn of a rename at the next check", async () => {
    const { article } = await renamed();
    expect(await articleRedirectTarget(`${article.slug}-later`)).toBeNull();

    await db.articleSlugRedirect.create({ data: { slug: `${article.slug}-later`, articleId: article.id } });
    // The next check comes after a few seconds; a fresh map stands in for waiting.
    await forget();

    expect(await articleRedirectTarget(`${article.slug}-later`)).toBe(article.slug);
  });
});
