import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { session, updateTag } from "@/lib/testing/integration";
import { hashBody } from "@/lib/insight-hash";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createUser, FACTORY_INSIGHT_BODY } from "@/prisma/factories";
import { appealDecisionAction, reportInsightAction } from "./moderation";

// The members' moderation actions as a browser calls them (see the insight actions tests).
await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));
const requestBadgeEvaluation = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock("@/lib/jobs/badges", () => ({ requestBadgeEvaluation }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => {
  requestBadgeEvaluation.mockClear();
});

const DAY = 24 * 60 * 60 * 1000;
let sequence = 0;

async function insightIn(status: "PUBLISHED" | "REJECTED") {
  const author = await createUser(db);
  const article = await createArticle(db);
  const section = article.sections[0]!;
  const body = `${FACTORY_INSIGHT_BODY} Report action test ${++sequence} ${Math.random()}.`;
  const insight = await db.insight.create({
    data: {
      sectionId: section.id,
      liveSectionId: section.id,
      authorId: author.id,
      body,
      bodyHash: hashBody(body),
      idempotencyKey: `report-action-${sequence}-${Math.random()}`,
      status,
      publishedAt: status === "PUBLISHED" ? new Date() : null,
      ...(status === "REJECTED" ? { decidedAt: new Date(), decisionReason: "SPAM" as const } : {}),
    },
    select: { id: true },
  });
  return { id: insight.id, author, article };
}

describe("reportInsightAction", () => {
  it("asks a signed-out reader to sign in and refuses a suspended member with the reason", async () => {
    const insight = await insightIn("PUBLISHED");
    expect(await reportInsightAction({ insightId: insight.id, reason: "SPAM" })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    session.userId = (
      await createUser(db, {
        status: "SUSPENDED",
        statusReason: "Spam",
        statusUntil: new Date(Date.now() + DAY),
      })
    ).id;
    const suspended = await reportInsightAction({ insightId: insight.id, reason: "SPAM" });
    expect(suspended).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(suspended.ok ? "" : suspended.message).toContain("Spam");
    expect(await db.report.count({ where: { insightId: insight.id } })).toBe(0);
  });

  it("bad input is a field error: Other needs a note", async () => {
    session.userId = (await createUser(db)).id;
    const insight = await insightIn("PUBLISHED");
    const result = await reportInsightAction({ insightId: insight.id, reason: "OTHER" });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(result.ok ? {} : result.fieldErrors).toEqual({ note: "Tell us what is wrong with it." });
  });

  it("reports once; the third member's report hides it and expires its pages", async () => {
    const insight = await insightIn("PUBLISHED");
    for (let i = 0; i < 2; i++) {
      session.userId = (await createUser(db, { trustOverride: "TRUSTED" })).id;
      expect(await reportInsightAction({ insightId: insight.id, reason: "SPAM" })).toEqual({
        ok: true,
        data: { hidden: false },
      });
      expect(updateTag).not.toHaveBeenCalled();
    }
    expect(await reportInsightAction({ insightId: insight.id, reason: "SPAM" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    session.userId = (await createUser(db, { trustOverride: "TRUSTED" })).id;
    expect(await reportInsightAction({ insightId: insight.id, reason: "OTHER", note: "Copied." })).toEqual({
      ok: true,
      data: { hidden: true },
    });
    expect(updateTag).toHaveBeenCalledWith(`article:${insight.article.id}`);
    expect(updateTag).toHaveBeenCalledWith(`insight:${insight.id}`);
    expect(requestBadgeEvaluation).toHaveBeenCalledWith([insight.author.id]);
  });

  it("refuses reporting one's own insight", async () => {
    const insight = await insightIn("PUBLISHED");
    session.userId = insight.author.id;
    expect(await reportInsightAction({ insightId: insight.id, reason: "SPAM" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });
});

describe("appealDecisionAction", () => {
  it("lets the author appeal once with a message; others are refused; too long is a field error", async () => {
    const insight = await insightIn("REJECTED");
    session.userId = (await createUser(db)).id;
    expect(await appealDecisionAction({ insightId: insight.id, message: "Mine now." })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });

    session.userId = insight.author.id;
    const tooLong = await appealDecisionAction({ insightId: insight.id, message: "a".repeat(501) });
    expect(tooLong.ok ? {} : tooLong.fieldErrors).toEqual({ message: "Keep it to 500 characters." });

    const result = await appealDecisionAction({ insightId: insight.id, message: "  It was on topic.  " });
    expect(result).toEqual({ ok: true, data: { appealId: expect.any(String) as string } });
    expect(await db.appeal.findUniqueOrThrow({ where: { insightId: insight.id } })).toMatchObject({
      message: "It was on topic.",
      status: "OPEN",
    });
    expect(await appealDecisionAction({ insightId: insight.id, message: "Again." })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });
});
