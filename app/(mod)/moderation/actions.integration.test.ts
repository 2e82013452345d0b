import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { session, updateTag } from "@/lib/testing/integration";
import { ALREADY_HANDLED, EDITED_SINCE_SEEN } from "@/lib/data/moderation/shared";
import { hashBody } from "@/lib/insight-hash";
import { moderationPageCursor } from "@/lib/validation/moderation";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createDomain, createUser, FACTORY_INSIGHT_BODY } from "@/prisma/factories";
import {
  approveInsightAction,
  bulkDecideAction,
  decideAppealAction,
  loadMoreQueueAction,
  rejectInsightAction,
  reloadQueueItemAction,
  removeInsightAction,
  restoreInsightAction,
} from "./actions";

// The moderation actions as a browser calls them: the session says who is signed in (the JWT carries only
// the id), Next's cache and after() are stood in for, and the badge queue is recorded.
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

let sequence = 0;

/** A queue cursor before every item: the next page is the queue from its start. */
const FROM_THE_START = moderationPageCursor.encode({ at: new Date(0), id: "0" });

/** An insight in `status` on a fresh article (in `domainId` when given); a pending one waits in the queue. */
async function insightIn(
  status: "PENDING" | "PUBLISHED" | "REJECTED" | "REMOVED",
  decidedById?: string,
  domainId?: string,
) {
  const author = await createUser(db);
  const article = await createArticle(db, domainId ? { domainId } : {});
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
      bulkDecideAction({
        items: [{ insightId: pending.id, version: new Date().toISOString() }],
        action: "approve",
      }),
      reloadQueueItemAction({ insightId: pending.id }),
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
    const version = new Date().toISOString();
    const bulk = await bulkDecideAction({ items: [{ insightId: pending.id, version }], action: "reject" });
    expect(bulk.ok ? {} : bulk.fieldErrors).toEqual({ reason: "Choose a reason." });
    // A bulk decision names the version of each item the moderator saw.
    const blind = await bulkDecideAction({ insightIds: [pending.id], action: "approve" });
    expect(blind).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(blind.ok ? {} : blind.fieldErrors).toHaveProperty("items");
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
      reason: "ALREADY_HANDLED",
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
    const { queuedAt } = await db.insight.findUniqueOrThrow({
      where: { id: a.id },
      select: { queuedAt: true },
    });
    const result = await bulkDecideAction({
      items: [
        { insightId: a.id, version: queuedAt!.toISOString() },
        { insightId: b.id, version: queuedAt!.toISOString() },
      ],
      action: "approve",
    });
    expect(result).toEqual({
      ok: true,
      data: {
        changes: [{ insightId: a.id, status: "PUBLISHED" }],
        alreadyHandled: [b.id],
        changed: [],
        skipped: [],
      },
    });
    expect(requestBadgeEvaluation).toHaveBeenCalledWith([a.author.id]);
  });

  it("a decision on text the author edited since is refused, and the item reloads with the new text", async () => {
    session.userId = (await createUser(db, { role: "MODERATOR" })).id;
    const domain = await createDomain(db);
    const pending = await insightIn("PENDING", undefined, domain.id);
    const listed = await loadMoreQueueAction({
      filters: { domainSlug: domain.slug },
      cursor: FROM_THE_START,
    });
    const [seen] = listed.ok ? listed.data.items : [];
    expect(seen?.insightId).toBe(pending.id);
    // The author rewrites it (as editInsight does: new text, new editedAt, same place in the queue).
    const newBody = `${FACTORY_INSIGHT_BODY} Rewritten ${Math.random()}.`;
    await db.insight.update({
      where: { id: pending.id },
      data: { body: newBody, bodyHash: hashBody(newBody), editedAt: new Date() },
    });

    expect(await approveInsightAction({ insightId: pending.id, version: seen!.version })).toEqual({
      ok: false,
      code: "CONFLICT",
      reason: "EDITED_SINCE_SEEN",
      message: EDITED_SINCE_SEEN,
    });
    expect(await statusOf(pending.id)).toBe("PENDING");
    expect(updateTag).not.toHaveBeenCalled();

    const reloaded = await reloadQueueItemAction({ insightId: pending.id });
    expect(reloaded).toMatchObject({ ok: true, data: { insightId: pending.id, body: newBody } });
    const fresh = reloaded.ok ? reloaded.data : null;
    expect(fresh?.version).not.toBe(seen!.version);
    expect(await approveInsightAction({ insightId: pending.id, version: fresh!.version })).toMatchObject({
      ok: true,
      data: { status: "PUBLISHED" },
    });
    // Decided: it is no longer waiting.
    expect(await reloadQueueItemAction({ insightId: pending.id })).toEqual({ ok: true, data: null });
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

  it("load more: the next page of the queue for a moderator, each kind under its own filter", async () => {
    session.userId = (await createUser(db, { role: "MODERATOR" })).id;
    const domain = await createDomain(db);
    const pending = await insightIn("PENDING", undefined, domain.id);
    const reported = await insightIn("PUBLISHED", undefined, domain.id);
    await db.report.create({
      data: {
        insightId: reported.id,
        reporterId: (await createUser(db)).id,
        authorId: reported.author.id,
        reason: "SPAM",
      },
    });
    await db.insight.update({
      where: { id: reported.id },
      data: { queuedAt: new Date(), openReportCount: 1 },
    });

    const pageOf = async (kind: "pending" | "reported") => {
      const result = await loadMoreQueueAction({
        filters: { kind, domainSlug: domain.slug },
        cursor: FROM_THE_START,
      });
      expect(result.ok).toBe(true);
      return result.ok ? result.data.items.map((item) => [item.insightId, item.kind]) : [];
    };
    expect(await pageOf("pending")).toEqual([[pending.id, "pending"]]);
    expect(await pageOf("reported")).toEqual([[reported.id, "reported"]]);
  });
});
