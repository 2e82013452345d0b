import { afterAll, describe, expect, it, vi } from "vitest";
import { closeAppConnections } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createInsight, createUser } from "@/prisma/factories";
import { getMemberProfile } from "./members";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

const DAY = 24 * 60 * 60 * 1000;

describe("getMemberProfile and sanctions", () => {
  it("shows a suspended member's profile without any of their insights or their counts", async () => {
    const member = await createUser(db, { headline: "On leave" });
    const article = await createArticle(db);
    const insight = await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
    await db.insight.update({ where: { id: insight.id }, data: { likeCount: 3 } });
    await expect(getMemberProfile(member.handle)).resolves.toMatchObject({
      insightCount: 1,
      articleCount: 1,
      reactionCount: 3,
      insights: [expect.objectContaining({ id: insight.id })],
    });

    await db.user.update({
      where: { id: member.id },
      data: { status: "SUSPENDED", statusUntil: new Date(Date.now() + 7 * DAY) },
    });
    const profile = await getMemberProfile(member.handle);
    expect(profile).toMatchObject({
      handle: member.handle,
      headline: "On leave",
      insightCount: 0,
      articleCount: 0,
      reactionCount: 0,
      insights: [],
    });
    expect(JSON.stringify(profile)).not.toContain(insight.body);
  });

  it("shows the insights again once the member is active", async () => {
    const member = await createUser(db, { status: "SUSPENDED", statusUntil: new Date(Date.now() + DAY) });
    const article = await createArticle(db);
    const insight = await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
    expect((await getMemberProfile(member.handle))?.insights).toEqual([]);
    await db.user.update({ where: { id: member.id }, data: { status: "ACTIVE", statusUntil: null } });
    expect((await getMemberProfile(member.handle))?.insights).toEqual([
      expect.objectContaining({ id: insight.id, body: insight.body }),
    ]);
  });

  it("has no profile for a handle that cannot be one, without asking the database", async () => {
    await expect(getMemberProfile("\u0000")).resolves.toBeNull();
    await expect(getMemberProfile("Not A Handle")).resolves.toBeNull();
  });

  it("has no profile for a banned member", async () => {
    const member = await createUser(db, { status: "BANNED" });
    const article = await createArticle(db);
    await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
    await expect(getMemberProfile(member.handle)).resolves.toBeNull();
  });
});
