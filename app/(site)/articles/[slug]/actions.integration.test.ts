import { afterAll, describe, expect, it, vi } from "vitest";
import { closeAppConnections, session, updateTag } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createUser } from "@/prisma/factories";
import { articleFeedbackAction } from "./actions";

// "Like this article?" as a browser sends it: the session says who is signed in (the JWT carries only the
// id) and Next's cache is stood in for, so a test sees which pages the answer expires.
await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

describe("articleFeedbackAction", () => {
  it("records a signed-in member's answer and expires the article's cached page", async () => {
    const article = await createArticle(db);
    session.userId = (await createUser(db)).id;
    expect(await articleFeedbackAction({ articleId: article.id, liked: true })).toEqual({
      ok: true,
      data: { liked: true, yesCount: 1 },
    });
    expect(updateTag.mock.calls).toEqual([[`article:${article.id}`]]);
  });

  it("refuses a suspended member (FORBIDDEN) and a signed-out reader, and records nothing", async () => {
    const article = await createArticle(db);
    session.userId = (
      await createUser(db, {
        status: "SUSPENDED",
        statusReason: "Cooling off",
        statusUntil: new Date(Date.now() + 24 * 60 * 60 * 1000),
      })
    ).id;
    expect(await articleFeedbackAction({ articleId: article.id, liked: true })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    session.userId = null;
    expect(await articleFeedbackAction({ articleId: article.id, liked: true })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    expect(await db.articleFeedback.count({ where: { articleId: article.id } })).toBe(0);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("refuses a multi-line reason as invalid input, beside its field", async () => {
    const article = await createArticle(db);
    session.userId = (await createUser(db)).id;
    expect(
      await articleFeedbackAction({ articleId: article.id, liked: false, reason: "one\ntwo" }),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { reason: "Keep it to one line." } });
    expect(await db.articleFeedback.count({ where: { articleId: article.id } })).toBe(0);
  });
});
