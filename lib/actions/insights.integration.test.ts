import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { session, updateTag } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createInsight, createUser, distinctInsightText } from "@/prisma/factories";
import { addInsightAction, deleteInsightAction, editInsightAction } from "./insights";

// The actions as a browser calls them: the session says who is signed in (the JWT carries only the id),
// Next's cache and after() are stood in for, and the badge queue is recorded.
await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));
const requestBadgeEvaluation = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock("@/lib/jobs/badges", () => ({ requestBadgeEvaluation }));
const requestFollowerNotifications = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock("@/lib/jobs/follows", () => ({ requestFollowerNotifications }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => {
  requestBadgeEvaluation.mockClear();
  requestFollowerNotifications.mockClear();
});

const DAY = 24 * 60 * 60 * 1000;
// Texts unlike any other test's, so the near-duplicate check never holds them by accident.
const body = (n: string) => distinctInsightText(`Written for the action tests, ${n}`);

/** A trusted member, who publishes at once: an old account with three published insights elsewhere. */
async function establishedMember(overrides: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(db, { createdAt: new Date(Date.now() - 30 * DAY), ...overrides });
  const elsewhere = await createArticle(db, {
    sections: ["a", "b", "c"].map((title) => ({ title, body: "Body." })),
  });
  for (const section of elsewhere.sections) {
    await createInsight(db, {
      sectionId: section.id,
      authorId: user.id,
      createdAt: new Date(Date.now() - 10 * DAY),
    });
  }
  return user;
}

describe("insight actions", () => {
  it("post: a signed-out reader is asked to sign in and nothing is stored", async () => {
    const article = await createArticle(db);
    const result = await addInsightAction({
      sectionId: article.sections[0]!.id,
      body: body("anonymous"),
      idempotencyKey: randomUUID(),
    });
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await db.insight.count({ where: { sectionId: article.sections[0]!.id } })).toBe(0);
  });

  it("post: a suspended member is refused with the reason", async () => {
    const member = await createUser(db, {
      status: "SUSPENDED",
      statusReason: "Repeated spam",
      statusUntil: new Date(Date.now() + DAY),
    });
    session.userId = member.id;
    const article = await createArticle(db);
    const result = await addInsightAction({
      sectionId: article.sections[0]!.id,
      body: body("suspended"),
      idempotencyKey: randomUUID(),
    });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(result.ok ? "" : result.message).toContain("Repeated spam");
  });

  it("post: bad input is a field error, not a crash", async () => {
    session.userId = (await createUser(db)).id;
    const result = await addInsightAction({
      sectionId: "x",
      body: "too short",
      idempotencyKey: "not-a-uuid",
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(result.ok ? {} : result.fieldErrors).toHaveProperty("body");
  });

  it("post: a published insight expires the article's page and queues the author's badge evaluation", async () => {
    const member = await establishedMember();
    session.userId = member.id;
    const article = await createArticle(db);
    const result = await addInsightAction({
      sectionId: article.sections[0]!.id,
      body: body("published"),
      idempotencyKey: randomUUID(),
    });
    expect(result).toMatchObject({ ok: true, data: { status: "PUBLISHED" } });
    expect(updateTag).toHaveBeenCalledWith(`article:${article.id}`);
    expect(requestBadgeEvaluation).toHaveBeenCalledWith([member.id]);
    expect(requestFollowerNotifications).toHaveBeenCalledWith({ insightId: result.ok ? result.data.id : "" });
  });

  it("post: an insight held for review (pasted in a second) queues no badge evaluation", async () => {
    const member = await establishedMember();
    session.userId = member.id;
    const article = await createArticle(db);
    const result = await addInsightAction({
      sectionId: article.sections[0]!.id,
      body: body("pasted"),
      idempotencyKey: randomUUID(),
      composeMs: 1_000,
    });
    expect(result).toMatchObject({ ok: true, data: { status: "PENDING" } });
    expect(updateTag).toHaveBeenCalledWith(`article:${article.id}`);
    expect(requestBadgeEvaluation).not.toHaveBeenCalled();
    expect(requestFollowerNotifications).not.toHaveBeenCalled();
  });

  it("post: a composing time that is not a whole number of milliseconds is a field error", async () => {
    session.userId = (await establishedMember()).id;
    const article = await createArticle(db);
    const result = await addInsightAction({
      sectionId: article.sections[0]!.id,
      body: body("odd time"),
      idempotencyKey: randomUUID(),
      composeMs: -5,
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(result.ok ? {} : result.fieldErrors).toHaveProperty("composeMs");
  });

  it("edit: a published insight held for review again leaves the page, so the author's badges are re-evaluated", async () => {
    const author = await establishedMember();
    const article = await createArticle(db);
    const insight = await createInsight(db, { sectionId: article.sections[0]!.id, authorId: author.id });
    session.userId = author.id;

    const clean = await editInsightAction({ insightId: insight.id, body: body("typed"), composeMs: 60_000 });
    expect(clean).toMatchObject({ ok: true, data: { status: "PUBLISHED" } });
    expect(requestBadgeEvaluation).not.toHaveBeenCalled();

    const pasted = await editInsightAction({
      insightId: insight.id,
      body: body("pasted edit"),
      composeMs: 500,
    });
    expect(pasted).toMatchObject({ ok: true, data: { status: "PENDING" } });
    expect(requestBadgeEvaluation).toHaveBeenCalledWith([author.id]);
    expect(updateTag).toHaveBeenCalledWith(`article:${article.id}`);
  });

  it("edit and delete: only the author; everyone else is refused and nothing changes", async () => {
    const author = await establishedMember();
    const article = await createArticle(db);
    const insight = await createInsight(db, { sectionId: article.sections[0]!.id, authorId: author.id });
    for (const role of ["MEMBER", "MODERATOR", "ADMIN"] as const) {
      session.userId = (await createUser(db, { role })).id;
      expect(await editInsightAction({ insightId: insight.id, body: body(role) })).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
      expect(await deleteInsightAction({ insightId: insight.id })).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    }
    session.userId = null;
    expect(await editInsightAction({ insightId: insight.id, body: body("anonymous") })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    expect(await db.insight.findUniqueOrThrow({ where: { id: insight.id } })).toMatchObject({
      body: insight.body,
      deletedAt: null,
    });

    session.userId = author.id;
    expect(await editInsightAction({ insightId: insight.id, body: body("edited") })).toMatchObject({
      ok: true,
    });
    expect(await deleteInsightAction({ insightId: insight.id })).toMatchObject({ ok: true });
    expect(requestBadgeEvaluation).toHaveBeenCalledWith([author.id]);
  });
});
