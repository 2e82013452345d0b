import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LEADERBOARD_SIZE, type LeaderboardPeriod } from "@/lib/domain/leaderboards";
import type { ReactionKind } from "@/lib/generated/prisma/enums";
import { closeAppConnections } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createDomain, createInsight, createUser } from "@/prisma/factories";
import { getDomainLeaderboard, listLeaderboardTagsFor } from "./leaderboards";
import { getAccountSettings, updateProfile, type SessionUser } from "./users";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

// The database is shared by every integration file: each test makes its own domains and members, so a
// leaderboard holds only what the test put there.

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

/** Members who react; each test may use them freely (the cap is per reacting member and author). */
let reactors: string[] = [];
beforeAll(async () => {
  reactors = (await Promise.all(Array.from({ length: 12 }, () => createUser(db)))).map((user) => user.id);
});

async function react(insightId: string, userIds: string[], kind: ReactionKind = "LIKE") {
  await db.reaction.createMany({ data: userIds.map((userId) => ({ insightId, userId, kind })) });
}

/** A published insight by `authorId` on a new article in `domainId`. */
async function publish(
  authorId: string,
  domainId: string,
  options: { publishedAt?: Date; status?: "PENDING" | "PUBLISHED" | "REJECTED" | "REMOVED" } = {},
) {
  const article = await createArticle(db, { domainId });
  return createInsight(db, {
    sectionId: article.sections[0]!.id,
    authorId,
    createdAt: options.publishedAt,
    status: options.status,
  });
}

/** A new member with one insight in `domainId`, published `publishedDaysAgo` days ago, Liked by `likes` members. */
async function member(domainId: string, likes: number, publishedDaysAgo = 1) {
  const user = await createUser(db);
  const insight = await publish(user.id, domainId, { publishedAt: daysAgo(publishedDaysAgo) });
  if (likes > 0) await react(insight.id, reactors.slice(0, likes));
  return { ...user, insightId: insight.id };
}

/** The leaderboard as "handle score" lines, best first. */
async function board(slug: string, period: LeaderboardPeriod = "all") {
  const view = await getDomainLeaderboard(slug, period);
  return view!.entries.map((entry) => `${entry.handle} ${entry.score}`);
}

describe("getDomainLeaderboard: periods", () => {
  it("counts insights by publication time: 10 days ago is in 30 days and all time, not in 7 days", async () => {
    const domain = await createDomain(db);
    const tenDays = await member(domain.id, 3, 10);
    const twoDays = await member(domain.id, 2, 2);
    const fortyDays = await member(domain.id, 5, 40);
    // an older insight without reactions counts toward all time's insight count only
    await publish(tenDays.id, domain.id, { publishedAt: daysAgo(45) });

    expect(await board(domain.slug, "7d")).toEqual([`${twoDays.handle} 2`]);
    expect(await board(domain.slug, "30d")).toEqual([`${tenDays.handle} 3`, `${twoDays.handle} 2`]);
    expect(await board(domain.slug, "all")).toEqual([
      `${fortyDays.handle} 5`,
      `${tenDays.handle} 3`,
      `${twoDays.handle} 2`,
    ]);

    const month = await getDomainLeaderboard(domain.slug, "30d");
    expect(month).toMatchObject({
      period: "30d",
      memberCount: 2,
      domain: { id: domain.id, name: domain.name, slug: domain.slug, parent: null, hasChildren: false },
    });
    expect(month!.entries[0]).toEqual({
      rank: 1,
      name: tenDays.name,
      handle: tenDays.handle,
      score: 3,
      insightCount: 1,
      badges: [],
    });
    const allTime = await getDomainLeaderboard(domain.slug, "all");
    expect(allTime!.entries.find((entry) => entry.handle === tenDays.handle)?.insightCount).toBe(2);
  });

  it("shows an empty board for a period with nobody, and null for an unknown domain", async () => {
    const domain = await createDomain(db);
    await member(domain.id, 4, 20);
    await member(domain.id, 0, 1); // an insight no one reacted to: no score, not listed
    expect(await getDomainLeaderboard(domain.slug, "7d")).toMatchObject({ entries: [], memberCount: 0 });
    expect(await board(domain.slug, "30d")).toHaveLength(1);
    expect(await getDomainLeaderboard("no-such-domain-anywhere", "30d")).toBeNull();
    expect(await getDomainLeaderboard("\u0000", "30d")).toBeNull();
  });
});

