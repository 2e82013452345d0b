import { afterAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { notifyFollowers } from "@/lib/jobs/follows";
import { closeAppConnections, rejectionOf } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import {
  createArticle,
  createDomain,
  createInsight,
  createUser,
  type UserOverrides,
} from "@/prisma/factories";
import {
  articleInsightsGroupKey,
  domainArticleGroupKey,
  followArticle,
  followDomain,
  listMyFollows,
  listViewerFollows,
  notifyArticleFollowersOfInsight,
  notifyDomainFollowersOfArticle,
  setFollow,
  unfollowArticle,
  unfollowDomain,
} from "./follows";
import { approveInsight, restoreInsight, removeInsight } from "./moderation/decisions";
import { listNotifications, markNotificationRead } from "./notifications";
import type { SessionUser } from "./users";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

// Room for the concurrent follows below.
const db = createPrismaClient(process.env.DATABASE_URL!, { max: 8 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

async function member(overrides: UserOverrides = {}): Promise<SessionUser> {
  const user = await createUser(db, overrides);
  return { id: user.id, name: user.name, handle: user.handle, headline: "", role: user.role };
}

function domainFollowsOf(userId: string) {
  return db.domainFollow.findMany({ where: { userId }, select: { domainId: true } });
}

function followNotes(userId: string) {
  return db.notification.findMany({
    where: { userId, kind: { in: ["FOLLOWED_DOMAIN_ARTICLE", "FOLLOWED_ARTICLE_INSIGHT"] } },
    select: { id: true, groupKey: true, insightId: true, actorCount: true, readAt: true },
  });
}

/** A draft in `domainId` made public the way publishing does, before the job runs. */
async function publishedArticleIn(domainId: string, title: string) {
  const article = await createArticle(db, { domainId, title, status: "DRAFT" });
  await db.article.update({
    where: { id: article.id },
    data: { status: "PUBLISHED", publishedAt: new Date() },
  });
  return article;
}

describe("following and unfollowing", () => {
  it("is idempotent for domains and articles", async () => {
    const reader = await member();
    const domain = await createDomain(db);
    const article = await createArticle(db);

    expect(await followDomain(reader, domain.id)).toEqual({ following: true });
    expect(await followDomain(reader, domain.id)).toEqual({ following: true });
    expect(await domainFollowsOf(reader.id)).toEqual([{ domainId: domain.id }]);
    await followArticle(reader, article.id);
    await followArticle(reader, article.id);
    expect(await db.articleFollow.count({ where: { userId: reader.id } })).toBe(1);
    expect(
      await listViewerFollows(reader, { domainIds: [domain.id], articleIds: [article.id, "nope"] }),
    ).toEqual({ domainIds: [domain.id], articleIds: [article.id] });

    expect(await unfollowDomain(reader, domain.id)).toEqual({ following: false });
    expect(await unfollowDomain(reader, domain.id)).toEqual({ following: false });
    await unfollowArticle(reader, article.id);
    expect(await domainFollowsOf(reader.id)).toEqual([]);
    expect(await listViewerFollows(reader, { domainIds: [domain.id], articleIds: [article.id] })).toEqual({
      domainIds: [],
      articleIds: [],
    });
  });

  it("leaves one row when the same member follows many times at once", async () => {
    const reader = await member();
    const domain = await createDomain(db);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => setFollow(reader, { kind: "domain", id: domain.id, following: true })),
    );
    expect(results.every((result) => result.following)).toBe(true);
    expect(await domainFollowsOf(reader.id)).toEqual([{ domainId: domain.id }]);
  });

  it("refuses suspended and banned members", async () => {
    const domain = await createDomain(db);
    for (const status of ["SUSPENDED", "BANNED"] as const) {
      const blocked = await member({ status, statusReason: "Spam." });
      const error = await rejectionOf(followDomain(blocked, domain.id));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("FORBIDDEN");
      expect((await rejectionOf(unfollowDomain(blocked, domain.id))) as AppError).toHaveProperty(
        "code",
        "FORBIDDEN",
      );
      expect(await domainFollowsOf(blocked.id)).toEqual([]);
    }
  });

  it("cannot follow a draft article or a domain that does not exist", async () => {
    const reader = await member();
    const draft = await createArticle(db, { status: "DRAFT" });
    const draftError = (await rejectionOf(followArticle(reader, draft.id))) as AppError;
    expect(draftError.code).toBe("NOT_FOUND");
    expect(draftError.message).toBe("This article is not published.");
    expect(((await rejectionOf(followDomain(reader, "no-such-domain"))) as AppError).code).toBe("NOT_FOUND");
    expect(await db.articleFollow.count({ where: { userId: reader.id } })).toBe(0);
  });
});

describe("listMyFollows", () => {
  it("pages through the member's follows, newest first, leaving out articles back in draft", async () => {
    const reader = await member();
    const parent = await createDomain(db, { name: "Parent domain" });
    const domains = [
      await createDomain(db, { name: "First followed" }),
      await createDomain(db, { name: "Child followed", parentId: parent.id }),
      await createDomain(db, { name: "Last followed" }),
    ];
    for (const domain of domains) await followDomain(reader, domain.id);

    const first = await listMyFollows(reader, { kind: "domain", limit: 2 });
    expect(first.items.map((item) => [item.name, item.context])).toEqual([
      ["Last followed", null],
      ["Child followed", "Parent domain"],
    ]);
    expect(first.items[0]!.href).toMatch(/^\/domains\/domain-/);
    expect(first.nextCursor).not.toBeNull();
    const second = await listMyFollows(reader, { kind: "domain", limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((item) => item.name)).toEqual(["First followed"]);
    expect(second.nextCursor).toBeNull();

    const article = await createArticle(db, { domainId: parent.id, title: "Followed then withdrawn" });
    await followArticle(reader, article.id);
    expect((await listMyFollows(reader, { kind: "article" })).items).toMatchObject([
      {
        kind: "article",
        name: "Followed then withdrawn",
        context: "Parent domain",
        href: `/articles/${article.slug}`,
      },
    ]);
    await db.article.update({ where: { id: article.id }, data: { status: "DRAFT" } });
    expect((await listMyFollows(reader, { kind: "article" })).items).toEqual([]);

    const badCursor = (await rejectionOf(
      listMyFollows(reader, { kind: "domain", cursor: "garbage" }),
    )) as AppError;
    expect(badCursor.code).toBe("INVALID_INPUT");
  });
});

describe("notifying a domain's followers of a new article", () => {
  it("tells active followers of the domain and of its parent once each, not the publisher", async () => {
    const parent = await createDomain(db, { name: "Engineering" });
    const child = await createDomain(db, { name: "Testing", parentId: parent.id });
    const childFollower = await member();
    const parentFollower = await member();
    const bothFollower = await member();
    const banned = await member();
    const publisher = await member({ role: "ADMIN" });
    const bystander = await member();
    for (const who of [childFollower, bothFollower, banned, publisher]) await followDomain(who, child.id);
    for (const who of [parentFollower, bothFollower]) await followDomain(who, parent.id);
    await db.user.update({ where: { id: banned.id }, data: { status: "BANNED" } });

    const article = await publishedArticleIn(child.id, "Property tests in practice");
    expect(await notifyDomainFollowersOfArticle(article.id, { publishedById: publisher.id })).toBe(3);
    // A retried job (or the article published again after a trip to draft) adds nothing.
    expect(await notifyDomainFollowersOfArticle(article.id, { publishedById: publisher.id })).toBe(0);

    for (const who of [childFollower, parentFollower, bothFollower]) {
      expect(await followNotes(who.id)).toMatchObject([
        { groupKey: domainArticleGroupKey(article.id), actorCount: 1, readAt: null },
      ]);
    }
    for (const who of [banned, publisher, bystander]) expect(await followNotes(who.id)).toEqual([]);

    const { items } = await listNotifications(parentFollower);
    expect(items).toMatchObject([
      {
        kind: "FOLLOWED_DOMAIN_ARTICLE",
        text: "New in Testing: “Property tests in practice”.",
        href: `/articles/${article.slug}`,
        unread: true,
      },
    ]);
  });

  it("tells no one about a draft, through the job's handler too", async () => {
    const domain = await createDomain(db);
    const follower = await member();
    await followDomain(follower, domain.id);
    const draft = await createArticle(db, { domainId: domain.id, status: "DRAFT" });
    expect(await notifyFollowers({ articleId: draft.id })).toBe(0);
    expect(await notifyFollowers({ nonsense: true })).toBe(0);
    expect(await followNotes(follower.id)).toEqual([]);
    await db.article.update({
      where: { id: draft.id },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    expect(await notifyFollowers({ articleId: draft.id })).toBe(1);
  });
});

describe("notifying an article's followers of new insights", () => {
  async function followedArticle() {
    const article = await createArticle(db, {
      title: "Code review habits",
      sections: [
        { title: "Before the review", body: "Prepare." },
        { title: "During the review", body: "Discuss." },
      ],
    });
    const follower = await member();
    await followArticle(follower, article.id);
    return { article, follower };
  }

  it("counts new insights while unread, starts again after reading, never counts a retry, skips the author", async () => {
    const { article, follower } = await followedArticle();
    const [before, during] = article.sections;
    const bannedFollower = await member();
    await followArticle(bannedFollower, article.id);
    await db.user.update({ where: { id: bannedFollower.id }, data: { status: "BANNED" } });
    const author = await member();
    await followArticle(author, article.id);
    const other = await member();

    const first = await createInsight(db, { sectionId: before!.id, authorId: author.id });
    expect(await notifyArticleFollowersOfInsight(first.id)).toBe(1);
    expect(await notifyArticleFollowersOfInsight(first.id)).toBe(0); // the retried job
    expect(await followNotes(follower.id)).toMatchObject([
      { groupKey: articleInsightsGroupKey(article.id), insightId: first.id, actorCount: 1, readAt: null },
    ]);
    expect(await followNotes(author.id)).toEqual([]);
    expect(await followNotes(bannedFollower.id)).toEqual([]);

    const second = await createInsight(db, { sectionId: during!.id, authorId: other.id });
    await notifyFollowers({ insightId: second.id });
    await notifyFollowers({ insightId: second.id });
    await notifyFollowers({ insightId: first.id }); // an older insight announced late changes nothing
    const [grouped] = await followNotes(follower.id);
    expect(grouped).toMatchObject({ insightId: second.id, actorCount: 2, readAt: null });
    // The first insight's author hears about the second one.
    expect(await followNotes(author.id)).toMatchObject([{ insightId: second.id, actorCount: 1 }]);
    expect((await listNotifications(follower)).items).toMatchObject([
      {
        kind: "FOLLOWED_ARTICLE_INSIGHT",
        text: "2 new insights on “Code review habits”.",
        href: `/articles/${article.slug}#${during!.anchor}`,
        unread: true,
      },
    ]);

    await markNotificationRead(follower, grouped!.id);
    const third = await createInsight(db, { sectionId: before!.id, authorId: (await member()).id });
    await notifyFollowers({ insightId: third.id });
    expect(await followNotes(follower.id)).toMatchObject([
      { insightId: third.id, actorCount: 1, readAt: null },
    ]);
    expect((await listNotifications(follower)).items[0]).toMatchObject({
      text: "A new insight on “Code review habits”.",
      href: `/articles/${article.slug}#${before!.anchor}`,
    });
  });

  it("announces an insight a moderator approves, but not one held, restored or re-approved", async () => {
    const { article, follower } = await followedArticle();
    const section = article.sections[0]!;
    const moderator = await member({ role: "MODERATOR" });

    const held = await createInsight(db, {
      sectionId: section.id,
      authorId: (await member()).id,
      status: "PENDING",
    });
    expect(await notifyArticleFollowersOfInsight(held.id)).toBe(0);
    await approveInsight(moderator, { insightId: held.id });
    expect(await notifyArticleFollowersOfInsight(held.id)).toBe(1);

    // Published (after the approved one, so only its first publication being past keeps it quiet), then
    // removed and restored: old news.
    const old = await createInsight(db, { sectionId: section.id, authorId: (await member()).id });
    await removeInsight(moderator, { insightId: old.id, reason: "SPAM" });
    await restoreInsight(moderator, { insightId: old.id });
    expect(await notifyArticleFollowersOfInsight(old.id)).toBe(0);
    expect(await followNotes(follower.id)).toMatchObject([{ insightId: held.id, actorCount: 1 }]);
  });
});
