import { describe, expect, it, vi } from "vitest";
import { sessionOf } from "@/lib/testing/integration";
import { createDomain, FACTORY_INSIGHT_BODY } from "@/prisma/factories";
import { editInsight } from "../insights";
import type { SessionUser } from "../users";
import { listPublicModerationLines } from "./audit-log";
import { approveInsight, bulkDecide, rejectInsight, removeInsight, restoreInsight } from "./decisions";
import { listModerationQueue } from "./queue";
import {
  ago,
  auditRows,
  db,
  expectAlreadyHandled,
  expectAppError,
  expectEditedSinceSeen,
  insightIn,
  MINUTE,
  moderator,
  notificationsOf,
  reportedInsight,
  stateOf,
} from "./testing";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

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
    await expectAlreadyHandled(approveInsight(mod, { insightId: rejected.id }));
    await expectAlreadyHandled(approveInsight(mod, { insightId: published.id }));
    expect((await stateOf(rejected.id)).status).toBe("REJECTED");
    expect(await auditRows(rejected.id)).toEqual([]);
    expect(await auditRows(published.id)).toEqual([]);
  });

  it("refuses a decision on an item that changed since the moderator saw it", async () => {
    const mod = await moderator();
    const insight = await insightIn("PENDING", { queuedAt: ago(MINUTE) });
    await expectAlreadyHandled(
      approveInsight(mod, { insightId: insight.id, version: ago(2 * MINUTE).toISOString() }),
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
    await expectAlreadyHandled(
      rejectInsight(await moderator(), { insightId: insight.id, reason: "OFF_TOPIC" }),
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
    await expectAlreadyHandled(restoreInsight(restorer, { insightId: insight.id }));
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
      await expectEditedSinceSeen(decide());
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

    await expectEditedSinceSeen(
      removeInsight(mod, { insightId: insight.id, version: seen.version, reason: "SPAM" }),
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
