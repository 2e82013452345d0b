import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReactionKind } from "@/lib/generated/prisma/enums";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createDomain, createInsight, createUser } from "@/prisma/factories";
import { getContributorProgress, runBadgePass, type BadgeChange } from "./badges";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

async function articles(count: number) {
  return Promise.all(Array.from({ length: count }, () => createArticle(db)));
}

async function badgesOf(userId: string) {
  const rows = await db.userBadge.findMany({
    where: { userId },
    select: { badgeSlug: true, revokedAt: true },
  });
  return Object.fromEntries(rows.map((row) => [row.badgeSlug, row.revokedAt === null ? "held" : "revoked"]));
}

describe("runBadgePass", () => {
  it("grants First insight and Contributor Bronze at three articles, once, with one notification each", async () => {
    const member = await createUser(db);
    const three = await articles(3);
    for (const article of three.slice(0, 2)) {
      await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
    }
    await runBadgePass({ users: [member.id] });
    expect(await badgesOf(member.id)).toEqual({ "first-insight": "held" });
    expect((await getContributorProgress(member.id)).message).toBe(
      "You have contributed to 2 of 3 articles.",
    );

    await createInsight(db, { sectionId: three[2]!.sections[0]!.id, authorId: member.id });
    const first = await runBadgePass({ users: [member.id] });
    expect(first.granted.map((g) => g.badgeSlug)).toEqual(["contributor-bronze"]);
    // The badge pages, the member's profile and the articles where their insights carry badge chips.
    expect([...first.tags].sort()).toEqual(
      ["badges", `member-handle:${member.handle}`, ...three.map((article) => `article:${article.id}`)].sort(),
    );
    const again = await runBadgePass({ users: [member.id] });
    expect(again.granted).toEqual([]);
    expect(again.tags).toEqual([]);
    expect(await badgesOf(member.id)).toEqual({ "first-insight": "held", "contributor-bronze": "held" });
    expect(await db.notification.count({ where: { userId: member.id, kind: "BADGE_GRANTED" } })).toBe(2);
  });

  it("does not count pending, rejected, removed or deleted insights, nor banned members", async () => {
    const member = await createUser(db);
    const banned = await createUser(db, { status: "BANNED" });
    const four = await articles(4);
    await createInsight(db, { sectionId: four[0]!.sections[0]!.id, authorId: member.id, status: "PENDING" });
    await createInsight(db, { sectionId: four[1]!.sections[0]!.id, authorId: member.id, status: "REJECTED" });
    await createInsight(db, { sectionId: four[2]!.sections[0]!.id, authorId: member.id, status: "REMOVED" });
    const deleted = await createInsight(db, { sectionId: four[3]!.sections[0]!.id, authorId: member.id });
    await db.insight.update({
      where: { id: deleted.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });
    for (const article of four.slice(0, 3)) {
      await createInsight(db, { sectionId: article.sections[0]!.id, authorId: banned.id });
    }
    await runBadgePass({ users: [member.id, banned.id] });
    expect(await badgesOf(member.id)).toEqual({});
    expect(await badgesOf(banned.id)).toEqual({});
  });

  it("revokes a Contributor tier at the full pass once insights are deleted", async () => {
    const member = await createUser(db);
    const three = await articles(3);
    const insights = [];
    for (const article of three) {
      insights.push(await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id }));
    }
    await runBadgePass({ users: [member.id] });
    await db.insight.update({
      where: { id: insights[0]!.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });
    await runBadgePass({ users: [member.id] });
    expect((await badgesOf(member.id))["contributor-bronze"]).toBe("held");
    const full = await runBadgePass();
    expect(full.revoked).toContainEqual({
      userId: member.id,
      badgeSlug: "contributor-bronze",
      domainId: null,
    });
    expect(await badgesOf(member.id)).toEqual({ "first-insight": "held", "contributor-bronze": "revoked" });
  });
});

// ---------------------------------------------------------------------------------------------------------
// The grant SQL badge by badge. The database is shared by every integration file and a full pass touches
// every member, so each test makes its own members (and Top Voice tests their own domains) and asserts only
// on those.

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

