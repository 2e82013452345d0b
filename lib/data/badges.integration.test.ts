import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createInsight, createUser } from "@/prisma/factories";
import { getContributorProgress, runBadgePass } from "./badges";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

async function articles(count: number) {
  return Promise.all(Array.from({ length: count }, () => createArticle(db)));
}

async function badgesOf(userId: string) {
  const rows = await db.userBadge.findMany({ where: { userId }, select: { badgeSlug: true, revokedAt: true } });
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
    expect((await getContributorProgress(member.id)).message).toBe("You have contributed to 2 of 3 articles.");

    await createInsight(db, { sectionId: three[2]!.sections[0]!.id, authorId: member.id });
    const first = await runBadgePass({ users: [member.id] });
    expect(first.granted.map((g) => g.badgeSlug)).toEqual(["contributor-bronze"]);
    const again = await runBadgePass({ users: [member.id] });
    expect(again.granted).toEqual([]);
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
    await db.insight.update({ where: { id: deleted.id }, data: { deletedAt: new Date(), liveSectionId: null } });
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
    await db.insight.update({ where: { id: insights[0]!.id }, data: { deletedAt: new Date(), liveSectionId: null } });
    await runBadgePass({ users: [member.id] });
    expect((await badgesOf(member.id))["contributor-bronze"]).toBe("held");
    const full = await runBadgePass();
    expect(full.revoked).toContainEqual({ userId: member.id, badgeSlug: "contributor-bronze", domainId: null });
    expect(await badgesOf(member.id)).toEqual({ "first-insight": "held", "contributor-bronze": "revoked" });
  });
});
