import { describe, expect, it, vi } from "vitest";
import { sessionOf } from "@/lib/testing/integration";
import { getInsightHistory } from "../insights";
import { appealDecision, decideAppeal } from "./appeals";
import { AUDIT_PAGE_SIZE, listAuditLog, listPublicModerationLines } from "./audit-log";
import { approveInsight, rejectInsight, removeInsight, restoreInsight } from "./decisions";
import { admin, auditRows, db, insightIn, moderator } from "./testing";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

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