/** Members who react; a reacting member's points are capped per author, so the pool is shared freely. */
let reactors: string[] = [];
beforeAll(async () => {
  reactors = (await Promise.all(Array.from({ length: 12 }, () => createUser(db)))).map((user) => user.id);
});

/** Reactions by `userIds`, with the insight's counters recounted from the rows as setReaction does. */
async function react(insightId: string, userIds: string[], kind: ReactionKind) {
  await db.reaction.createMany({ data: userIds.map((userId) => ({ insightId, userId, kind })) });
  await db.$executeRaw`
    UPDATE "Insight" i SET "likeCount" = c.likes, "insightfulCount" = c.insightful, "helpfulCount" = c.helpful,
      "celebrateCount" = c.celebrate, "unhelpfulCount" = c.unhelpful
    FROM (SELECT count(*) FILTER (WHERE "kind" = 'LIKE')::int AS likes,
                 count(*) FILTER (WHERE "kind" = 'INSIGHTFUL')::int AS insightful,
                 count(*) FILTER (WHERE "kind" = 'HELPFUL')::int AS helpful,
                 count(*) FILTER (WHERE "kind" = 'CELEBRATE')::int AS celebrate,
                 count(*) FILTER (WHERE "kind" = 'UNHELPFUL')::int AS unhelpful
          FROM "Reaction" WHERE "insightId" = ${insightId}) c
    WHERE i."id" = ${insightId}`;
}

/** A published insight by `authorId` on a new article (in `domainId` if given). */
async function publish(authorId: string, options: { domainId?: string; publishedAt?: Date } = {}) {
  const article = await createArticle(db, { domainId: options.domainId });
  return createInsight(db, { sectionId: article.sections[0]!.id, authorId, createdAt: options.publishedAt });
}

async function deleteInsight(insightId: string) {
  await db.insight.update({ where: { id: insightId }, data: { deletedAt: new Date(), liveSectionId: null } });
}

/**
 * A new member with one insight in `domainId` published `publishedDaysAgo` days ago (1 by default) that
 * `score` different members each Liked (1 point apiece).
 */
async function voice(domainId: string, score: number, publishedDaysAgo = 1) {
  const member = await createUser(db);
  const insight = await publish(member.id, { domainId, publishedAt: daysAgo(publishedDaysAgo) });
  if (score > 0) await react(insight.id, reactors.slice(0, score), "LIKE");
  return { id: member.id, insightId: insight.id };
}

async function votersWithScores(domainId: string, scores: number[]) {
  const members = [];
  for (const score of scores) members.push(await voice(domainId, score));
  return members;
}

/** Who holds Top Voice in `domainId` right now, sorted. */
async function topVoices(domainId: string) {
  const rows = await db.userBadge.findMany({
    where: { badgeSlug: "top-voice", domainId, revokedAt: null },
    select: { userId: true },
  });
  return rows.map((row) => row.userId).sort();
}

const ids = (...members: { id: string }[]) => members.map((member) => member.id).sort();

async function badgeNotifications(userId: string) {
  return db.notification.findMany({
    where: { userId, kind: "BADGE_GRANTED" },
    select: { groupKey: true, userBadgeId: true },
    orderBy: { createdAt: "asc" },
  });
}

const mine = (changes: BadgeChange[], userIds: string[]) =>
  changes
    .filter((change) => userIds.includes(change.userId))
    .map((change) => `${change.userId} ${change.badgeSlug} ${change.domainId ?? "-"}`)
    .sort();

