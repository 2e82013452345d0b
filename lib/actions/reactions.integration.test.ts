import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeAppConnections, session, updateTag } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createInsight, createUser } from "@/prisma/factories";
import { reactAction } from "./reactions";

// The action as a browser calls it (see the insight actions tests).
await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));
const requestBadgeEvaluation = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock("@/lib/jobs/badges", () => ({ requestBadgeEvaluation }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});
beforeEach(() => {
  requestBadgeEvaluation.mockClear();
});

const ZERO = { LIKE: 0, INSIGHTFUL: 0, HELPFUL: 0, CELEBRATE: 0, UNHELPFUL: 0 };

/** A published insight by a fresh author, in the first section of a fresh published article. */
async function publishedInsight() {
  const author = await createUser(db);
  const article = await createArticle(db);
  const { id } = await createInsight(db, { sectionId: article.sections[0]!.id, authorId: author.id });
  return { id, author, article };
}

describe("reactAction", () => {
  it("lets a signed-in member react, expires the article's cached page and re-evaluates the author's badges", async () => {
    const insight = await publishedInsight();
    session.userId = (await createUser(db)).id;

    expect(await reactAction({ insightId: insight.id, kind: "HELPFUL" })).toEqual({
      ok: true,
      data: { counts: { ...ZERO, HELPFUL: 1 }, mine: "HELPFUL" },
    });
    expect(updateTag.mock.calls).toEqual([[`article:${insight.article.id}`]]);
    // Helpful and Top Voice follow reactions.
    expect(requestBadgeEvaluation).toHaveBeenCalledWith([insight.author.id]);
  });

  it("refuses a suspended member (FORBIDDEN), a signed-out reader and the author, and records nothing", async () => {
    const insight = await publishedInsight();
    session.userId = (
      await createUser(db, {
        status: "SUSPENDED",
        statusReason: "Cooling off",
        statusUntil: new Date(Date.now() + 24 * 60 * 60 * 1000),
      })
    ).id;
    expect(await reactAction({ insightId: insight.id, kind: "LIKE" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });

    session.userId = null;
    expect(await reactAction({ insightId: insight.id, kind: "LIKE" })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });

    session.userId = insight.author.id;
    expect(await reactAction({ insightId: insight.id, kind: "LIKE" })).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "You cannot react to your own insight.",
    });

    expect(await db.reaction.count({ where: { insightId: insight.id } })).toBe(0);
    expect(updateTag).not.toHaveBeenCalled();
    expect(requestBadgeEvaluation).not.toHaveBeenCalled();
  });

  it("refuses an unknown reaction kind as invalid input", async () => {
    const insight = await publishedInsight();
    session.userId = (await createUser(db)).id;
    expect(await reactAction({ insightId: insight.id, kind: "LOVE" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await db.reaction.count({ where: { insightId: insight.id } })).toBe(0);
  });
});
