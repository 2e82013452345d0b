// A developer reads Roundtable's public JSON API: an article with its insights, one section page by page,
// a member's insights, and the errors a client can get wrong. Runs against the seeded database.
import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";

const ARTICLE_SLUG = "frontend-vs-backend-career-growth";
const SECTION_TITLES = [
  "Specialization vs Versatility",
  "User Impact vs System Impact",
  "Rapidly Changing Technologies vs Stability",
  "Collaboration Opportunities",
  "Career Progression Paths",
  "Entrepreneurial and Freelance Opportunities",
  "Skill Transfer and Hybrid Roles",
  "Influence on Product Strategy",
  "Certifications and Formal Education Pathways",
  "Leadership and Management Tracks",
  "What else to take into account",
];
const CACHE_CONTROL = "public, max-age=60, s-maxage=60, stale-while-revalidate=300";

type Insight = {
  id: string;
  body: string;
  publishedAt: string;
  editedAt: string | null;
  author: { name: string; handle: string; headline: string; profileUrl: string };
  reactions: Record<"like" | "insightful" | "helpful" | "celebrate" | "unhelpful", number>;
};
type Section = {
  anchor: string;
  title: string;
  body: string;
  acceptsInsights: boolean;
  insightCount: number;
  insights: Insight[];
  nextCursor: string | null;
};
type Article = {
  slug: string;
  title: string;
  url: string;
  domain: { name: string; slug: string };
  sections: Section[];
};
type SectionPage = {
  section: { anchor: string; insightCount: number };
  insights: Insight[];
  nextCursor: string | null;
};
type MemberPage = {
  member: { name: string; handle: string; headline: string; profileUrl: string };
  insights: (Insight & {
    article: { slug: string; title: string; url: string };
    section: { anchor: string };
  })[];
  nextCursor: string | null;
};
type ApiError = { error: string; message: string; fieldErrors?: Record<string, string> };

async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
  return (await response.json()) as T;
}

test("an article comes with its sections and their insights' reaction counts, cacheable", async ({
  request,
}) => {
  const response = await request.get(`/api/v1/articles/${ARTICLE_SLUG}`);
  const article = await json<Article>(response, 200);
  const headers = response.headers();
  expect(headers["cache-control"]).toBe(CACHE_CONTROL);
  expect(headers["access-control-allow-origin"]).toBe("*");
  expect(headers.etag).toMatch(/^W\/".+"$/);

  expect(article.slug).toBe(ARTICLE_SLUG);
  expect(article.url).toMatch(new RegExp(`^http://localhost:\\d+/articles/${ARTICLE_SLUG}$`));
  expect(article.domain.slug).toBe("software-development");
  expect(article.sections.map((s) => s.title)).toEqual(SECTION_TITLES);

  const specialization = article.sections[0]!;
  expect(specialization.anchor).toBe("specialization-vs-versatility");
  expect(specialization.insights.map((i) => i.author.handle)).toEqual(
    expect.arrayContaining(["priya-raman", "hana-sato"]),
  );
  const insights = article.sections.flatMap((s) => s.insights);
  expect(insights.length).toBeGreaterThanOrEqual(12);
  for (const insight of insights) {
    expect(Object.keys(insight.author).sort()).toEqual(["handle", "headline", "name", "profileUrl"]);
    expect(Object.keys(insight.reactions).sort()).toEqual([
      "celebrate",
      "helpful",
      "insightful",
      "like",
      "unhelpful",
    ]);
    for (const count of Object.values(insight.reactions))
      expect(Number.isInteger(count) && count >= 0).toBe(true);
  }
  const priya = specialization.insights.find((i) => i.author.handle === "priya-raman")!;
  expect(priya.author).toMatchObject({ name: "Priya Raman", headline: "Staff backend engineer · payments" });
  expect(priya.body).toContain('thinking of myself as "a Java person"');
  expect(await response.text()).not.toMatch(/email|passwordHash/i);

  const again = await request.get(`/api/v1/articles/${ARTICLE_SLUG}`, {
    headers: { "if-none-match": headers.etag! },
  });
  expect(again.status()).toBe(304);
  expect(again.headers().etag).toBe(headers.etag);
});

