import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ALREADY_HANDLED } from "@/lib/data/moderation";
import { hashBody } from "@/lib/insight-hash";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createUser, FACTORY_INSIGHT_BODY } from "@/prisma/factories";
import {
  approveInsightAction,
  bulkDecideAction,
  decideAppealAction,
  loadMoreQueueAction,
  rejectInsightAction,
  removeInsightAction,
  restoreInsightAction,
} from "./actions";

// The moderation actions as a browser calls them: the session says who is signed in (the JWT carries only
// the id), Next's cache and after() are stood in for, and the badge queue is recorded.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: () => Promise.resolve(session.userId ? { user: { id: session.userId } } : null),
}));
vi.mock("@/lib/auth", () => ({ authOptions: {} }));
const updateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn, updateTag }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));
const requestBadgeEvaluation = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock("@/lib/jobs/badges", () => ({ requestBadgeEvaluation }));
const requestFollowerNotifications = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock("@/lib/jobs/follows", () => ({ requestFollowerNotifications }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => {
  session.userId = null;
  updateTag.mockClear();
  requestBadgeEvaluation.mockClear();
  requestFollowerNotifications.mockClear();
});

let sequence = 0;

/** An insight in `status` on a fresh article; a pending one waits in the queue. */
async function insightIn(status: "PENDING" | "PUBLISHED" | "REJECTED" | "REMOVED", decidedById?: string) {
  const author = await createUser(db);
  const article = await createArticle(db);
  const section = article.sections[0]!;
  const body = `${FACTORY_INSIGHT_BODY} Moderation action test ${++sequence} ${Math.random()}.`;
  const now = new Date();
  const insight = await db.insight.create({
    data: {
      sectionId: section.id,
      liveSectionId: section.id,
      authorId: author.id,
      body,
      bodyHash: hashBody(body),
      idempotencyKey: `moderation-action-${sequence}-${Math.random()}`,
      status,
      publishedAt: status === "PUBLISHED" || status === "REMOVED" ? now : null,
      queuedAt: status === "PENDING" ? now : null,
      ...(decidedById ? { decidedById, decidedAt: now, decisionReason: "SPAM" as const } : {}),
    },
    select: { id: true },
  });
  return { id: insight.id, author, article };
}

const statusOf = async (id: string) =>
  (await db.insight.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("moderation actions", () => {
  it("a signed-out visitor is asked to sign in; a member is refused every action; nothing changes", async () => {
    const pending = await insightIn("PENDING");
    const published = await insightIn("PUBLISHED");
    const removed = await insightIn("REMOVED");
    const attempts = () => [
      approveInsightAction({ insightId: pending.id }),
      rejectInsightAction({ insightId: pending.id, reason: "SPAM" }),
      removeInsightAction({ insightId: published.id, reason: "SPAM" }),
      restoreInsightAction({ insightId: removed.id }),
      bulkDecideAction({ insightIds: [pending.id], action: "approve" }),
      decideAppealAction({ appealId: "any", outcome: "UPHELD" }),
      loadMoreQueueAction({ filters: {}, cursor: "abc" }),
    ];
    for (const result of await Promise.all(attempts())) {
      expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    }
    session.userId = (await createUser(db)).id;
    for (const result of await Promise.all(attempts())) {
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await statusOf(pending.id)).toBe("PENDING");
    expect(await statusOf(published.id)).toBe("PUBLISHED");
    expect(await statusOf(removed.id)).toBe("REMOVED");
    expect(
      await db.auditEntry.count({ where: { targetId: { in: [pending.id, published.id, removed.id] } } }),
    ).toBe(0);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("bad input is a field error, not a crash", async () => {
    session.userId = (await createUser(db, { role: "MODERATOR" })).id;
    const pending = await insightIn("PENDING");
    const reject = await rejectInsightAction({
      insightId: pending.id,
      reason: "NOPE",
      note: "x".repeat(501),
    });
    expect(reject).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(reject.ok ? {} : reject.fieldErrors).toEqual({
      reason: "Choose a reason.",
      note: "Keep the note to 500 characters.",
    });
    const bulk = await bulkDecideAction({ insightIds: [pending.id], action: "reject" });
    expect(bulk.ok ? {} : bulk.fieldErrors).toEqual({ reason: "Choose a reason." });
    expect(await loadMoreQueueAction({ filters: {}, cursor: "forged" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await approveInsightAction("not an object")).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await statusOf(pending.id)).toBe("PENDING");
  });

  it("approve: publishes, expires the pages that show it, queues the author's badges; again is a conflict", async () => {
    session.userId = (await createUser(db, { role: "MODERATOR" })).id;
    const pending = await insightIn("PENDING");

    expect(await approveInsightAction({ insightId: pending.id })).toEqual({
      ok: true,
      data: { insightId: pending.id, status: "PUBLISHED" },
    });
    expect(updateTag).toHaveBeenCalledWith(`article:${pending.article.id}`);
    expect(updateTag).toHaveBeenCalledWith(`member-handle:${pending.author.handle}`);
    expect(updateTag).toHaveBeenCalledWith(`insight:${pending.id}`);
    expect(requestBadgeEvaluation).toHaveBeenCalledWith([pending.author.id]);
    expect(requestFollowerNotifications).toHaveBeenCalledWith([{ insightId: pending.id }]);

    updateTag.mockClear();
    session.userId = (await createUser(db, { role: "ADMIN" })).id;
    expect(await approveInsightAction({ insightId: pending.id })).toEqual({
      ok: false,
      code: "CONFLICT",
      message: ALREADY_HANDLED,
    });
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("reject, remove and restore each apply once and expire the insight's pages", async () => {
    session.userId = (await createUser(db, { role: "MODERATOR" })).id;
    const pending = await insightIn("PENDING");
    const published = await insightIn("PUBLISHED");
    expect(
      await rejectInsightAction({ insightId: pending.id, reason: "OFF_TOPIC", note: "Wrong page." }),
    ).toMatchObject({ ok: true, data: { status: "REJECTED" } });
    expect(await removeInsightAction({ insightId: published.id, reason: "SPAM" })).toMatchObject({
      ok: true,
      data: { status: "REMOVED" },
    });
    expect(updateTag).toHaveBeenCalledWith(`insight:${published.id}`);
    expect(await restoreInsightAction({ insightId: published.id })).toMatchObject({
      ok: true,
      data: { status: "PUBLISHED" },
    });
    expect(requestBadgeEvaluation).toHaveBeenCalledWith([published.author.id]);
  });

  it("bulk approve answers with what applied and what another moderator handled", async () => {
    session.userId = (await createUser(db, { role: "MODERATOR" })).id;
    const [a, b] = [await insightIn("PENDING"), await insightIn("REJECTED")];
    const result = await bulkDecideAction({ insightIds: [a.id, b.id], action: "approve" });
    expect(result).toEqual({
      ok: true,
      data: { changes: [{ insightId: a.id, status: "PUBLISHED" }], alreadyHandled: [b.id], skipped: [] },
    });
    expect(requestBadgeEvaluation).toHaveBeenCalledWith([a.author.id]);
  });

  it("an appeal is decided by another moderator than the one who decided", async () => {
    const decider = await createUser(db, { role: "MODERATOR" });
    const removed = await insightIn("REMOVED", decider.id);
    const appeal = await db.appeal.create({
      data: {
        insightId: removed.id,
        authorId: removed.author.id,
        moderatorId: decider.id,
        message: "Please.",
      },
    });
    await db.insight.update({ where: { id: removed.id }, data: { queuedAt: new Date() } });

    session.userId = decider.id;
    expect(await decideAppealAction({ appealId: appeal.id, outcome: "OVERTURNED" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    session.userId = (await createUser(db, { role: "MODERATOR" })).id;
    expect(
      await decideAppealAction({ appealId: appeal.id, outcome: "OVERTURNED", note: "Fair point." }),
    ).toEqual({
      ok: true,
      data: { insightId: removed.id, status: "PUBLISHED" },
    });
    expect(updateTag).toHaveBeenCalledWith(`article:${removed.article.id}`);
    expect(requestBadgeEvaluation).toHaveBeenCalledWith([removed.author.id]);
  });

  it("load more: the next page of the queue for a moderator", async () => {
    session.userId = (await createUser(db, { role: "MODERATOR" })).id;
    const result = await loadMoreQueueAction({
      filters: { kind: "pending" },
      cursor: Buffer.from(`${new Date(0).toISOString()}|0`).toString("base64url"),
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.items.every((item) => item.kind === "pending")).toBe(true);
  });
});