describe("runBadgePass: which insights count", () => {
  it("counts only published, not deleted insights by active members on published articles", async () => {
    const member = await createUser(db);
    const suspended = await createUser(db, { status: "SUSPENDED" });
    const six = await articles(6);
    const draft = await createArticle(db, { status: "DRAFT" });
    // two counted articles; a second insight on an already counted article adds nothing
    await createInsight(db, { sectionId: six[0]!.sections[0]!.id, authorId: member.id });
    await createInsight(db, { sectionId: six[0]!.sections[1]!.id, authorId: member.id });
    await createInsight(db, { sectionId: six[1]!.sections[0]!.id, authorId: member.id });
    // none of these counts
    await createInsight(db, { sectionId: draft.sections[0]!.id, authorId: member.id });
    await createInsight(db, { sectionId: six[2]!.sections[0]!.id, authorId: member.id, status: "PENDING" });
    await createInsight(db, { sectionId: six[3]!.sections[0]!.id, authorId: member.id, status: "REJECTED" });
    await createInsight(db, { sectionId: six[4]!.sections[0]!.id, authorId: member.id, status: "REMOVED" });
    await deleteInsight(
      (await createInsight(db, { sectionId: six[5]!.sections[0]!.id, authorId: member.id })).id,
    );
    // awaiting review, but on an article that already counts, or on a draft: not "more awaiting review"
    await createInsight(db, { sectionId: six[1]!.sections[1]!.id, authorId: member.id, status: "PENDING" });
    await createInsight(db, { sectionId: draft.sections[1]!.id, authorId: member.id, status: "PENDING" });
    for (const article of six.slice(0, 3)) {
      await createInsight(db, { sectionId: article.sections[0]!.id, authorId: suspended.id });
    }

    await runBadgePass({ users: [member.id, suspended.id] });
    expect(await badgesOf(member.id)).toEqual({ "first-insight": "held" });
    expect(await badgesOf(suspended.id)).toEqual({});
    expect(await getContributorProgress(member.id)).toMatchObject({ articles: 2, pendingArticles: 1 });
  });

  it("grants at a member's pass only to the members it is for", async () => {
    const [member, other] = [await createUser(db), await createUser(db)];
    await publish(member.id);
    await publish(other.id);
    const { granted } = await runBadgePass({ users: [member.id] });
    expect(granted).toEqual([{ userId: member.id, badgeSlug: "first-insight", domainId: null }]);
    expect(await badgesOf(other.id)).toEqual({});
  });

  it("gives no First insight for insights on a draft article or not published", async () => {
    const member = await createUser(db);
    const draft = await createArticle(db, { status: "DRAFT" });
    const published = await createArticle(db);
    await createInsight(db, { sectionId: draft.sections[0]!.id, authorId: member.id });
    await createInsight(db, { sectionId: published.sections[0]!.id, authorId: member.id, status: "PENDING" });
    expect((await runBadgePass({ users: [member.id] })).granted).toEqual([]);
    expect((await runBadgePass()).granted.filter((g) => g.userId === member.id)).toEqual([]);
    expect(await badgesOf(member.id)).toEqual({});
  });
});