describe("getDomainLeaderboard: the score", () => {
  it("takes at most 6 points from any one reacting member, either way", async () => {
    const domain = await createDomain(db);
    const friend = await createUser(db);
    // 10 Insightful reactions (20 points) from one friend are worth 6, less than 7 Likes from 7 members
    const befriended = await createUser(db);
    for (let i = 0; i < 10; i++) {
      const insight = await publish(befriended.id, domain.id);
      await react(insight.id, [friend.id], "INSIGHTFUL");
    }
    const liked = await member(domain.id, 7);
    // 12 Likes, and Unhelpful on five insights (-10) from one critic: 12 - 6 = 6, not 2
    const criticised = await member(domain.id, 12);
    const critic = await createUser(db);
    await react(criticised.insightId, [critic.id], "UNHELPFUL");
    for (let i = 0; i < 4; i++) {
      const insight = await publish(criticised.id, domain.id);
      await react(insight.id, [critic.id], "UNHELPFUL");
    }
    const tiedById = [befriended, criticised].sort((a, b) => a.id.localeCompare(b.id));
    expect(await board(domain.slug)).toEqual([`${liked.handle} 7`, ...tiedById.map((m) => `${m.handle} 6`)]);
  });

  it("counts Unhelpful against, weighs reactions as on the page, and leaves out the author's own reactions", async () => {
    const domain = await createDomain(db);
    // 6 Likes and 2 Unhelpful from two other members: 6 - 4 = 2
    const criticised = await member(domain.id, 6);
    await react(criticised.insightId, [(await createUser(db)).id, (await createUser(db)).id], "UNHELPFUL");
    // 1 Helpful, 1 Insightful, 1 Celebrate from others (2 + 2 + 1) and Insightful from themselves: 5
    const selfish = await createUser(db);
    const insight = await publish(selfish.id, domain.id);
    await react(insight.id, [reactors[0]!], "HELPFUL");
    await react(insight.id, [reactors[1]!], "INSIGHTFUL");
    await react(insight.id, [reactors[2]!], "CELEBRATE");
    await react(insight.id, [selfish.id], "INSIGHTFUL");
    // only Unhelpful: a negative score is not listed
    const disliked = await member(domain.id, 0);
    await react(disliked.insightId, reactors.slice(0, 2), "UNHELPFUL");
    expect(await board(domain.slug)).toEqual([`${selfish.handle} 5`, `${criticised.handle} 2`]);
  });

  it("counts only published, not deleted insights on published articles, by active members", async () => {
    const domain = await createDomain(db);
    const kept = await member(domain.id, 1);
    const hidden = await createUser(db);
    for (const status of ["PENDING", "REJECTED", "REMOVED"] as const) {
      const insight = await publish(hidden.id, domain.id, { status });
      await react(insight.id, reactors.slice(0, 5));
    }
    const deleted = await publish(hidden.id, domain.id);
    await react(deleted.id, reactors.slice(0, 5));
    await db.insight.update({
      where: { id: deleted.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });
    const draft = await createArticle(db, { domainId: domain.id, status: "DRAFT" });
    const onDraft = await createInsight(db, { sectionId: draft.sections[0]!.id, authorId: hidden.id });
    await react(onDraft.id, reactors.slice(0, 5));
    const banned = await member(domain.id, 9);
    await db.user.update({ where: { id: banned.id }, data: { status: "BANNED" } });
    const suspended = await member(domain.id, 8);
    await db.user.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });

    expect(await board(domain.slug)).toEqual([`${kept.handle} 1`]);
    expect((await getDomainLeaderboard(domain.slug, "all"))!.entries[0]!.insightCount).toBe(1);
  });
});

