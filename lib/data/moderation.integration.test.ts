import { afterAll, describe, expect, it, vi } from "vitest";
import { AUTO_FLAG_LABELS } from "@/lib/domain/auto-checks";
import { AppError } from "@/lib/errors";
import { hashBody } from "@/lib/insight-hash";
import { closeAppConnections, rejectionOf } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import {
  createArticle,
  createDomain,
  createUser,
  FACTORY_INSIGHT_BODY,
  type UserOverrides,
} from "@/prisma/factories";
import { EDITED_SINCE_SEEN } from "@/lib/domain/moderation";
import { editInsight, getInsightHistory } from "./insights";
import {
  ALREADY_HANDLED,
  AUDIT_PAGE_SIZE,
  QUEUE_PAGE_SIZE,
  appealDecision,
  approveInsight,
  bulkDecide,
  countModerationQueue,
  decideAppeal,
  listAuditLog,
  listModerationQueue,
  listOwnModerationNotes,
  listPublicModerationLines,
  listViewerReports,
  rejectInsight,
  removeInsight,
  reportInsight,
  restoreInsight,
} from "./moderation";
import type { SessionUser } from "./users";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const ago = (ms: number) => new Date(Date.now() - ms);

type Role = SessionUser["role"];
type InsightState = "PENDING" | "PUBLISHED" | "HIDDEN" | "REJECTED" | "REMOVED";

function sessionOf(user: { id: string; name: string; handle: string; role: Role }): SessionUser {
  return { id: user.id, name: user.name, handle: user.handle, headline: "", role: user.role };
}

async function member(overrides: UserOverrides = {}): Promise<SessionUser> {
  return sessionOf(await createUser(db, overrides));
}

const moderator = () => member({ role: "MODERATOR" });
/** A member whose reports count toward hiding an insight (an admin set their trust). */
const trusted = () => member({ trustOverride: "TRUSTED" });
const admin = () => member({ role: "ADMIN" });

let sequence = 0;

/**
 * An insight in `status` on a fresh article (in `domainId` when given). A pending or hidden one is in the
 * queue since `queuedAt` (default: its creation).
 */
async function insightIn(
  status: InsightState,
  options: {
    authorId?: string;
    domainId?: string;
    queuedAt?: Date;
    createdAt?: Date;
    autoFlags?: string[];
    decidedById?: string;
  } = {},
) {
  const authorId = options.authorId ?? (await member()).id;
  const article = await createArticle(db, {
    ...(options.domainId ? { domainId: options.domainId } : {}),
    sections: [{ title: "The section", body: "The section's own text." }],
  });
  const section = article.sections[0]!;
  const body = `${FACTORY_INSIGHT_BODY} Moderation test ${++sequence} ${Math.random()}.`;
  const createdAt = options.createdAt ?? new Date();
  const queued = status === "PENDING" || status === "HIDDEN";
  const insight = await db.insight.create({
    data: {
      sectionId: section.id,
      liveSectionId: section.id,
      authorId,
      body,
      bodyHash: hashBody(body),
      idempotencyKey: `moderation-test-${sequence}-${Math.random()}`,
      status,
      createdAt,
      publishedAt: status === "PUBLISHED" || status === "HIDDEN" || status === "REMOVED" ? createdAt : null,
      queuedAt: queued ? (options.queuedAt ?? createdAt) : null,
      autoFlags: options.autoFlags ?? [],
      ...(status === "REJECTED" || status === "REMOVED"
        ? { decidedById: options.decidedById ?? null, decidedAt: new Date(), decisionReason: "SPAM" }
        : {}),
    },
    select: { id: true, body: true },
  });
  return { ...insight, authorId, article, section };
}

