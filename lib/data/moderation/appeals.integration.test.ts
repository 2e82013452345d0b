import { describe, expect, it, vi } from "vitest";
import { sessionOf } from "@/lib/testing/integration";
import type { SessionUser } from "../users";
import { appealDecision, decideAppeal, listOwnModerationNotes } from "./appeals";
import { listPublicModerationLines } from "./audit-log";
import { approveInsight, rejectInsight, removeInsight, restoreInsight } from "./decisions";
import {
  auditRows,
  db,
  expectAlreadyHandled,
  expectAppError,
  insightIn,
  member,
  moderator,
  notificationsOf,
  reportedInsight,
  stateOf,
} from "./testing";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

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
    await expectAlreadyHandled(decideAppeal(await moderator(), { appealId, outcome: "OVERTURNED" }));
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
