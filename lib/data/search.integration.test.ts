import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { HighlightSegment } from "@/lib/domain/search";
import { Prisma } from "@/lib/generated/prisma/client";
import { closeAppConnections } from "@/lib/testing/integration";
import {
  parseSearchParams,
  SEARCH_PAGE_MAX,
  SEARCH_PAGE_SIZE,
  type SearchRequest,
} from "@/lib/validation/search";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createDomain, createInsight, createUser } from "@/prisma/factories";
import { INSIGHT_CANDIDATES, matchesDocument, search, SEARCH_COUNT_CAP } from "./search";

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

// Every test searches for words made up for it, so rows of other tests and files never match.
const LETTERS = "bcdfghjklmnpqrstvwxz";
function word(): string {
  return Array.from({ length: 11 }, () => LETTERS[randomInt(LETTERS.length)]).join("");
}

const request = (q: string, overrides: Partial<SearchRequest> = {}): SearchRequest => ({
  q,
  kind: "all",
  domain: undefined,
  page: 1,
  ...overrides,
});

const highlighted = (segments: HighlightSegment[]) =>
  segments.filter((s) => s.highlighted).map((s) => s.text);
const textOf = (segments: HighlightSegment[]) => segments.map((s) => s.text).join("");

type ArticleOptions = Parameters<typeof createArticle>[1] & {
  summary?: string;
  kind?: "COLLABORATIVE" | "GUIDE";
  publishedAt?: Date;
};

/** A published (unless told otherwise) article; summary, kind and date set after the factory made it. */
async function article(options: ArticleOptions = {}) {
  const { summary, kind, publishedAt, ...factory } = options;
  const created = await createArticle(db, factory);
  if (summary !== undefined || kind !== undefined || publishedAt !== undefined) {
    await db.article.update({ where: { id: created.id }, data: { summary, kind, publishedAt } });
  }
  return created;
}

const sectionsWith = (body: string) => [{ title: "Background", body }];

describe("ranking", () => {
  it("ranks a title match above a summary match above a section match", async () => {
    const term = word();
    // Created body first, title last: creation order is the opposite of the expected ranking, and the
    // newest-first tie-breaker would put the section match first if ranks were equal.
    const inSection = await article({ sections: sectionsWith(`Some notes about ${term} in practice.`) });
    const inSummary = await article({ summary: `A summary that mentions ${term} once.` });
    const inTitle = await article({ title: `Getting started with ${term}` });

    const results = await search(request(term, { kind: "articles" }));

    expect(results.status).toBe("ok");
    expect(results.articles.map((a) => a.id)).toEqual([inTitle.id, inSummary.id, inSection.id]);
    expect(results.counts).toEqual({ articles: 3, guides: 0, insights: 0 });
  });

  it("finds words by their stem and highlights them in the title and the snippet", async () => {
    const term = word();
    const created = await article({
      title: `Mentoring ${term} teams`,
      sections: sectionsWith(`We mentored **${term}** engineers for a year and learned a lot from it.`),
    });

    const [hit] = (await search(request(`mentors ${term}`, { kind: "articles" }))).articles;

    expect(hit?.id).toBe(created.id);
    expect(highlighted(hit!.title)).toEqual(["Mentoring", term]);
    expect(highlighted(hit!.snippet)).toEqual(expect.arrayContaining(["mentored", term]));
    // Markdown emphasis is not shown as asterisks.
    expect(textOf(hit!.snippet)).not.toContain("*");
  });

  it("shows the summary when only the title matched", async () => {
    const term = word();
    await article({ title: `All about ${term}`, summary: "Nothing in here repeats the title's words." });

    const [hit] = (await search(request(term))).articles;

    expect(textOf(hit!.snippet)).toBe("Nothing in here repeats the title's words.");
    expect(highlighted(hit!.snippet)).toEqual([]);
  });

  it("shows a passage of a long text around the match, with ellipses where it was cut", async () => {
    const term = word();
    const filler = (label: string) => Array.from({ length: 40 }, (_, n) => `${label}${n}`).join(" ");
    await article({ sections: sectionsWith(`${filler("before")} ${term} ${filler("after")}`) });

    const [hit] = (await search(request(term))).articles;

    const snippet = textOf(hit!.snippet);
    expect(highlighted(hit!.snippet)).toEqual([term]);
    expect(snippet.startsWith("… ")).toBe(true);
    expect(snippet.endsWith(" …")).toBe(true);
    expect(snippet.length).toBeLessThan(400);
  });

  it("never highlights marker characters that were in the stored text", async () => {
    const term = word();
    await article({ sections: sectionsWith(`Odd \u0002bytes\u0001 around ${term} here.`) });

    const [hit] = (await search(request(term))).articles;

    expect(highlighted(hit!.snippet)).toEqual([term]);
    expect(textOf(hit!.snippet)).toContain("Odd bytes around");
  });
});