describe("getDomainLeaderboard: who is listed", () => {
  it("leaves out members who opted out, and ranks the others without them", async () => {
    const domain = await createDomain(db);
    const first = await member(domain.id, 5);
    const second = await member(domain.id, 4);
    const third = await member(domain.id, 3);
    await db.user.update({ where: { id: first.id }, data: { leaderboardOptOut: true } });
    const view = await getDomainLeaderboard(domain.slug, "30d");
    expect(view!.entries.map((entry) => [entry.rank, entry.handle])).toEqual([
      [1, second.handle],
      [2, third.handle],
    ]);
    expect(view!.memberCount).toBe(2);
    await db.user.update({ where: { id: first.id }, data: { leaderboardOptOut: false } });
    expect(await board(domain.slug, "30d")).toEqual([
      `${first.handle} 5`,
      `${second.handle} 4`,
      `${third.handle} 3`,
    ]);
  });

  it("ranks a parent domain with its child domains' articles, and a child with its own only", async () => {
    const parent = await createDomain(db);
    const child = await createDomain(db, { parentId: parent.id });
    const sibling = await createDomain(db, { parentId: parent.id });
    const inParent = await member(parent.id, 2);
    const inChild = await member(child.id, 3);
    const inSibling = await member(sibling.id, 1);
    // one member in both: their reactions add up on the parent's board
    const inBoth = await member(parent.id, 2);
    await publish(inBoth.id, child.id).then((insight) => react(insight.id, reactors.slice(5, 7)));

    expect(await board(parent.slug)).toEqual([
      `${inBoth.handle} 4`,
      `${inChild.handle} 3`,
      `${inParent.handle} 2`,
      `${inSibling.handle} 1`,
    ]);
    expect(await board(child.slug)).toEqual([`${inChild.handle} 3`, `${inBoth.handle} 2`]);
    const childView = await getDomainLeaderboard(child.slug, "all");
    expect(childView!.domain).toMatchObject({
      parent: { name: parent.name, slug: parent.slug },
      hasChildren: false,
    });
    expect((await getDomainLeaderboard(parent.slug, "all"))!.domain.hasChildren).toBe(true);
  });

  it("orders by score, gives equal scores the same rank listed by member id, and skips ranks after a tie", async () => {
    const domain = await createDomain(db);
    const top = await member(domain.id, 6);
    const tied = [await member(domain.id, 4), await member(domain.id, 4), await member(domain.id, 4)];
    const last = await member(domain.id, 2);
    const view = await getDomainLeaderboard(domain.slug, "30d");
    const byId = [...tied].sort((a, b) => a.id.localeCompare(b.id));
    expect(view!.entries.map((entry) => [entry.rank, entry.handle, entry.score])).toEqual([
      [1, top.handle, 6],
      ...byId.map((m) => [2, m.handle, 4]),
      [5, last.handle, 2],
    ]);
  });

  it(`lists the top ${LEADERBOARD_SIZE} and counts everyone with a score`, async () => {
    const domain = await createDomain(db);
    const article = await createArticle(db, { domainId: domain.id });
    const members = await Promise.all(Array.from({ length: LEADERBOARD_SIZE + 2 }, () => createUser(db)));
    for (const [index, user] of members.entries()) {
      const insight = await createInsight(db, { sectionId: article.sections[0]!.id, authorId: user.id });
      // the first two members get 2 Likes, everyone else 1
      await react(insight.id, reactors.slice(0, index < 2 ? 2 : 1));
    }
    const view = await getDomainLeaderboard(domain.slug, "7d");
    expect(view!.entries).toHaveLength(LEADERBOARD_SIZE);
    expect(view!.memberCount).toBe(LEADERBOARD_SIZE + 2);
    expect(view!.entries.slice(0, 2).map((entry) => entry.rank)).toEqual([1, 1]);
    expect(view!.entries[2]!.rank).toBe(3);
  });

  it("shows each member's highest Contributor tier and Top Voice in the domain, nothing revoked", async () => {
    const domain = await createDomain(db);
    const elsewhere = await createDomain(db);
    const decorated = await member(domain.id, 3);
    const plain = await member(domain.id, 2);
    await db.userBadge.createMany({
      data: [
        { userId: decorated.id, badgeSlug: "contributor-bronze" },
        { userId: decorated.id, badgeSlug: "contributor-silver" },
        { userId: decorated.id, badgeSlug: "top-voice", scope: domain.id, domainId: domain.id },
        { userId: plain.id, badgeSlug: "top-voice", scope: elsewhere.id, domainId: elsewhere.id },
        { userId: plain.id, badgeSlug: "contributor-bronze", revokedAt: new Date() },
      ],
    });
    const view = await getDomainLeaderboard(domain.slug, "30d");
    expect(view!.entries.map((entry) => entry.badges)).toEqual([
      [
        { label: "Contributor · Silver", tier: "SILVER" },
        { label: "Top Voice", tier: "NONE" },
      ],
      [],
    ]);
  });
});

describe("the leaderboard choice in settings", () => {
  it("keeps a member off leaderboards when they untick it, leaves it alone when not given, and shows it back", async () => {
    const domain = await createDomain(db);
    const author = await member(domain.id, 2);
    const actor: SessionUser = { ...author, headline: "", role: "MEMBER" };
    const profile = { name: author.name, handle: author.handle, headline: "" };
    expect((await getAccountSettings(actor)).showOnLeaderboards).toBe(true);

    await updateProfile(actor, { ...profile, showOnLeaderboards: false });
    expect((await getAccountSettings(actor)).showOnLeaderboards).toBe(false);
    expect(await board(domain.slug)).toEqual([]);

    await updateProfile(actor, { ...profile, headline: "Still here" });
    expect((await getAccountSettings(actor)).showOnLeaderboards).toBe(false);

    await updateProfile(actor, { ...profile, showOnLeaderboards: true });
    expect(await board(domain.slug)).toEqual([`${author.handle} 2`]);
  });
});

describe("listLeaderboardTagsFor", () => {
  it("names the leaderboards of the domains a member published in and of their parents", async () => {
    const parent = await createDomain(db);
    const child = await createDomain(db, { parentId: parent.id });
    const other = await createDomain(db);
    const author = await member(child.id, 0);
    await publish(author.id, other.id);
    await publish(author.id, (await createDomain(db)).id, { status: "PENDING" });
    expect((await listLeaderboardTagsFor(author.id)).sort()).toEqual(
      [`leaderboard:${parent.id}`, `leaderboard:${child.id}`, `leaderboard:${other.id}`].sort(),
    );
    expect(await listLeaderboardTagsFor((await createUser(db)).id)).toEqual([]);
  });
});