describe("runBadgePass: Contributor tiers", () => {
  it("grants Silver at 10 and Gold at 25 distinct articles in any domain, and not one article earlier", async () => {
    const member = await createUser(db);
    const many = await articles(25);
    const grantedFor = async (count: number) => {
      for (const article of many.slice((await getContributorProgress(member.id)).articles, count)) {
        await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
      }
      return (await runBadgePass({ users: [member.id] })).granted.map((g) => g.badgeSlug).sort();
    };
    expect(await grantedFor(2)).toEqual(["first-insight"]);
    expect(await grantedFor(3)).toEqual(["contributor-bronze"]);
    expect(await grantedFor(9)).toEqual([]);
    expect(await grantedFor(10)).toEqual(["contributor-silver"]);
    expect(await grantedFor(24)).toEqual([]);
    expect(await grantedFor(25)).toEqual(["contributor-gold"]);
    expect(await badgesOf(member.id)).toEqual({
      "first-insight": "held",
      "contributor-bronze": "held",
      "contributor-silver": "held",
      "contributor-gold": "held",
    });
    expect(await badgeNotifications(member.id)).toHaveLength(4);
  });

  it("grants every tier reached at once, each with its own notification", async () => {
    const member = await createUser(db);
    for (const article of await articles(10)) {
      await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
    }
    const { granted } = await runBadgePass();
    expect(mine(granted, [member.id])).toEqual(
      ["contributor-bronze", "contributor-silver", "first-insight"].map((slug) => `${member.id} ${slug} -`),
    );
    const notifications = await badgeNotifications(member.id);
    const grants = await db.userBadge.findMany({ where: { userId: member.id }, select: { id: true } });
    expect(notifications.map((n) => n.userBadgeId).sort()).toEqual(grants.map((g) => g.id).sort());
  });

  it("revokes only the tiers no longer reached, and grants a tier earned again anew with a new notification", async () => {
    const member = await createUser(db);
    const eleven = await articles(11);
    const insights = [];
    for (const article of eleven.slice(0, 10)) {
      insights.push(await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id }));
    }
    await runBadgePass({ users: [member.id] });
    const silver = await db.userBadge.findUniqueOrThrow({
      where: { userId_badgeSlug_scope: { userId: member.id, badgeSlug: "contributor-silver", scope: "" } },
      select: { id: true, grantedAt: true },
    });

    // a moderator removes one insight, its author deletes another: 8 articles left
    await db.insight.update({ where: { id: insights[0]!.id }, data: { status: "REMOVED" } });
    await deleteInsight(insights[1]!.id);
    const full = await runBadgePass();
    expect(mine(full.revoked, [member.id])).toEqual([`${member.id} contributor-silver -`]);
    expect(await badgesOf(member.id)).toMatchObject({
      "contributor-bronze": "held",
      "contributor-silver": "revoked",
    });
    expect(mine((await runBadgePass()).revoked, [member.id])).toEqual([]);

    // back at 10: a per-member pass grants Silver again, on the same row, with a second notification
    await createInsight(db, { sectionId: eleven[10]!.sections[0]!.id, authorId: member.id });
    await createInsight(db, { sectionId: eleven[1]!.sections[0]!.id, authorId: member.id });
    const again = await runBadgePass({ users: [member.id] });
    expect(mine(again.granted, [member.id])).toEqual([`${member.id} contributor-silver -`]);
    const regranted = await db.userBadge.findUniqueOrThrow({
      where: { id: silver.id },
      select: { revokedAt: true, grantedAt: true },
    });
    expect(regranted.revokedAt).toBeNull();
    expect(regranted.grantedAt.getTime()).toBeGreaterThan(silver.grantedAt.getTime());
    const silverNotifications = (await badgeNotifications(member.id)).filter(
      (n) => n.userBadgeId === silver.id,
    );
    expect(silverNotifications).toHaveLength(2);
    expect(new Set(silverNotifications.map((n) => n.groupKey)).size).toBe(2);

    expect((await runBadgePass({ users: [member.id] })).granted).toEqual([]);
    expect(mine((await runBadgePass()).granted, [member.id])).toEqual([]);
    expect(await badgeNotifications(member.id)).toHaveLength(4);
  });

  it("revokes nothing at a per-member pass", async () => {
    const member = await createUser(db);
    const three = [];
    for (const article of await articles(3)) {
      three.push(await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id }));
    }
    await runBadgePass({ users: [member.id] });
    await deleteInsight(three[0]!.id);
    expect(await runBadgePass({ users: [member.id] })).toEqual({
      granted: [],
      revoked: [],
      tags: [],
      eventualTags: [],
    });
    expect(await badgesOf(member.id)).toEqual({ "first-insight": "held", "contributor-bronze": "held" });
  });
});

