import { describe, expect, it, vi } from "vitest";
import { sessionOf } from "@/lib/testing/integration";
import { appealDecision, decideAppeal } from "./appeals";
import { listAuditLog } from "./audit-log";
import { approveInsight, bulkDecide, rejectInsight, removeInsight, restoreInsight } from "./decisions";
import { countModerationQueue, listModerationQueue } from "./queue";
import { ALREADY_HANDLED } from "./shared";
import {
  admin,
  auditRows,
  db,
  expectAppError,
  insightIn,
  member,
  moderator,
  notificationsOf,
  reportedInsight,
  stateOf,
} from "./testing";

// Who may moderate, and the insight's lock: two moderators at once apply one decision, and a decision
// waits for the author editing the insight rather than deadlocking with them.

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

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
    expect(failures[0]!.reason).toMatchObject({
      code: "CONFLICT",
      reason: "ALREADY_HANDLED",
      message: ALREADY_HANDLED,
    });
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
