import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setFollow } from "@/lib/data/follows";
import { appealDecision } from "@/lib/data/moderation/appeals";
import { rejectInsight } from "@/lib/data/moderation/decisions";
import { reportInsight } from "@/lib/data/moderation/reports";
import type { SessionUser } from "@/lib/data/users";
import type { ViewerResponse } from "@/lib/domain/viewer";
import { createPrismaClient } from "@/prisma/client";
import {
  createArticle,
  createDomain,
  createInsight,
  createUser,
  distinctInsightText,
} from "@/prisma/factories";
import { GET } from "./route";

// The one personal request of a page view: the header's part for every page (the moderation queue's count
// for moderators and admins only), and the reader's own part of the article or domain the page shows
// (moderators' decisions on their insights for the author only, the insights they reported, what they follow).
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

async function viewAs(reader: { id: string } | null, query = ""): Promise<ViewerResponse> {
  session.userId = reader?.id ?? null;
  const response = await GET(new Request(`http://localhost/api/viewer${query}`));
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  return (await response.json()) as ViewerResponse;
}

describe("GET /api/viewer: the header's part", () => {
  it("counts the moderation queue for moderators and admins, and for nobody else", async () => {
    const [member, moderator, admin] = await Promise.all([user(), user("MODERATOR"), user("ADMIN")]);
    const before = (await viewAs(moderator)).moderationQueueCount;
    expect(before).toEqual(expect.any(Number));

    const article = await createArticle(db);
    const held = await createInsight(db, {
      sectionId: article.sections[0]!.id,
      authorId: member.id,
      body: distinctInsightText("Queue count"),
      status: "PENDING",
    });
    await db.insight.update({ where: { id: held.id }, data: { queuedAt: new Date() } });

    expect((await viewAs(moderator)).moderationQueueCount).toBe(before! + 1);
    expect((await viewAs(admin)).moderationQueueCount).toBe(before! + 1);
    expect((await viewAs(member)).moderationQueueCount).toBeNull();
    expect((await viewAs(null)).moderationQueueCount).toBeNull();
  });

  it("hands the header the staff links each reader may open", async () => {
    const [member, moderator, admin] = await Promise.all([user(), user("MODERATOR"), user("ADMIN")]);
    const none = { moderate: false, editContent: false, manageMembers: false, manageSponsorship: false };
    expect((await viewAs(member)).user).toMatchObject({ role: "MEMBER", permissions: none });
    expect((await viewAs(moderator)).user).toMatchObject({
      role: "MODERATOR",
      permissions: { ...none, moderate: true },
    });
    expect((await viewAs(admin)).user).toMatchObject({
      role: "ADMIN",
      permissions: { moderate: true, editContent: true, manageMembers: true, manageSponsorship: true },
    });
    expect((await viewAs(null)).user).toBeNull();
  });

  it("treats a suspended session as signed out and says why, with nothing personal", async () => {
    const suspended = await createUser(db, { status: "SUSPENDED", statusReason: "Spam links." });
    const article = await createArticle(db);
    const answer = await viewAs(suspended, `?article=${article.id}`);
    expect(answer).toMatchObject({ user: null, unreadNotifications: 0, article: null, domain: null });
    expect(answer.blocked).toContain("Spam links.");
  });
});

describe("GET /api/viewer?article=<id>: the reader's own part of an article page", () => {
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

    const mine = (await viewAs(author, `?article=${article.id}`)).article!;
    expect(mine.id).toBe(article.id);
    expect(mine.insights.map((insight) => [insight.id, insight.status])).toEqual([[held.id, "REJECTED"]]);
    expect(mine.moderation[held.id]).toMatchObject({
      reason: "LOW_QUALITY",
      note: "Add an example.",
      appeal: null,
      canAppeal: true,
    });

    await appealDecision(author, { insightId: held.id, message: "The example is in the second sentence." });
    const appealed = (await viewAs(author, `?article=${article.id}`)).article!;
    expect(appealed.moderation[held.id]).toMatchObject({ appeal: { status: "OPEN" }, canAppeal: false });

    // Nobody else learns about the decision here.
    const theirs = (await viewAs(stranger, `?article=${article.id}`)).article!;
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
    // On the same article, not reported by anyone.
    await createInsight(db, {
      sectionId: article.sections[1]!.id,
      authorId: author.id,
      body: distinctInsightText("Route test, not reported"),
    });
    await reportInsight(reporter, { insightId: published.id, reason: "SPAM" });

    const query = `?article=${article.id}`;
    expect((await viewAs(reporter, query)).article?.reportedInsightIds).toEqual([published.id]);
    expect((await viewAs(other, query)).article?.reportedInsightIds).toEqual([]);
    expect((await viewAs(author, query)).article?.reportedInsightIds).toEqual([]);

    const anonymous = await viewAs(null, query);
    expect(anonymous).toMatchObject({ user: null, blocked: null, article: null, domain: null });
  });

  it("answers the header, the article and the domain together, each with what the reader follows", async () => {
    const domain = await createDomain(db);
    const article = await createArticle(db, { domainId: domain.id });
    const [follower, other] = await Promise.all([user(), user()]);
    await setFollow(follower, { kind: "article", id: article.id, following: true });
    await setFollow(follower, { kind: "domain", id: domain.id, following: true });

    const both = `?article=${article.id}&domain=${domain.id}`;
    const theirs = await viewAs(follower, both);
    expect(theirs.user?.handle).toBe(follower.handle);
    expect(theirs.article).toMatchObject({ id: article.id, following: true });
    expect(theirs.domain).toEqual({ id: domain.id, following: true });
    expect(await viewAs(other, both)).toMatchObject({
      article: { following: false },
      domain: { id: domain.id, following: false },
    });
    // A page that shows neither gets only the header's part.
    expect(await viewAs(follower)).toMatchObject({ article: null, domain: null });
  });

  it("refuses a query that is not an id", async () => {
    session.userId = (await user()).id;
    const response = await GET(new Request(`http://localhost/api/viewer?article=${"x".repeat(65)}`));
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});