async function auditRows(targetId: string) {
  return db.auditEntry.findMany({
    where: { targetId },
    select: { actorId: true, action: true, targetType: true, reason: true, note: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

async function notificationsOf(userId: string, insightId: string) {
  return db.notification.findMany({
    where: { userId, insightId },
    select: { kind: true, reason: true, message: true },
    orderBy: { createdAt: "asc" },
  });
}

async function stateOf(insightId: string) {
  return db.insight.findUniqueOrThrow({
    where: { id: insightId },
    select: {
      status: true,
      queuedAt: true,
      publishedAt: true,
      openReportCount: true,
      decidedById: true,
      decisionReason: true,
      decisionNote: true,
    },
  });
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message?: string) {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toBe(message);
}

/** A published insight with open reports from `count` members (fewer than the three that hide it). */
async function reportedInsight(count: number, options: Parameters<typeof insightIn>[1] = {}) {
  const insight = await insightIn("PUBLISHED", options);
  const reporters: SessionUser[] = [];
  for (let i = 0; i < count; i++) {
    const reporter = await trusted();
    reporters.push(reporter);
    await reportInsight(reporter, { insightId: insight.id, reason: i === 0 ? "SPAM" : "MISLEADING" });
  }
  return { ...insight, reporters };
}

describe("permissions", () => {
  it("refuses every moderator action to a member, and changes nothing", async () => {
    const actor = await member();
    const pending = await insightIn("PENDING");
    const published = await insightIn("PUBLISHED");
    const removed = await insightIn("REMOVED");
    const calls: (() => Promise<unknown>)[] = [
      () => approveInsight(actor, { insightId: pending.id }),
      () => rejectInsight(actor, { insightId: pending.id, reason: "SPAM" }),
      () => removeInsight(actor, { insightId: published.id, reason: "SPAM" }),
      () => restoreInsight(actor, { insightId: removed.id }),
      () => bulkDecide(actor, { items: [{ insightId: pending.id }], action: "approve" }),
      () => decideAppeal(actor, { appealId: "any", outcome: "OVERTURNED" }),
      () => listModerationQueue(actor, {}),
      () => countModerationQueue(actor),
      () => listAuditLog(actor, {}),
    ];
    for (const call of calls) await expectAppError(call(), "FORBIDDEN");
    expect((await stateOf(pending.id)).status).toBe("PENDING");
    expect((await stateOf(published.id)).status).toBe("PUBLISHED");
    expect((await stateOf(removed.id)).status).toBe("REMOVED");
    for (const id of [pending.id, published.id, removed.id]) expect(await auditRows(id)).toEqual([]);
  });

  it("lets moderators and admins decide, but never on their own insight", async () => {
    for (const actor of [await moderator(), await admin()]) {
      const own = await insightIn("PENDING", { authorId: actor.id });
      await expectAppError(approveInsight(actor, { insightId: own.id }), "FORBIDDEN");
      const other = await insightIn("PENDING");
      await expect(approveInsight(actor, { insightId: other.id })).resolves.toMatchObject({
        status: "PUBLISHED",
      });
    }
  });

  it("answers NOT_FOUND for an insight that does not exist", async () => {
    await expectAppError(approveInsight(await moderator(), { insightId: "no-such-insight" }), "NOT_FOUND");
  });
});

describe("approveInsight", () => {
  it("publishes a held insight, takes it off the queue, tells the author and writes one audit row", async () => {
    const mod = await moderator();
    const insight = await insightIn("PENDING");

    const change = await approveInsight(mod, { insightId: insight.id });

    expect(change).toMatchObject({
      insightId: insight.id,
      articleId: insight.article.id,
      authorId: insight.authorId,
      status: "PUBLISHED",
    });
    expect(await stateOf(insight.id)).toMatchObject({
      status: "PUBLISHED",
      queuedAt: null,
      publishedAt: expect.any(Date) as Date,
      decidedById: mod.id,
    });
    expect(await notificationsOf(insight.authorId, insight.id)).toEqual([
      { kind: "INSIGHT_APPROVED", reason: null, message: null },
    ]);
    expect(await auditRows(insight.id)).toEqual([
      { actorId: mod.id, action: "insight.approve", targetType: "insight", reason: null, note: null },
    ]);
    expect((await listPublicModerationLines(insight.id)).map((l) => l.line)).toEqual([
      "Approved by a moderator",
    ]);
  });

  it("on a reported published insight dismisses the reports, without telling the author", async () => {
    const mod = await moderator();
    const insight = await reportedInsight(2);
    expect(await stateOf(insight.id)).toMatchObject({
      openReportCount: 2,
      queuedAt: expect.any(Date) as Date,
    });

    await approveInsight(mod, { insightId: insight.id });

    expect(await stateOf(insight.id)).toMatchObject({
      status: "PUBLISHED",
      openReportCount: 0,
      queuedAt: null,
    });
    const reports = await db.report.findMany({
      where: { insightId: insight.id },
      select: { resolution: true },
    });
    expect(reports).toEqual([{ resolution: "DISMISSED" }, { resolution: "DISMISSED" }]);
    expect(await notificationsOf(insight.authorId, insight.id)).toEqual([]);
    expect(await auditRows(insight.id)).toHaveLength(1);
  });

  it("refuses to approve a rejected insight, or a published one nobody reported", async () => {
    const mod = await moderator();
    const rejected = await insightIn("REJECTED");
    const published = await insightIn("PUBLISHED");
    await expectAppError(approveInsight(mod, { insightId: rejected.id }), "CONFLICT", ALREADY_HANDLED);
    await expectAppError(approveInsight(mod, { insightId: published.id }), "CONFLICT", ALREADY_HANDLED);
    expect((await stateOf(rejected.id)).status).toBe("REJECTED");
    expect(await auditRows(rejected.id)).toEqual([]);
    expect(await auditRows(published.id)).toEqual([]);
  });

  it("refuses a decision on an item that changed since the moderator saw it", async () => {
    const mod = await moderator();
    const insight = await insightIn("PENDING", { queuedAt: ago(MINUTE) });
    await expectAppError(
      approveInsight(mod, { insightId: insight.id, version: ago(2 * MINUTE).toISOString() }),
      "CONFLICT",
      ALREADY_HANDLED,
    );
    const { queuedAt } = await stateOf(insight.id);
    await expect(
      approveInsight(mod, { insightId: insight.id, version: queuedAt!.toISOString() }),
    ).resolves.toMatchObject({
      status: "PUBLISHED",
    });
  });

  it("refuses an insight its author deleted", async () => {
    const insight = await insightIn("PENDING");
    await db.insight.update({
      where: { id: insight.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });
    await expectAppError(approveInsight(await moderator(), { insightId: insight.id }), "CONFLICT");
  });
});

describe("rejectInsight", () => {
  it("rejects a held insight with a reason and note the author is told, and one audit row", async () => {
    const mod = await moderator();
    const insight = await insightIn("PENDING");

    await rejectInsight(mod, {
      insightId: insight.id,
      reason: "SELF_PROMOTION",
      note: "Please drop the link.",
    });

    expect(await stateOf(insight.id)).toMatchObject({
      status: "REJECTED",
      queuedAt: null,
      decidedById: mod.id,
      decisionReason: "SELF_PROMOTION",
      decisionNote: "Please drop the link.",
    });
    expect(await notificationsOf(insight.authorId, insight.id)).toEqual([
      { kind: "INSIGHT_REJECTED", reason: "SELF_PROMOTION", message: "Please drop the link." },
    ]);
    expect(await auditRows(insight.id)).toEqual([
      {
        actorId: mod.id,
        action: "insight.reject",
        targetType: "insight",
        reason: "SELF_PROMOTION",
        note: "Please drop the link.",
      },
    ]);
    expect((await listPublicModerationLines(insight.id)).map((l) => l.line)).toEqual([
      "Rejected by a moderator: Self-promotion",
    ]);
  });

  it("refuses to reject twice, and to reject a published insight (that is a removal)", async () => {
    const mod = await moderator();
    const insight = await insightIn("PENDING");
    await rejectInsight(mod, { insightId: insight.id, reason: "SPAM" });
    await expectAppError(
      rejectInsight(await moderator(), { insightId: insight.id, reason: "OFF_TOPIC" }),
      "CONFLICT",
      ALREADY_HANDLED,
    );
    expect(await stateOf(insight.id)).toMatchObject({ decisionReason: "SPAM", decidedById: mod.id });
    expect(await auditRows(insight.id)).toHaveLength(1);
    expect(await notificationsOf(insight.authorId, insight.id)).toHaveLength(1);

    const published = await insightIn("PUBLISHED");
    await expectAppError(rejectInsight(mod, { insightId: published.id, reason: "SPAM" }), "CONFLICT");
  });
});

describe("removeInsight and restoreInsight", () => {
  it("removes a reported insight, upholds its reports, and restore undoes it", async () => {
    const mod = await moderator();
    const insight = await reportedInsight(1);

    await removeInsight(mod, { insightId: insight.id, reason: "SPAM" });

    expect(await stateOf(insight.id)).toMatchObject({
      status: "REMOVED",
      queuedAt: null,
      openReportCount: 0,
      decisionReason: "SPAM",
    });
    expect(
      await db.report.findMany({ where: { insightId: insight.id }, select: { resolution: true } }),
    ).toEqual([{ resolution: "UPHELD" }]);
    expect(await notificationsOf(insight.authorId, insight.id)).toEqual([
      { kind: "INSIGHT_REMOVED", reason: "SPAM", message: null },
    ]);
    await expectAppError(
      removeInsight(await moderator(), { insightId: insight.id, reason: "SPAM" }),
      "CONFLICT",
    );

    const restorer = await moderator();
    await restoreInsight(restorer, { insightId: insight.id });

    expect(await stateOf(insight.id)).toMatchObject({
      status: "PUBLISHED",
      decisionReason: null,
      decidedById: restorer.id,
    });
    expect(
      await db.report.findMany({ where: { insightId: insight.id }, select: { resolution: true } }),
    ).toEqual([{ resolution: "DISMISSED" }]);
    expect((await notificationsOf(insight.authorId, insight.id)).map((n) => n.kind)).toEqual([
      "INSIGHT_REMOVED",
      "INSIGHT_RESTORED",
    ]);
    expect((await auditRows(insight.id)).map((row) => row.action)).toEqual([
      "insight.remove",
      "insight.restore",
    ]);
    expect((await listPublicModerationLines(insight.id)).map((l) => l.line)).toEqual([
      "Removed by a moderator: Spam",
      "Restored by a moderator",
    ]);
    await expectAppError(restoreInsight(restorer, { insightId: insight.id }), "CONFLICT", ALREADY_HANDLED);
  });

  it("refuses to remove a pending insight (that is a rejection) or to restore a rejected one", async () => {
    const mod = await moderator();
    const pending = await insightIn("PENDING");
    const rejected = await insightIn("REJECTED");
    await expectAppError(removeInsight(mod, { insightId: pending.id, reason: "SPAM" }), "CONFLICT");
    await expectAppError(restoreInsight(mod, { insightId: rejected.id }), "CONFLICT");
    expect(await auditRows(pending.id)).toEqual([]);
    expect(await auditRows(rejected.id)).toEqual([]);
  });
});

describe("reportInsight", () => {
  it("puts a reported insight in the queue and remembers who reported it", async () => {
    const insight = await insightIn("PUBLISHED");
    const reporter = await member();

    const result = await reportInsight(reporter, {
      insightId: insight.id,
      reason: "OTHER",
      note: "Not true.",
    });

    expect(result).toEqual({ hidden: false, change: null });
    expect(await stateOf(insight.id)).toMatchObject({
      status: "PUBLISHED",
      openReportCount: 1,
      queuedAt: expect.any(Date) as Date,
    });
    expect(await listViewerReports(reporter, [insight.id, "other"])).toEqual([insight.id]);
    expect(await listViewerReports(await member(), [insight.id])).toEqual([]);
    // Reports are members' doing, not moderation: no audit row until something is hidden or decided.
    expect(await auditRows(insight.id)).toEqual([]);
  });

  it("refuses one's own insight, a second report, a pending insight and a suspended reporter", async () => {
    const insight = await insightIn("PUBLISHED");
    const author = sessionOf({ ...(await db.user.findUniqueOrThrow({ where: { id: insight.authorId } })) });
    await expectAppError(reportInsight(author, { insightId: insight.id, reason: "SPAM" }), "FORBIDDEN");

    const reporter = await member();
    await reportInsight(reporter, { insightId: insight.id, reason: "SPAM" });
    await expectAppError(
      reportInsight(reporter, { insightId: insight.id, reason: "HARASSMENT" }),
      "CONFLICT",
      "You have already reported this insight.",
    );

    const pending = await insightIn("PENDING");
    await expectAppError(reportInsight(reporter, { insightId: pending.id, reason: "SPAM" }), "NOT_FOUND");

    const suspended = await member({
      status: "SUSPENDED",
      statusReason: "Spam",
      statusUntil: new Date(Date.now() + DAY),
    });
    await expectAppError(reportInsight(suspended, { insightId: insight.id, reason: "SPAM" }), "FORBIDDEN");

    expect((await stateOf(insight.id)).openReportCount).toBe(1);
    expect(await db.report.count({ where: { insightId: insight.id } })).toBe(1);
    expect(await db.report.count({ where: { insightId: pending.id } })).toBe(0);
  });

  it("hides the insight at the third member's report: the author is told, one audit row by that member", async () => {
    const insight = await insightIn("PUBLISHED");
    const [first, second, third, fourth] = [
      await trusted(),
      await trusted(),
      await trusted(),
      await member(),
    ];
    expect((await reportInsight(first, { insightId: insight.id, reason: "SPAM" })).hidden).toBe(false);
    expect((await reportInsight(second, { insightId: insight.id, reason: "SPAM" })).hidden).toBe(false);

    const result = await reportInsight(third, { insightId: insight.id, reason: "HARASSMENT" });

    expect(result).toEqual({
      hidden: true,
      change: expect.objectContaining({ insightId: insight.id, status: "HIDDEN" }) as object,
    });
    expect(await stateOf(insight.id)).toMatchObject({ status: "HIDDEN", openReportCount: 3 });
    expect(await notificationsOf(insight.authorId, insight.id)).toEqual([
      { kind: "INSIGHT_HIDDEN", reason: null, message: null },
    ]);
    expect(await auditRows(insight.id)).toEqual([
      { actorId: third.id, action: "insight.hide", targetType: "insight", reason: null, note: null },
    ]);
    // Hidden: readers no longer see it, so there is nothing more to report.
    await expectAppError(reportInsight(fourth, { insightId: insight.id, reason: "SPAM" }), "CONFLICT");
    expect(await db.report.count({ where: { insightId: insight.id } })).toBe(3);
  });

  it("hides exactly once when three members report at the same moment", async () => {
    const insight = await insightIn("PUBLISHED");
    const reporters = [await trusted(), await trusted(), await trusted()];

    const results = await Promise.all(
      reporters.map((reporter) => reportInsight(reporter, { insightId: insight.id, reason: "SPAM" })),
    );

    expect(results.filter((r) => r.hidden)).toHaveLength(1);
    expect(await stateOf(insight.id)).toMatchObject({ status: "HIDDEN", openReportCount: 3 });
    expect(await auditRows(insight.id)).toHaveLength(1);
    expect(await notificationsOf(insight.authorId, insight.id)).toHaveLength(1);
  });

  it("after a moderator approves a hidden insight, reports count from zero again", async () => {
    const insight = await reportedInsight(2);
    await reportInsight(await trusted(), { insightId: insight.id, reason: "SPAM" });
    expect((await stateOf(insight.id)).status).toBe("HIDDEN");

    await approveInsight(await moderator(), { insightId: insight.id });
    expect(await stateOf(insight.id)).toMatchObject({
      status: "PUBLISHED",
      openReportCount: 0,
      queuedAt: null,
    });
    expect((await notificationsOf(insight.authorId, insight.id)).map((n) => n.kind)).toEqual([
      "INSIGHT_HIDDEN",
      "INSIGHT_APPROVED",
    ]);

    await reportInsight(await member(), { insightId: insight.id, reason: "SPAM" });
    expect(await stateOf(insight.id)).toMatchObject({ status: "PUBLISHED", openReportCount: 1 });
    // A member who reported before the approval cannot report again.
    await expectAppError(
      reportInsight(insight.reporters[0]!, { insightId: insight.id, reason: "SPAM" }),
      "CONFLICT",
    );
  });
});

describe("reports from new accounts", () => {
  it("count like anyone's: three different members hide the insight, and the queue shows their trust", async () => {
    const domain = await createDomain(db);
    const insight = await insightIn("PUBLISHED", { domainId: domain.id });
    const [first, second, third] = [await member(), await member(), await member()];
    expect((await reportInsight(first!, { insightId: insight.id, reason: "SPAM" })).hidden).toBe(false);
    expect((await reportInsight(second!, { insightId: insight.id, reason: "SPAM" })).hidden).toBe(false);
    expect(await stateOf(insight.id)).toMatchObject({ status: "PUBLISHED", openReportCount: 2 });
    expect((await reportInsight(third!, { insightId: insight.id, reason: "MISLEADING" })).hidden).toBe(true);
    expect(await stateOf(insight.id)).toMatchObject({ status: "HIDDEN", openReportCount: 3 });
    expect(await auditRows(insight.id)).toEqual([
      { actorId: third!.id, action: "insight.hide", targetType: "insight", reason: null, note: null },
    ]);
    const queued = await listModerationQueue(await moderator(), { domainSlug: domain.slug });
    expect(queued.items.map((item) => [item.insightId, item.kind, item.reports.length])).toEqual([
      [insight.id, "hidden", 3],
    ]);
  });
});

describe("decisions at the version the moderator saw", () => {
  async function authorOf(insight: { authorId: string }) {
    return sessionOf(await db.user.findUniqueOrThrow({ where: { id: insight.authorId } }));
  }

  /** A queued insight alone in a domain of its own, so that the queue filtered by that domain shows just it. */
  async function queuedAlone(status: "PENDING" | "HIDDEN") {
    const domain = await createDomain(db);
    return { ...(await insightIn(status, { domainId: domain.id })), domainSlug: domain.slug };
  }

  /** The queue item as a moderator loads it. */
  async function queueItemOf(mod: SessionUser, insight: { id: string; domainSlug: string }) {
    const { items } = await listModerationQueue(mod, { domainSlug: insight.domainSlug });
    expect(items.map((item) => item.insightId)).toEqual([insight.id]);
    return items[0]!;
  }

  it("refuses to approve or reject text the author changed after the moderator opened it", async () => {
    const mod = await moderator();
    const insight = await queuedAlone("PENDING");
    const seen = await queueItemOf(mod, insight);
    expect(seen.version).toBe(seen.queuedAt);

    const newBody = `${FACTORY_INSIGHT_BODY} Rewritten after the moderator opened it ${Math.random()}.`;
    await editInsight(await authorOf(insight), { insightId: insight.id, body: newBody });

    // One after the other: each decision starts only when the previous one has been refused.
    for (const decide of [
      () => approveInsight(mod, { insightId: insight.id, version: seen.version }),
      () => rejectInsight(mod, { insightId: insight.id, version: seen.version, reason: "SPAM" }),
    ]) {
      await expectAppError(decide(), "CONFLICT", EDITED_SINCE_SEEN);
    }
    expect(await stateOf(insight.id)).toMatchObject({ status: "PENDING", decidedById: null });
    expect(await auditRows(insight.id)).toEqual([]);
    expect(await notificationsOf(insight.authorId, insight.id)).toEqual([]);

    // Still in the queue, at its place, with the new text and a new version: that one can be decided.
    const fresh = await queueItemOf(mod, insight);
    expect(fresh).toMatchObject({
      body: newBody,
      queuedAt: seen.queuedAt,
      editedAt: expect.any(String) as string,
    });
    expect(fresh.version).not.toBe(seen.version);
    await expect(
      approveInsight(mod, { insightId: insight.id, version: fresh.version }),
    ).resolves.toMatchObject({
      status: "PUBLISHED",
    });
  });

  it("refuses to remove a hidden insight edited since, which stays hidden and queued", async () => {
    const mod = await moderator();
    const insight = await queuedAlone("HIDDEN");
    const seen = await queueItemOf(mod, insight);
    await editInsight(await authorOf(insight), {
      insightId: insight.id,
      body: `${FACTORY_INSIGHT_BODY} Hidden, then edited ${Math.random()}.`,
    });

    await expectAppError(
      removeInsight(mod, { insightId: insight.id, version: seen.version, reason: "SPAM" }),
      "CONFLICT",
      EDITED_SINCE_SEEN,
    );
    expect(await stateOf(insight.id)).toMatchObject({ status: "HIDDEN", queuedAt: new Date(seen.queuedAt) });
  });

  it("in bulk, decides the unchanged items and hands back the edited ones", async () => {
    const mod = await moderator();
    const edited = await queuedAlone("PENDING");
    const untouched = await queuedAlone("PENDING");
    const seenEdited = await queueItemOf(mod, edited);
    const seenUntouched = await queueItemOf(mod, untouched);
    await editInsight(await authorOf(edited), {
      insightId: edited.id,
      body: `${FACTORY_INSIGHT_BODY} Edited during a bulk review ${Math.random()}.`,
    });

    const result = await bulkDecide(mod, {
      items: [seenEdited, seenUntouched].map(({ insightId, version }) => ({ insightId, version })),
      action: "approve",
    });

    expect(result).toMatchObject({ alreadyHandled: [], changed: [edited.id], skipped: [] });
    expect(result.changes.map((change) => change.insightId)).toEqual([untouched.id]);
    expect((await stateOf(edited.id)).status).toBe("PENDING");
    expect((await stateOf(untouched.id)).status).toBe("PUBLISHED");
    expect(await auditRows(edited.id)).toEqual([]);

    const rejected = await bulkDecide(mod, {
      items: [{ insightId: edited.id, version: seenEdited.version }],
      action: "reject",
      reason: "SPAM",
    });
    expect(rejected).toMatchObject({ changes: [], changed: [edited.id] });
    expect((await stateOf(edited.id)).status).toBe("PENDING");
  });
});

describe("appeals", () => {
  async function rejectedBy(mod: SessionUser) {
    const insight = await insightIn("PENDING");
    await rejectInsight(mod, { insightId: insight.id, reason: "LOW_QUALITY", note: "Too vague." });
    const author = sessionOf(await db.user.findUniqueOrThrow({ where: { id: insight.authorId } }));
    return { ...insight, author };
  }

  it("the author appeals once; the appeal joins the queue against the deciding moderator", async () => {
    const mod = await moderator();
    const insight = await rejectedBy(mod);
    expect((await listOwnModerationNotes(insight.author, [insight.id]))[insight.id]).toMatchObject({
      reason: "LOW_QUALITY",
      note: "Too vague.",
      appeal: null,
      canAppeal: true,
    });

    const { appealId } = await appealDecision(insight.author, {
      insightId: insight.id,
      message: "It is specific.",
    });

    expect(await db.appeal.findUniqueOrThrow({ where: { id: appealId } })).toMatchObject({
      insightId: insight.id,
      moderatorId: mod.id,
      status: "OPEN",
      message: "It is specific.",
    });
    expect((await stateOf(insight.id)).queuedAt).not.toBeNull();
    expect((await listOwnModerationNotes(insight.author, [insight.id]))[insight.id]).toMatchObject({
      appeal: { status: "OPEN" },
      canAppeal: false,
    });
    await expectAppError(
      appealDecision(insight.author, { insightId: insight.id, message: "Again." }),
      "CONFLICT",
      "You have already appealed this decision.",
    );
    // Nobody else's notes, and nobody else appeals.
    expect(await listOwnModerationNotes(await member(), [insight.id])).toEqual({});
    await expectAppError(
      appealDecision(await member(), { insightId: insight.id, message: "Me too." }),
      "FORBIDDEN",
    );
    // While the appeal is open, moderators decide the appeal rather than the insight.
    await expectAppError(approveInsight(await moderator(), { insightId: insight.id }), "CONFLICT");
  });

  it("refuses to appeal a published insight", async () => {
    const insight = await insightIn("PUBLISHED");
    const author = sessionOf(await db.user.findUniqueOrThrow({ where: { id: insight.authorId } }));
    await expectAppError(appealDecision(author, { insightId: insight.id, message: "Why?" }), "CONFLICT");
  });

  it("the moderator who decided may not decide the appeal; another one upholds it, finally", async () => {
    const mod = await moderator();
    const insight = await rejectedBy(mod);
    const { appealId } = await appealDecision(insight.author, { insightId: insight.id, message: "Please." });

    await expectAppError(decideAppeal(mod, { appealId, outcome: "OVERTURNED" }), "FORBIDDEN");
    expect((await db.appeal.findUniqueOrThrow({ where: { id: appealId } })).status).toBe("OPEN");

    const other = await moderator();
    const change = await decideAppeal(other, { appealId, outcome: "UPHELD", note: "Still vague." });

    expect(change.status).toBe("REJECTED");
    expect(await db.appeal.findUniqueOrThrow({ where: { id: appealId } })).toMatchObject({
      status: "UPHELD",
      resolvedById: other.id,
      outcomeNote: "Still vague.",
    });
    expect(await stateOf(insight.id)).toMatchObject({ status: "REJECTED", queuedAt: null });
    expect(await notificationsOf(insight.author.id, insight.id)).toContainEqual({
      kind: "APPEAL_DECIDED",
      reason: "UPHELD",
      message: "Still vague.",
    });
    expect(await auditRows(appealId)).toEqual([
      {
        actorId: other.id,
        action: "appeal.uphold",
        targetType: "appeal",
        reason: "UPHELD",
        note: "Still vague.",
      },
    ]);
    await expectAppError(decideAppeal(await moderator(), { appealId, outcome: "OVERTURNED" }), "CONFLICT");
    expect((await listOwnModerationNotes(insight.author, [insight.id]))[insight.id]).toMatchObject({
      appeal: { status: "UPHELD" },
      canAppeal: false,
    });
  });

  it("overturning a removal publishes the insight and drops the upheld reports", async () => {
    const mod = await moderator();
    const insight = await reportedInsight(1);
    await removeInsight(mod, { insightId: insight.id, reason: "MISLEADING" });
    const author = sessionOf(await db.user.findUniqueOrThrow({ where: { id: insight.authorId } }));
    const { appealId } = await appealDecision(author, {
      insightId: insight.id,
      message: "The source is cited.",
    });

    const other = await moderator();
    const change = await decideAppeal(other, { appealId, outcome: "OVERTURNED" });

    expect(change.status).toBe("PUBLISHED");
    expect(await stateOf(insight.id)).toMatchObject({
      status: "PUBLISHED",
      queuedAt: null,
      decisionReason: null,
    });
    expect(
      await db.report.findMany({ where: { insightId: insight.id }, select: { resolution: true } }),
    ).toEqual([{ resolution: "DISMISSED" }]);
    expect((await listPublicModerationLines(insight.id)).map((l) => l.line)).toEqual([
      "Removed by a moderator: Misleading",
      "Appeal reviewed: the decision was reversed",
    ]);
  });

  it("a removal upheld on appeal can no longer be restored", async () => {
    const mod = await moderator();
    const insight = await insightIn("PUBLISHED");
    await removeInsight(mod, { insightId: insight.id, reason: "SPAM" });
    const author = sessionOf(await db.user.findUniqueOrThrow({ where: { id: insight.authorId } }));
    const { appealId } = await appealDecision(author, { insightId: insight.id, message: "Not spam." });
    await expectAppError(restoreInsight(mod, { insightId: insight.id }), "CONFLICT");
    await decideAppeal(await moderator(), { appealId, outcome: "UPHELD" });
    await expectAppError(restoreInsight(mod, { insightId: insight.id }), "CONFLICT");
    expect((await stateOf(insight.id)).status).toBe("REMOVED");
  });
});

describe("two moderators at once", () => {
  it("approving the same item: one succeeds, the other is told it was handled; one audit row, one notice", async () => {
    const insight = await insightIn("PENDING");
    const [a, b] = [await moderator(), await moderator()];

    const results = await Promise.allSettled([
      approveInsight(a, { insightId: insight.id }),
      approveInsight(b, { insightId: insight.id }),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failures).toHaveLength(1);
    expect(failures[0]!.reason).toMatchObject({ code: "CONFLICT", message: ALREADY_HANDLED });
    expect(await auditRows(insight.id)).toHaveLength(1);
    expect(await notificationsOf(insight.authorId, insight.id)).toHaveLength(1);
  });

  it("approving and rejecting the same item: exactly one decision applies", async () => {
    const insight = await insightIn("PENDING");
    const [a, b] = [await moderator(), await moderator()];

    const [approved, rejected] = await Promise.allSettled([
      approveInsight(a, { insightId: insight.id }),
      rejectInsight(b, { insightId: insight.id, reason: "SPAM" }),
    ]);

    expect([approved.status, rejected.status].sort()).toEqual(["fulfilled", "rejected"]);
    const state = await stateOf(insight.id);
    expect(state.status).toBe(approved.status === "fulfilled" ? "PUBLISHED" : "REJECTED");
    expect(await auditRows(insight.id)).toHaveLength(1);
    expect(await notificationsOf(insight.authorId, insight.id)).toHaveLength(1);
  });

  it("removing a reported item twice at once: one removal, one audit row, one notice", async () => {
    const insight = await reportedInsight(2);
    const results = await Promise.allSettled([
      removeInsight(await moderator(), { insightId: insight.id, reason: "SPAM" }),
      removeInsight(await moderator(), { insightId: insight.id, reason: "HARASSMENT" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await auditRows(insight.id)).toHaveLength(1);
    expect(
      (await notificationsOf(insight.authorId, insight.id)).filter((n) => n.kind === "INSIGHT_REMOVED"),
    ).toHaveLength(1);
  });

  it("deciding the same appeal at once: one outcome, one audit row, one notice", async () => {
    const insight = await insightIn("PENDING");
    await rejectInsight(await moderator(), { insightId: insight.id, reason: "SPAM" });
    const author = sessionOf(await db.user.findUniqueOrThrow({ where: { id: insight.authorId } }));
    const { appealId } = await appealDecision(author, {
      insightId: insight.id,
      message: "Please look again.",
    });

    const results = await Promise.allSettled([
      decideAppeal(await moderator(), { appealId, outcome: "UPHELD" }),
      decideAppeal(await moderator(), { appealId, outcome: "OVERTURNED" }),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await auditRows(appealId)).toHaveLength(1);
    const notices = await notificationsOf(insight.authorId, insight.id);
    expect(notices.filter((n) => n.kind === "APPEAL_DECIDED")).toHaveLength(1);
  });

  it("the same author appealing twice at once: one appeal", async () => {
    const insight = await insightIn("PENDING");
    await rejectInsight(await moderator(), { insightId: insight.id, reason: "SPAM" });
    const author = sessionOf(await db.user.findUniqueOrThrow({ where: { id: insight.authorId } }));
    const results = await Promise.allSettled([
      appealDecision(author, { insightId: insight.id, message: "One." }),
      appealDecision(author, { insightId: insight.id, message: "Two." }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.appeal.count({ where: { insightId: insight.id } })).toBe(1);
  });
});

describe("locking", () => {
  /** Waits until some session of this database waits for a row lock (the decision started in the background). */
  async function untilSomeoneWaitsForALock() {
    for (let attempt = 0; attempt < 200; attempt++) {
      const [row] = await db.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS "waiting" FROM pg_stat_activity
        WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`;
      if (row && row.waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("The decision never waited for the author's row.");
  }

  it("does not deadlock with the author editing the insight at the same moment", async () => {
    const insight = await insightIn("PENDING");
    const mod = await moderator();
    let decision: Promise<{ ok: true; status: string } | { ok: false; error: unknown }> | undefined;

    // The author's edit as lib/data/insights.ts takes its locks: the member's row, then the insight's.
    await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${insight.authorId} FOR UPDATE`;
        decision = approveInsight(mod, { insightId: insight.id }).then(
          (change) => ({ ok: true as const, status: change.status }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        await untilSomeoneWaitsForALock();
        await tx.$queryRaw`SELECT "id" FROM "Insight" WHERE "id" = ${insight.id} FOR UPDATE`;
      },
      { timeout: 20_000 },
    );

    expect(await decision).toEqual({ ok: true, status: "PUBLISHED" });
  });
});

describe("bulkDecide", () => {
  it("approves the selected items and reports the ones already handled", async () => {
    const mod = await moderator();
    const items = [await insightIn("PENDING"), await insightIn("PENDING"), await insightIn("PENDING")];
    await rejectInsight(await moderator(), { insightId: items[1]!.id, reason: "SPAM" });
    const own = await insightIn("PENDING", { authorId: mod.id });

    const result = await bulkDecide(mod, {
      items: [...items, own].map((i) => ({ insightId: i.id })),
      action: "approve",
    });

    expect(result.changes.map((c) => c.insightId).sort()).toEqual([items[0]!.id, items[2]!.id].sort());
    expect(result.alreadyHandled).toEqual([items[1]!.id]);
    expect(result.skipped).toEqual([{ insightId: own.id, message: "You cannot moderate your own insight." }]);
    expect((await stateOf(items[0]!.id)).status).toBe("PUBLISHED");
    expect((await stateOf(items[1]!.id)).status).toBe("REJECTED");
    for (const item of items) expect(await auditRows(item.id)).toHaveLength(1);
  });

  it("rejects several with one reason, and needs that reason", async () => {
    const mod = await moderator();
    const items = [await insightIn("PENDING"), await insightIn("PENDING")];
    await expectAppError(
      bulkDecide(mod, { items: items.map((i) => ({ insightId: i.id })), action: "reject" }),
      "INVALID_INPUT",
    );
    const result = await bulkDecide(mod, {
      items: items.map((i) => ({ insightId: i.id })),
      action: "reject",
      reason: "OFF_TOPIC",
      note: "Wrong section.",
    });
    expect(result.changes).toHaveLength(2);
    for (const item of items) {
      expect(await stateOf(item.id)).toMatchObject({ status: "REJECTED", decisionReason: "OFF_TOPIC" });
      expect(await notificationsOf(item.authorId, item.id)).toEqual([
        { kind: "INSIGHT_REJECTED", reason: "OFF_TOPIC", message: "Wrong section." },
      ]);
    }
  });
});

describe("listModerationQueue", () => {
  it("lists pending, reported, hidden and appealed items oldest first, with filters by kind", async () => {
    const mod = await moderator();
    const domain = await createDomain(db);
    const pending = await insightIn("PENDING", { domainId: domain.id, queuedAt: ago(40 * MINUTE) });
    const reported = await reportedInsight(1, { domainId: domain.id });
    const hidden = await insightIn("HIDDEN", { domainId: domain.id, queuedAt: ago(50 * MINUTE) });
    const appealed = await insightIn("PENDING", { domainId: domain.id, queuedAt: ago(60 * MINUTE) });
    const decider = await moderator();
    await rejectInsight(decider, { insightId: appealed.id, reason: "SPAM", note: "Ads." });
    const author = sessionOf(await db.user.findUniqueOrThrow({ where: { id: appealed.authorId } }));
    const { appealId } = await appealDecision(author, { insightId: appealed.id, message: "Not ads." });
    // Decided items and deleted ones are not in the queue.
    const decided = await insightIn("PENDING", { domainId: domain.id });
    await approveInsight(mod, { insightId: decided.id });
    const deleted = await insightIn("PENDING", { domainId: domain.id });
    await db.insight.update({
      where: { id: deleted.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });

    const page = await listModerationQueue(mod, { domainSlug: domain.slug });

    expect(page.items.map((i) => [i.insightId, i.kind])).toEqual([
      [hidden.id, "hidden"],
      [pending.id, "pending"],
      [reported.id, "reported"],
      [appealed.id, "appeal"],
    ]);
    expect(page.nextCursor).toBeNull();
    const appealItem = page.items[3]!;
    expect(appealItem.appeal).toMatchObject({ id: appealId, message: "Not ads.", moderatorId: decider.id });
    expect(appealItem.decision).toMatchObject({ reason: "SPAM", note: "Ads.", moderatorName: decider.name });
    expect(page.items[2]!.reports).toEqual([
      expect.objectContaining({ reason: "SPAM", reporterHandle: reported.reporters[0]!.handle }),
    ]);
    expect(page.items[1]!.decision).toBeNull();

    for (const kind of ["pending", "reported", "hidden", "appeal"] as const) {
      const filtered = await listModerationQueue(mod, { domainSlug: domain.slug, kind });
      expect(filtered.items.map((i) => i.kind)).toEqual([kind]);
    }
  });

  it("filters by report reason and by domain, a parent domain including its child domains", async () => {
    const mod = await moderator();
    const parent = await createDomain(db);
    const child = await createDomain(db, { parentId: parent.id });
    const spam = await insightIn("PUBLISHED", { domainId: child.id });
    await reportInsight(await member(), { insightId: spam.id, reason: "SPAM" });
    const harassment = await insightIn("PUBLISHED", { domainId: parent.id });
    await reportInsight(await member(), { insightId: harassment.id, reason: "HARASSMENT" });

    const inParent = await listModerationQueue(mod, { domainSlug: parent.slug });
    expect(inParent.items.map((i) => i.insightId).sort()).toEqual([spam.id, harassment.id].sort());
    const inChild = await listModerationQueue(mod, { domainSlug: child.slug });
    expect(inChild.items.map((i) => i.insightId)).toEqual([spam.id]);
    const bySpam = await listModerationQueue(mod, { domainSlug: parent.slug, reason: "SPAM" });
    expect(bySpam.items.map((i) => i.insightId)).toEqual([spam.id]);
    expect(bySpam.items[0]!.domain).toEqual({ name: child.name, slug: child.slug });
  });

  it("pages through the queue without gaps or repeats, and refuses a forged cursor", async () => {
    const mod = await moderator();
    const domain = await createDomain(db);
    const sameMoment = ago(10 * MINUTE);
    const ids: string[] = [];
    for (let i = 0; i < QUEUE_PAGE_SIZE + 5; i++) {
      // Several share one queuedAt: the id breaks the tie.
      const queuedAt = i % 3 === 0 ? sameMoment : ago((30 - i) * MINUTE);
      ids.push((await insightIn("PENDING", { domainId: domain.id, queuedAt })).id);
    }

    const first = await listModerationQueue(mod, { domainSlug: domain.slug });
    expect(first.items).toHaveLength(QUEUE_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listModerationQueue(mod, { domainSlug: domain.slug }, first.nextCursor!);
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();

    const listed = [...first.items, ...second.items];
    expect(new Set(listed.map((i) => i.insightId))).toEqual(new Set(ids));
    const order = listed.map((i) => `${i.queuedAt}|${i.insightId}`);
    expect(order).toEqual([...order].sort());

    await expectAppError(listModerationQueue(mod, {}, "not-a-cursor"), "INVALID_INPUT");
  });

  it("shows the author's standing: trust, and how many insights were published, rejected and removed", async () => {
    const mod = await moderator();
    const domain = await createDomain(db);
    const veteran = await member({ createdAt: ago(60 * DAY) });
    for (let i = 0; i < 3; i++) await insightIn("PUBLISHED", { authorId: veteran.id });
    await insightIn("REJECTED", { authorId: veteran.id });
    await insightIn("REMOVED", { authorId: veteran.id });
    await insightIn("REMOVED", { authorId: veteran.id });
    const newcomer = await member();
    await insightIn("PENDING", { authorId: veteran.id, domainId: domain.id, queuedAt: ago(2 * MINUTE) });
    await insightIn("PENDING", {
      authorId: newcomer.id,
      domainId: domain.id,
      queuedAt: ago(MINUTE),
      autoFlags: ["too-many-links"],
    });

    const { items } = await listModerationQueue(mod, { domainSlug: domain.slug });

    expect(items.map((i) => i.author)).toEqual([
      expect.objectContaining({ id: veteran.id, trust: "TRUSTED", published: 3, rejected: 1, removed: 2 }),
      expect.objectContaining({ id: newcomer.id, trust: "NEW", published: 0, rejected: 0, removed: 0 }),
    ]);
    expect(items[1]!.autoFlags).toEqual([
      { code: "too-many-links", label: AUTO_FLAG_LABELS["too-many-links"] },
    ]);
    expect(items[0]!.section).toEqual({
      title: "The section",
      anchor: "section-1",
      body: "The section's own text.",
    });
  });

  it("counts what waits: the header's number follows items joining and leaving", async () => {
    const mod = await moderator();
    const before = await countModerationQueue(mod);
    const insight = await insightIn("PENDING");
    expect(await countModerationQueue(mod)).toBe(before + 1);
    await approveInsight(mod, { insightId: insight.id });
    expect(await countModerationQueue(mod)).toBe(before);
  });
});

describe("audit log", () => {
  it("every moderation action writes exactly one row, and rows cannot be changed", async () => {
    const mod = await moderator();
    const other = await moderator();
    const pending = await insightIn("PENDING");
    const toReject = await insightIn("PENDING");
    const published = await insightIn("PUBLISHED");

    const steps: [string, string, () => Promise<unknown>][] = [
      ["insight.approve", pending.id, () => approveInsight(mod, { insightId: pending.id })],
      ["insight.reject", toReject.id, () => rejectInsight(mod, { insightId: toReject.id, reason: "SPAM" })],
      ["insight.remove", published.id, () => removeInsight(mod, { insightId: published.id, reason: "SPAM" })],
      ["insight.restore", published.id, () => restoreInsight(mod, { insightId: published.id })],
    ];
    for (const [action, targetId, step] of steps) {
      const before = await db.auditEntry.count();
      await step();
      expect(await db.auditEntry.count()).toBe(before + 1);
      expect((await auditRows(targetId)).at(-1)).toMatchObject({ action, actorId: mod.id });
    }
    const author = sessionOf(await db.user.findUniqueOrThrow({ where: { id: toReject.authorId } }));
    const before = await db.auditEntry.count();
    const { appealId } = await appealDecision(author, { insightId: toReject.id, message: "Please." });
    expect(await db.auditEntry.count()).toBe(before);
    await decideAppeal(other, { appealId, outcome: "OVERTURNED" });
    expect(await db.auditEntry.count()).toBe(before + 1);

    const [row] = await db.auditEntry.findMany({ where: { targetId: pending.id }, select: { id: true } });
    await expect(
      db.auditEntry.update({ where: { id: row!.id }, data: { note: "edited" } }),
    ).rejects.toThrow();
    await expect(db.auditEntry.delete({ where: { id: row!.id } })).rejects.toThrow();
  });

  it("lists entries newest first with labels, filters and keyset pages", async () => {
    const mod = await moderator();
    const insight = await insightIn("PUBLISHED");
    await removeInsight(mod, { insightId: insight.id, reason: "HARASSMENT", note: "Insults." });

    const mine = await listAuditLog(await admin(), { actorHandle: mod.handle });
    expect(mine.entries).toEqual([
      expect.objectContaining({
        actor: { name: mod.name, handle: mod.handle },
        action: "insight.remove",
        actionLabel: "Removed an insight",
        targetType: "insight",
        targetId: insight.id,
        targetLabel: `Insight on “The section” (${insight.article.title})`,
        targetHref: `/insights/${insight.id}/history`,
        reason: "Harassment",
        reasonCode: "HARASSMENT",
        note: "Insults.",
      }),
    ]);
    expect((await listAuditLog(mod, { targetType: "insight", targetId: insight.id })).entries).toHaveLength(
      1,
    );
    expect((await listAuditLog(mod, { action: "insight.restore", actorHandle: mod.handle })).entries).toEqual(
      [],
    );
    expect((await listAuditLog(mod, { actorHandle: "nobody-has-this-handle" })).entries).toEqual([]);

    // Keyset pages: many entries by one actor, several written at the same instant.
    const busy = await moderator();
    const at = new Date();
    await db.auditEntry.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 7 }, (_, i) => ({
        actorId: busy.id,
        action: "insight.approve",
        targetType: "insight",
        targetId: `page-test-${i}`,
        createdAt: i % 2 === 0 ? at : new Date(at.getTime() - i * 1000),
      })),
    });
    const first = await listAuditLog(mod, { actorHandle: busy.handle });
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    const second = await listAuditLog(mod, { actorHandle: busy.handle, cursor: first.nextCursor! });
    expect(second.entries).toHaveLength(7);
    expect(second.nextCursor).toBeNull();
    const all = [...first.entries, ...second.entries];
    expect(new Set(all.map((e) => e.id)).size).toBe(AUDIT_PAGE_SIZE + 7);
    const times = all.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });
});

describe("public history of a decided insight", () => {
  it("keeps the page of a removed insight with the reason, but not its text", async () => {
    const insight = await insightIn("PUBLISHED");
    await removeInsight(await moderator(), { insightId: insight.id, reason: "SPAM" });

    const history = await getInsightHistory(insight.id);

    expect(history).toMatchObject({
      id: insight.id,
      status: "REMOVED",
      decisionReason: "SPAM",
      versions: [],
    });
    expect(JSON.stringify(history)).not.toContain(insight.body);
    expect(await listPublicModerationLines(insight.id)).toEqual([
      { line: "Removed by a moderator: Spam", at: expect.any(String) as string },
    ]);
  });

  it("shows nothing for an insight still awaiting review", async () => {
    const insight = await insightIn("PENDING");
    await expect(getInsightHistory(insight.id)).resolves.toBeNull();
    await expect(listPublicModerationLines(insight.id)).resolves.toEqual([]);
  });
});