test("a section's insights can be read page by page, each exactly once", async ({ request }) => {
  const article = await json<Article>(
    await request.get(`/api/v1/articles/${ARTICLE_SLUG}?insightsPerSection=1`),
    200,
  );
  const section = article.sections[0]!;
  expect(section.insights).toHaveLength(1);
  expect(section.insightCount).toBeGreaterThanOrEqual(2);
  expect(section.nextCursor).toEqual(expect.any(String));

  const ids = section.insights.map((i) => i.id);
  let cursor = section.nextCursor;
  while (cursor) {
    const page = await json<SectionPage>(
      await request.get(`/api/v1/articles/${ARTICLE_SLUG}/sections/${section.anchor}/insights`, {
        params: { cursor, limit: 1 },
      }),
      200,
    );
    ids.push(...page.insights.map((i) => i.id));
    cursor = page.nextCursor;
    expect(ids.length).toBeLessThanOrEqual(section.insightCount);
  }
  expect(new Set(ids).size).toBe(section.insightCount);
});

test("a member's published insights, newest first, with where each appears", async ({ request }) => {
  const page = await json<MemberPage>(await request.get("/api/v1/members/priya-raman/insights"), 200);
  expect(page.member).toMatchObject({
    name: "Priya Raman",
    handle: "priya-raman",
    headline: "Staff backend engineer · payments",
  });
  expect(page.member.profileUrl).toMatch(/\/members\/priya-raman$/);
  expect(page.insights.map((i) => `${i.article.slug}#${i.section.anchor}`)).toEqual([
    "backend-developer-career-guide#core-responsibilities",
    "backend-engineer-alternatives#why-look-beyond-the-backend-toolkit",
    "frontend-vs-backend-career-growth#career-progression-paths",
    "frontend-vs-backend-career-growth#specialization-vs-versatility",
  ]);
  expect(page.nextCursor).toBeNull();
  for (const insight of page.insights) expect(insight.author.handle).toBe("priya-raman");

  const first = await json<MemberPage>(
    await request.get("/api/v1/members/priya-raman/insights", { params: { limit: 3 } }),
    200,
  );
  const rest = await json<MemberPage>(
    await request.get("/api/v1/members/priya-raman/insights", {
      params: { limit: 3, cursor: first.nextCursor! },
    }),
    200,
  );
  expect([...first.insights, ...rest.insights].map((i) => i.id)).toEqual(page.insights.map((i) => i.id));
  expect(rest.nextCursor).toBeNull();
});

test("unknown things answer 404 JSON and bad parameters 400 JSON", async ({ request }) => {
  expect(await json<ApiError>(await request.get("/api/v1/articles/this-does-not-exist"), 404)).toEqual({
    error: "NOT_FOUND",
    message: "No published article has this slug.",
  });
  expect(await json<ApiError>(await request.get("/api/v1/members/nobody-here/insights"), 404)).toMatchObject({
    error: "NOT_FOUND",
  });
  expect(await json<ApiError>(await request.get("/api/v1/no-such-endpoint"), 404)).toMatchObject({
    error: "NOT_FOUND",
  });

  expect(
    await json<ApiError>(await request.get(`/api/v1/articles/${ARTICLE_SLUG}?insightsPerSection=0`), 400),
  ).toEqual({
    error: "INVALID_INPUT",
    message: "Invalid parameter: insightsPerSection.",
    fieldErrors: { insightsPerSection: "Use a whole number from 1 to 50." },
  });
  const badCursor = await json<ApiError>(
    await request.get("/api/v1/members/priya-raman/insights?cursor=not-a-cursor&limit=51"),
    400,
  );
  expect(Object.keys(badCursor.fieldErrors ?? {}).sort()).toEqual(["cursor", "limit"]);
});