describe("query syntax", () => {
  it('matches a quoted phrase only with its words together and in order: "a b"', async () => {
    const [first, second] = [word(), word()];
    const together = await article({ sections: sectionsWith(`We tried ${first} ${second} last year.`) });
    await article({ sections: sectionsWith(`${second} came before any ${first} was tried.`) });

    const results = await search(request(`"${first} ${second}"`));

    expect(results.articles.map((a) => a.id)).toEqual([together.id]);
  });

  it("matches either word with OR, and both words without it", async () => {
    const [first, second] = [word(), word()];
    const a = await article({ sections: sectionsWith(`Only ${first} here.`) });
    const b = await article({ sections: sectionsWith(`Only ${second} here.`) });
    const both = await article({ sections: sectionsWith(`${first} and ${second} here.`) });

    const either = await search(request(`${first} OR ${second}`));
    const all = await search(request(`${first} ${second}`));

    expect(either.articles.map((x) => x.id).sort()).toEqual([a.id, b.id, both.id].sort());
    expect(all.articles.map((x) => x.id)).toEqual([both.id]);
  });

  it("leaves out matches containing a word with a minus", async () => {
    const [wanted, unwanted] = [word(), word()];
    const kept = await article({ sections: sectionsWith(`${wanted} alone.`) });
    await article({ sections: sectionsWith(`${wanted} with ${unwanted}.`) });

    const results = await search(request(`${wanted} -${unwanted}`));

    expect(results.articles.map((a) => a.id)).toEqual([kept.id]);
  });

  it.each([
    ["only stop words", "the and of"],
    ["only an exclusion", `-${word()}`],
    ["only symbols", "&|!:*()<->"],
    ["an exclusion OR'ed with a word", `${word()} or -${word()}`],
  ])("answers %s with nothing to search for, not with everything", async (_label, q) => {
    const results = await search(request(q));
    expect(results.status).toBe("no-terms");
    expect(results.counts).toEqual({ articles: 0, guides: 0, insights: 0 });
  });

  it("answers an empty query with the empty state", async () => {
    expect((await search(request(""))).status).toBe("empty");
    expect((await search(request("   \u0000  "))).status).toBe("empty");
  });
});

