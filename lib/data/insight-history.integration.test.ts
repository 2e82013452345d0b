import { afterAll, describe, expect, it, vi } from "vitest";
import { tags } from "@/lib/cache-tags";
import { closeAppConnections } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createInsight, createUser } from "@/prisma/factories";
import { getInsightHistory } from "./insights";

// Caching is Next.js's job: call straight through, but record the tags each cached read carries.
const unstableCache = vi.hoisted(() =>
  vi.fn(<T>(fn: T, _keyParts?: string[], _options?: { tags?: string[] }): T => fn),
);
vi.mock("next/cache", () => ({ unstable_cache: unstableCache }));

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

const DAY = 24 * 60 * 60 * 1000;

function historyTags(insightId: string): string[] | undefined {
  const call = unstableCache.mock.calls.findLast(
    ([, keyParts]) => keyParts?.includes("insight-history") && keyParts.includes(insightId),
  );
  return call?.[2]?.tags;
}

describe("getInsightHistory and the pages that must drop it", () => {
  it("is cached under its insight, its author and its article, so a sanction or unpublishing expires it", async () => {
    const member = await createUser(db);
    const article = await createArticle(db);
    const insight = await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });

    expect((await getInsightHistory(insight.id))?.versions[0]?.body).toBe(insight.body);
    expect(historyTags(insight.id)).toEqual(
      expect.arrayContaining([tags.insight(insight.id), tags.member(member.id), tags.article(article.id)]),
    );
  });

  it("shows nothing once the author is suspended or the article unpublished", async () => {
    const member = await createUser(db);
    const article = await createArticle(db);
    const insight = await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
    await db.user.update({
      where: { id: member.id },
      data: { status: "SUSPENDED", statusUntil: new Date(Date.now() + DAY) },
    });
    await expect(getInsightHistory(insight.id)).resolves.toBeNull();

    await db.user.update({ where: { id: member.id }, data: { status: "ACTIVE", statusUntil: null } });
    await expect(getInsightHistory(insight.id)).resolves.not.toBeNull();
    await db.article.update({ where: { id: article.id }, data: { status: "DRAFT" } });
    await expect(getInsightHistory(insight.id)).resolves.toBeNull();
  });

  it("answers an unknown id without caching anything for it", async () => {
    await expect(getInsightHistory("no-such-insight")).resolves.toBeNull();
    await expect(getInsightHistory("cm\u0000")).resolves.toBeNull();
    expect(historyTags("no-such-insight")).toBeUndefined();
  });
});