describe("runBadgePass: Helpful", () => {
  it("grants Helpful at 10 Helpful or Insightful reactions on one insight, not at 9, and only once", async () => {
    const member = await createUser(db);
    const insight = await publish(member.id);
    await react(insight.id, reactors.slice(0, 5), "HELPFUL");
    await react(insight.id, reactors.slice(5, 9), "INSIGHTFUL");
    await react(insight.id, reactors.slice(9, 12), "LIKE");
    // 9 Helpful or Insightful (and 3 Likes, which are not)
    await runBadgePass({ users: [member.id] });
    expect(await badgesOf(member.id)).toEqual({ "first-insight": "held" });

    const tenth = await createUser(db);
    await react(insight.id, [tenth.id], "INSIGHTFUL");
    const { granted } = await runBadgePass({ users: [member.id] });
    expect(mine(granted, [member.id])).toEqual([`${member.id} helpful -`]);

    const second = await publish(member.id);
    await react(second.id, reactors.slice(0, 10), "HELPFUL");
    expect((await runBadgePass({ users: [member.id] })).granted).toEqual([]);
    expect((await badgeNotifications(member.id)).length).toBe(2);
  });

  it("does not count reactions on insights that no longer count", async () => {
    const removed = await createUser(db);
    const deleted = await createUser(db);
    const a = await publish(removed.id);
    const b = await publish(deleted.id);
    await react(a.id, reactors.slice(0, 10), "HELPFUL");
    await react(b.id, reactors.slice(0, 10), "INSIGHTFUL");
    await db.insight.update({ where: { id: a.id }, data: { status: "REMOVED" } });
    await deleteInsight(b.id);
    const { granted } = await runBadgePass();
    expect(mine(granted, [removed.id, deleted.id])).toEqual([]);
  });
});