describe("hostile input", () => {
  const hostile: [string, string][] = [
    ["a single quote", "'"],
    ["quotes around a term", '\'; DROP TABLE "Article"; --'],
    ["a backslash", "\\"],
    ["backslashes and quotes", "\\' \\\" \\\\"],
    ["tsquery operators", "&|!"],
    ["operators between words", "a & b | !c <-> d"],
    ["a prefix operator", "term:*"],
    ["a lone prefix operator", ":*"],
    ["weights syntax", "term:AB"],
    ["unbalanced quotes and parentheses", '"((("unclosed'],
    ["10,000 characters", "x".repeat(10_000)],
    ["10,000 characters of operators", "&|!'\\:*(".repeat(1250)],
    ["emoji", "🔍 🧑🏽‍💻 👍"],
    ["a NUL byte", "term\u0000term"],
    ["only a NUL byte", "\u0000"],
    ["control characters", "\u0001\u0002\u0007\u001b[31m"],
    ["a lone surrogate", "\ud83d term"],
    ["right-to-left and zero-width characters", "\u202e\u200b\ufeff"],
    ["percent signs and underscores", "%_% 100%"],
  ];

  it.each(hostile)("searches %s without error", async (_label, q) => {
    // As from the URL (parsed, then searched), and handed straight to the data layer.
    await expect(search(parseSearchParams({ q }))).resolves.toMatchObject({
      status: expect.stringMatching(/^(empty|no-terms|ok)$/),
    });
    await expect(search(request(q))).resolves.toBeDefined();
    await expect(search(request(q, { kind: "insights" }))).resolves.toBeDefined();
  });

  it("cuts a very long query to its first 200 characters instead of refusing it", async () => {
    const term = word();
    const created = await article({ title: `About ${term}` });

    const results = await search(parseSearchParams({ q: `${term} ${"x".repeat(10_000)}` }));

    // The query is cut to 200 characters: the term survives, the long word is cut and matches nothing.
    expect(results.articles.map((a) => a.id)).toEqual([]);
    const alone = await search(parseSearchParams({ q: `${term} ${"🔍".repeat(5_000)}` }));
    expect(alone.articles.map((a) => a.id)).toEqual([created.id]);
  });

  it("finds a term written with emoji and a NUL byte around it", async () => {
    const term = word();
    const created = await article({ title: `About ${term}` });
    const results = await search(request(`🔍${term}\u0000`));
    expect(results.articles.map((a) => a.id)).toEqual([created.id]);
  });
});

