import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { appealDecision } from "@/lib/data/moderation/appeals";
import { rejectInsight } from "@/lib/data/moderation/decisions";
import { reportInsight } from "@/lib/data/moderation/reports";
import type { SessionUser } from "@/lib/data/users";
import type { ArticleViewerResponse } from "@/lib/domain/viewer";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createInsight, createUser, distinctInsightText } from "@/prisma/factories";
import { GET } from "./route";

// The reader's own part of an article page: moderators' decisions on their insights (for the author only)
// and which insights they have reported.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: () => Promise.resolve(session.userId ? { user: { id: session.userId } } : null),
}));
vi.mock("@/lib/auth", () => ({ authOptions: {} }));
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn, updateTag: vi.fn() }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => {
  session.userId = null;
});

async function user(role: SessionUser["role"] = "MEMBER"): Promise<SessionUser> {
  const created = await createUser(db, { role });
  return { id: created.id, name: created.name, handle: created.handle, headline: "", role };
}

async function viewAs(reader: SessionUser | null, articleId: string): Promise<ArticleViewerResponse> {
  session.userId = reader?.id ?? null;
  const response = await GET(new Request("http://localhost/"), {
    params: Promise.resolve({ id: articleId }),
  });
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  return (await response.json()) as ArticleViewerResponse;
}

describe("GET /api/articles/[id]/me", () => {
  it("tells the author why their insight was rejected and whether they may still appeal", async () => {
    const article = await createArticle(db);
    const [author, moderator, stranger] = await Promise.all([user(), user("MODERATOR"), user()]);
    const held = await createInsight(db, {
      sectionId: article.sections[0]!.id,
      authorId: author.id,
      body: distinctInsightText("Route test, rejected"),
      status: "PENDING",
    });
    await db.insight.update({ where: { id: held.id }, data: { queuedAt: new Date() } });
    await rejectInsight(moderator, { insightId: held.id, reason: "LOW_QUALITY", note: "Add an example." });

    const mine = await viewAs(author, article.id);
    expect(mine.insights.map((insight) => [insight.id, insight.status])).toEqual([[held.id, "REJECTED"]]);
    expect(mine.moderation[held.id]).toMatchObject({
      reason: "LOW_QUALITY",
      note: "Add an example.",
      appeal: null,
      canAppeal: true,
    });

    await appealDecision(author, { insightId: held.id, message: "The example is in the second sentence." });
    const appealed = await viewAs(author, article.id);
    expect(appealed.moderation[held.id]).toMatchObject({ appeal: { status: "OPEN" }, canAppeal: false });

    // Nobody else learns about the decision here.
    const theirs = await viewAs(stranger, article.id);
    expect(theirs.moderation).toEqual({});
    expect(theirs.insights).toEqual([]);
  });

  it("lists the insights the reader reported, and nothing for anonymous readers", async () => {
    const article = await createArticle(db);
    const [author, reporter, other] = await Promise.all([user(), user(), user()]);
    const published = await createInsight(db, {
      sectionId: article.sections[0]!.id,
      authorId: author.id,
      body: distinctInsightText("Route test, reported"),
    });
    // Listed on the same page, not reported by anyone.
    await createInsight(db, {
      sectionId: article.sections[1]!.id,
      authorId: author.id,
      body: distinctInsightText("Route test, not reported"),
    });
    await reportInsight(reporter, { insightId: published.id, reason: "SPAM" });

    expect((await viewAs(reporter, article.id)).reportedInsightIds).toEqual([published.id]);
    expect((await viewAs(other, article.id)).reportedInsightIds).toEqual([]);
    expect((await viewAs(author, article.id)).reportedInsightIds).toEqual([]);

    const anonymous = await viewAs(null, article.id);
    expect(anonymous).toMatchObject({ signedIn: false, moderation: {}, reportedInsightIds: [] });
  });
});