describe("runBadgePass: Top Voice", () => {
  it("is granted per domain (scope = domain id) at the full pass only, to positive scores", async () => {
    const [d1, d2] = [await createDomain(db), await createDomain(db)];
    const both = await voice(d1.id, 3);
    await publish(both.id, { domainId: d2.id }).then((insight) =>
      react(insight.id, reactors.slice(0, 4), "LIKE"),
    );
    const onlyInD1 = await voice(d1.id, 2);
    // reactions in d1 do not lift a member in d2
    await publish(onlyInD1.id, { domainId: d2.id });
    const negative = await voice(d2.id, 0);
    await react(negative.insightId, reactors.slice(0, 1), "UNHELPFUL");

    const perMember = await runBadgePass({ users: [both.id, onlyInD1.id, negative.id] });
    expect(perMember.granted.map((g) => g.badgeSlug)).not.toContain("top-voice");
    expect(await topVoices(d1.id)).toEqual([]);

    const full = await runBadgePass();
    expect(
      mine(full.granted, [both.id, onlyInD1.id, negative.id]).filter((g) => g.includes("top-voice")),
    ).toEqual(
      [
        `${both.id} top-voice ${d1.id}`,
        `${both.id} top-voice ${d2.id}`,
        `${onlyInD1.id} top-voice ${d1.id}`,
      ].sort(),
    );
    expect(await topVoices(d1.id)).toEqual(ids(both, onlyInD1));
    expect(await topVoices(d2.id)).toEqual([both.id]);
    const rows = await db.userBadge.findMany({
      where: { userId: both.id, badgeSlug: "top-voice" },
      select: { id: true, scope: true, domainId: true },
    });
    expect(rows.map((row) => [row.scope, row.domainId]).sort()).toEqual(
      [
        [d1.id, d1.id],
        [d2.id, d2.id],
      ].sort(),
    );
    const notified = (await badgeNotifications(both.id)).map((n) => n.userBadgeId);
    for (const row of rows) expect(notified.filter((id) => id === row.id)).toHaveLength(1);
  });

  it("counts insights published 59 days ago but not 61 days ago", async () => {
    const domain = await createDomain(db);
    const others = await votersWithScores(domain.id, [3, 4, 5, 6]);
    const recent = await voice(domain.id, 2, 59);
    // 10 points on an old insight and 1 on a recent one: only the recent one counts
    const old = await voice(domain.id, 10, 61);
    await publish(old.id, { domainId: domain.id, publishedAt: daysAgo(1) }).then((insight) =>
      react(insight.id, reactors.slice(0, 1), "LIKE"),
    );
    const onlyOld = await voice(domain.id, 12, 61);
    await runBadgePass();
    expect(await topVoices(domain.id)).toEqual(ids(...others, recent));
    expect(await badgesOf(onlyOld.id)).not.toHaveProperty("top-voice");
  });

  it("takes at most 6 points from any one reacting member", async () => {
    const friend = await createUser(db);
    const withFriend = async (domainId: string) => {
      const member = await createUser(db);
      for (let i = 0; i < 10; i++) {
        const insight = await publish(member.id, { domainId });
        await react(insight.id, [friend.id], "INSIGHTFUL");
      }
      return member;
    };
    // 10 Insightful reactions (20 points) from one friend are worth 6: less than 7…
    const d1 = await createDomain(db);
    const beaten = await votersWithScores(d1.id, [7, 8, 9, 10, 11]);
    const capped = await withFriend(d1.id);
    // …and more than 5
    const d2 = await createDomain(db);
    const [lowest, ...rest] = await votersWithScores(d2.id, [5, 7, 8, 9, 10]);
    const cappedAgain = await withFriend(d2.id);
    await runBadgePass();
    expect(await topVoices(d1.id)).toEqual(ids(...beaten));
    expect(await badgesOf(capped.id)).not.toHaveProperty("top-voice");
    expect(await topVoices(d2.id)).toEqual(ids(...rest, cappedAgain));
    expect(await badgesOf(lowest!.id)).not.toHaveProperty("top-voice");
  });

  it("counts Unhelpful against, and not the author's own reactions", async () => {
    const domain = await createDomain(db);
    const others = await votersWithScores(domain.id, [5, 5, 6, 7, 8]);
    // 8 Likes and 2 Unhelpful: 4 points, not 8
    const criticised = await voice(domain.id, 8);
    await react(criticised.insightId, [(await createUser(db)).id, (await createUser(db)).id], "UNHELPFUL");
    // 3 Likes from others, and Insightful on two of their own insights: 3 points, not 7
    const selfish = await voice(domain.id, 3);
    await react(selfish.insightId, [selfish.id], "INSIGHTFUL");
    const own = await publish(selfish.id, { domainId: domain.id });
    await react(own.id, [selfish.id], "INSIGHTFUL");
    await runBadgePass();
    expect(await topVoices(domain.id)).toEqual(ids(...others));
  });

  it("is not held by members who are not active", async () => {
    const domain = await createDomain(db);
    const [top, banned] = await votersWithScores(domain.id, [9, 8]);
    await db.user.update({ where: { id: banned!.id }, data: { status: "BANNED" } });
    await runBadgePass();
    expect(await topVoices(domain.id)).toEqual([top!.id]);
    await db.user.update({ where: { id: top!.id }, data: { status: "SUSPENDED" } });
    const { revoked } = await runBadgePass();
    expect(mine(revoked, [top!.id, banned!.id])).toEqual([`${top!.id} top-voice ${domain.id}`]);
    expect(await topVoices(domain.id)).toEqual([]);
  });

  it("holds 5 badges per domain with a deterministic tie-break, revokes when overtaken, grants again when back", async () => {
    const domain = await createDomain(db);
    const six = await votersWithScores(domain.id, [3, 3, 3, 3, 3, 3]);
    const byId = ids(...six);
    const first = await runBadgePass();
    expect(await topVoices(domain.id)).toEqual(byId.slice(0, 5));
    expect(mine(first.granted, byId)).toHaveLength(5 + 6); // Top Voice, and First insight for all six
    const second = await runBadgePass();
    expect(mine([...second.granted, ...second.revoked], byId)).toEqual([]);

    // a newcomer with 10 points takes a place: the last of the tied five loses theirs
    const newcomer = await voice(domain.id, 10);
    expect((await runBadgePass({ users: [newcomer.id] })).granted.map((g) => g.badgeSlug)).toEqual([
      "first-insight",
    ]);
    const overtaken = await runBadgePass();
    expect(mine(overtaken.granted, [...byId, newcomer.id])).toEqual([
      `${newcomer.id} top-voice ${domain.id}`,
    ]);
    expect(mine(overtaken.revoked, [...byId, newcomer.id])).toEqual([`${byId[4]} top-voice ${domain.id}`]);
    expect(await topVoices(domain.id)).toEqual([...byId.slice(0, 4), newcomer.id].sort());

    // the one who lost it gains points and is back: a new grant, a new notification
    const comeback = six.find((member) => member.id === byId[4])!;
    const more = await createUser(db);
    await react(comeback.insightId, [more.id], "LIKE");
    const back = await runBadgePass();
    expect(mine(back.granted, [...byId, newcomer.id])).toEqual([`${comeback.id} top-voice ${domain.id}`]);
    expect(mine(back.revoked, [...byId, newcomer.id])).toEqual([`${byId[3]} top-voice ${domain.id}`]);
    const notifications = await badgeNotifications(comeback.id);
    const topVoiceRow = await db.userBadge.findFirstOrThrow({
      where: { userId: comeback.id, badgeSlug: "top-voice" },
      select: { id: true },
    });
    expect(notifications.filter((n) => n.userBadgeId === topVoiceRow.id)).toHaveLength(2);
  });
});