describe("what is searched", () => {
  it("never returns drafts", async () => {
    const term = word();
    await article({ title: `Draft about ${term}`, status: "DRAFT" });
    const published = await article({ title: `Published about ${term}` });

    const results = await search(request(term));

    expect(results.articles.map((a) => a.id)).toEqual([published.id]);
    expect(results.counts.articles).toBe(1);
  });

  it("returns only insights readers can see, linking to their section", async () => {
    const term = word();
    const body = (label: string) =>
      `${label}: in my experience ${term} works best when the whole team writes down what it tried and shares it afterwards.`;
    const author = await createUser(db);
    const suspended = await createUser(db, { status: "SUSPENDED" });
    const banned = await createUser(db, { status: "BANNED" });
    const host = await article();
    const draft = await article({ status: "DRAFT" });
    const [first, second] = host.sections;
    if (!first || !second) throw new Error("The factory makes two sections.");

    const visible = await createInsight(db, {
      sectionId: first.id,
      authorId: author.id,
      body: body("visible"),
    });
    for (const status of ["PENDING", "REJECTED", "REMOVED"] as const) {
      const other = await createUser(db);
      await createInsight(db, { sectionId: first.id, authorId: other.id, status, body: body(status) });
    }
    const hidden = await createInsight(db, {
      sectionId: second.id,
      authorId: author.id,
      body: body("hidden"),
    });
    await db.insight.update({ where: { id: hidden.id }, data: { status: "HIDDEN" } });
    const deleter = await createUser(db);
    const deleted = await createInsight(db, {
      sectionId: first.id,
      authorId: deleter.id,
      body: body("deleted"),
    });
    await db.insight.update({
      where: { id: deleted.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });
    await createInsight(db, { sectionId: first.id, authorId: suspended.id, body: body("suspended") });
    await createInsight(db, { sectionId: first.id, authorId: banned.id, body: body("banned") });
    await createInsight(db, { sectionId: draft.sections[0]!.id, authorId: author.id, body: body("draft") });

    const results = await search(request(term, { kind: "insights" }));

    expect(results.counts.insights).toBe(1);
    expect(results.insights).toHaveLength(1);
    const [hit] = results.insights;
    expect(hit).toMatchObject({
      id: visible.id,
      article: { slug: host.slug, title: host.title },
      section: { anchor: first.anchor },
      author: { handle: author.handle },
    });
    expect(highlighted(hit!.snippet)).toEqual([term]);
    expect(textOf(hit!.snippet)).toContain("visible: in my experience");
  });
});

describe("insight ranking", () => {
  it("ranks denser matches first, then newer ones", async () => {
    const term = word();
    const host = await article();
    const sectionId = host.sections[0]!.id;
    const body = (text: string) =>
      `${text} This is what years of practice taught me, and I wish someone had told me much earlier on.`;
    const post = async (text: string, createdAt: Date) => {
      const author = await createUser(db);
      return createInsight(db, { sectionId, authorId: author.id, body: body(text), createdAt });
    };
    const older = await post(`Once: ${term} matters.`, new Date(Date.UTC(2026, 0, 1)));
    const twice = await post(`Twice: ${term}, and again ${term}.`, new Date(Date.UTC(2025, 0, 1)));
    const newer = await post(`Once more: ${term} matters.`, new Date(Date.UTC(2026, 5, 1)));

    const results = await search(request(term, { kind: "insights" }));

    expect(results.insights.map((i) => i.id)).toEqual([twice.id, newer.id, older.id]);
  });

  it(`ranks only the newest ${INSIGHT_CANDIDATES} matches of a very common word`, async () => {
    const term = word();
    const host = await article();
    const author = await createUser(db);
    const sectionId = host.sections[0]!.id;
    const base = Date.UTC(2026, 0, 1);
    // The oldest says the word three times (the best match); the rest once each, all newer.
    const bodies = Array.from({ length: INSIGHT_CANDIDATES + 1 }, (_, n) =>
      n === 0 ? `${term} ${term} ${term}, the oldest.` : `${term} number ${n}.`,
    );
    await db.insight.createMany({
      data: bodies.map((body, n) => ({
        sectionId,
        authorId: author.id,
        body,
        bodyHash: `hash-${term}-${n}`,
        idempotencyKey: `key-${term}-${n}`,
        status: "PUBLISHED" as const,
        createdAt: new Date(base + n * 60_000),
        publishedAt: new Date(base + n * 60_000),
      })),
    });

    const first = await search(request(term, { kind: "insights" }));
    const last = await search(request(term, { kind: "insights", page: SEARCH_PAGE_MAX }));

    expect(first.counts.insights).toBe(SEARCH_COUNT_CAP);
    expect(first.pageCount).toBe(SEARCH_PAGE_MAX);
    expect(first.insights).toHaveLength(SEARCH_PAGE_SIZE);
    // Equal ranks among the candidates: newest first; the oldest, best match is past the candidates.
    expect(textOf(first.insights[0]!.snippet)).toBe(`${term} number ${INSIGHT_CANDIDATES}.`);
    expect(last.insights).toHaveLength(SEARCH_PAGE_SIZE);
    const seen = [...first.insights, ...last.insights].map((i) => textOf(i.snippet));
    expect(seen).not.toContain(`${term} ${term} ${term}, the oldest.`);
  });
});

describe("filters", () => {
  it("filters by kind and counts every kind", async () => {
    const term = word();
    const collaborative = await article({ title: `Collaborating on ${term}` });
    const guide = await article({ title: `A guide to ${term}`, kind: "GUIDE" });
    const author = await createUser(db);
    const insight = await createInsight(db, {
      sectionId: collaborative.sections[0]!.id,
      authorId: author.id,
      body: `From experience: ${term} rewards patience, careful notes and a habit of asking colleagues early and often.`,
    });

    const all = await search(request(term));
    const guides = await search(request(term, { kind: "guides" }));
    const articles = await search(request(term, { kind: "articles" }));
    const insights = await search(request(term, { kind: "insights" }));

    expect(all.counts).toEqual({ articles: 1, guides: 1, insights: 1 });
    expect(all.articles.map((a) => a.id)).toEqual([collaborative.id]);
    expect(all.guides.map((a) => a.id)).toEqual([guide.id]);
    expect(all.insights.map((i) => i.id)).toEqual([insight.id]);
    expect(guides).toMatchObject({ articles: [], insights: [], counts: all.counts });
    expect(guides.guides.map((a) => a.id)).toEqual([guide.id]);
    expect(guides.guides[0]!.kind).toBe("GUIDE");
    expect(articles.articles.map((a) => a.id)).toEqual([collaborative.id]);
    expect(articles).toMatchObject({ guides: [], insights: [] });
    expect(insights).toMatchObject({ articles: [], guides: [] });
    expect(insights.insights.map((i) => i.id)).toEqual([insight.id]);
  });

  it("filters by domain, a parent domain including its children", async () => {
    const term = word();
    const parent = await createDomain(db);
    const child = await createDomain(db, { parentId: parent.id });
    const other = await createDomain(db);
    const inParent = await article({ domainId: parent.id, title: `Parent ${term}` });
    const inChild = await article({ domainId: child.id, title: `Child ${term}` });
    await article({ domainId: other.id, title: `Other ${term}` });
    const author = await createUser(db);
    const insightInChild = await createInsight(db, {
      sectionId: inChild.sections[0]!.id,
      authorId: author.id,
      body: `Working in ${term} for years showed me that written decisions outlive every meeting and most of the people in it.`,
    });

    const byParent = await search(request(term, { domain: parent.slug }));
    const byChild = await search(request(term, { domain: child.slug }));
    const byOther = await search(request(term, { domain: other.slug, kind: "insights" }));
    const unknown = await search(request(term, { domain: "no-such-domain-anywhere" }));

    expect(byParent.domain).toEqual({ name: parent.name, slug: parent.slug });
    expect(byParent.articles.map((a) => a.id).sort()).toEqual([inParent.id, inChild.id].sort());
    expect(byParent.insights.map((i) => i.id)).toEqual([insightInChild.id]);
    expect(byChild.articles.map((a) => a.id)).toEqual([inChild.id]);
    expect(byChild.articles[0]!.domain).toEqual({
      name: child.name,
      slug: child.slug,
      parent: { name: parent.name, slug: parent.slug },
    });
    expect(byOther.insights).toEqual([]);
    // A domain that does not exist (an old link) filters nothing rather than failing.
    expect(unknown.domain).toBeNull();
    expect(unknown.counts.articles).toBe(3);
  });
});

describe("pagination", () => {
  it("pages through every result once, in a stable order", async () => {
    const term = word();
    const total = SEARCH_PAGE_SIZE * 2 + 3;
    const ids: string[] = [];
    // Equal ranks: the order falls to the tie-breakers (newest first, then id).
    for (let i = 0; i < total; i++) {
      const created = await article({
        title: `Note ${term}`,
        publishedAt: new Date(Date.UTC(2026, 0, 1 + (i % 5))),
      });
      ids.push(created.id);
    }

    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => search(request(term, { kind: "articles", page }))),
    );

    expect(pages.map((p) => p.articles.length)).toEqual([SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE, 3, 0]);
    expect(pages[0]!.pageCount).toBe(3);
    expect(pages[0]!.counts.articles).toBe(total);
    const seen = pages.flatMap((p) => p.articles.map((a) => a.id));
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual([...ids].sort());
    const dates = pages.flatMap((p) => p.articles.map((a) => a.publishedAt));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("shows the first few of each kind in the overview", async () => {
    const term = word();
    for (let i = 0; i < 7; i++) await article({ title: `Overview ${term} ${i}` });

    const overview = await search(request(term, { page: 3 }));

    expect(overview.articles).toHaveLength(5);
    expect(overview.counts.articles).toBe(7);
    expect(overview.pageCount).toBe(1);
  });
});

describe("indexes", () => {
  /**
   * The plan of the data layer's match, sequential scans priced out: the test tables are far too small
   * for PostgreSQL to plan as it would in production. This checks that the match can be answered from the
   * GIN index (the operator and column are the index's); bench/search.ts shows the whole queries at scale.
   */
  async function planOf(query: Prisma.Sql): Promise<string> {
    return db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${query}`);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
  }

  it("matches articles through the GIN index on Article.search", async () => {
    const match = matchesDocument(Prisma.sql`a."search"`, '"career growth" or mentoring -java');
    const plan = await planOf(Prisma.sql`SELECT a."id" FROM "Article" a WHERE ${match}`);
    expect(plan).toMatch(/Bitmap Index Scan on "Article_search_idx"/);
  });

  it("matches insights through the GIN index on Insight.search", async () => {
    const match = matchesDocument(Prisma.sql`i."search"`, '"career growth" or mentoring -java');
    const plan = await planOf(Prisma.sql`SELECT i."id" FROM "Insight" i WHERE ${match}`);
    expect(plan).toMatch(/Bitmap Index Scan on "Insight_search_idx"/);
  });
});