describe("runBadgePass: idempotence and concurrency", () => {
  async function snapshot() {
    const [badges, notifications] = await Promise.all([
      db.userBadge.findMany({ orderBy: { id: "asc" } }),
      db.notification.findMany({ orderBy: { id: "asc" } }),
    ]);
    return { badges, notifications };
  }

  /** A member who earns every badge but Gold (Top Voice in `helpedIn`), and a domain with one Top Voice. */
  async function craft() {
    const member = await createUser(db);
    const helpedIn = await createDomain(db);
    const helpful = await publish(member.id, { domainId: helpedIn.id });
    await react(helpful.id, reactors.slice(0, 10), "HELPFUL");
    for (const article of await articles(9)) {
      await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
    }
    const domain = await createDomain(db);
    const voter = await voice(domain.id, 4);
    const expected = [
      ...["contributor-bronze", "contributor-silver", "first-insight", "helpful"].map(
        (s) => `${member.id} ${s} -`,
      ),
      `${member.id} top-voice ${helpedIn.id}`,
      `${voter.id} first-insight -`,
      `${voter.id} top-voice ${domain.id}`,
    ].sort();
    return { member, voter, expected };
  }

  it("changes nothing when run a second time", async () => {
    const { member, voter, expected } = await craft();
    const first = await runBadgePass();
    expect(mine(first.granted, [member.id, voter.id])).toEqual(expected);
    const before = await snapshot();
    expect(await runBadgePass()).toEqual({ granted: [], revoked: [], tags: [], eventualTags: [] });
    expect(await runBadgePass({ users: [member.id, voter.id] })).toEqual({
      granted: [],
      revoked: [],
      tags: [],
      eventualTags: [],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("ends in the same state when members' passes run during a full pass", async () => {
    const { member, voter, expected } = await craft();
    const reports = await Promise.all([
      runBadgePass({ users: [voter.id, member.id] }),
      runBadgePass(),
      runBadgePass({ users: [member.id] }),
    ]);
    expect(
      mine(
        reports.flatMap((report) => report.granted),
        [member.id, voter.id],
      ),
    ).toEqual(expected);
    for (const user of [member, voter]) {
      const rows = await db.userBadge.findMany({ where: { userId: user.id }, select: { id: true } });
      const notified = (await badgeNotifications(user.id)).map((n) => n.userBadgeId);
      expect(notified.sort()).toEqual(rows.map((row) => row.id).sort());
    }
  });

  it("grants each badge once and notifies once when two full passes run at the same time", async () => {
    const { member, voter, expected } = await craft();
    const reports = await Promise.all([runBadgePass(), runBadgePass()]);
    const granted = reports.flatMap((report) => report.granted);
    const keys = granted.map((g) => `${g.userId} ${g.badgeSlug} ${g.domainId ?? "-"}`);
    expect(keys.length).toBe(new Set(keys).size);
    expect(mine(granted, [member.id, voter.id])).toEqual(expected);
    for (const user of [member, voter]) {
      const rows = await db.userBadge.findMany({ where: { userId: user.id }, select: { id: true } });
      const notified = (await badgeNotifications(user.id)).map((n) => n.userBadgeId);
      expect(notified.sort()).toEqual(rows.map((row) => row.id).sort());
    }
  });
});
