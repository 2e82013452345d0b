import "server-only";
import type { Changed } from "@/lib/cache-expiry";
import { db } from "@/lib/db";
import { mayAppeal, mayDecide, mayDecideAppeal } from "@/lib/domain/permissions";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { AppealStatus, DecisionReason } from "@/lib/generated/prisma/enums";
import { recordAudit } from "../audit";
import { notifyMember } from "../notifications";
import { assertPermitted, assertStaff } from "../permissions";
import type { SessionUser } from "../users";
import type { ModerationChange } from "./shared";
import {
  alreadyHandled,
  assertActiveAccount,
  changeOf,
  lockInsight,
  MAX_LOOKUP_IDS,
  republish,
  STAFF_ONLY,
} from "./shared";

// Appeals: the author of a rejected or removed insight asks, once, for another look; a moderator other than
// the one who decided answers, finally.

export type OwnModerationNote = {
  reason: DecisionReason | null;
  note: string | null;
  decidedAt: string | null;
  appeal: { status: AppealStatus; createdAt: string } | null;
  canAppeal: boolean;
};

/** The author appeals the rejection or removal of their insight, once, with a message. It joins the queue. */
export async function appealDecision(
  actor: SessionUser,
  input: { insightId: string; message: string },
): Promise<{ appealId: string }> {
  try {
    return await db.$transaction(async (tx) => {
      await assertActiveAccount(tx, actor.id);
      const insight = await lockInsight(tx, input.insightId);
      if (!insight || insight.deletedAt) throw new AppError("NOT_FOUND", "Insight not found.");
      assertPermitted(mayAppeal(actor, insight), "Only the author can appeal this decision.");
      if (insight.appeal) throw new AppError("CONFLICT", "You have already appealed this decision.");
      if (insight.status !== "REJECTED" && insight.status !== "REMOVED") {
        throw new AppError("CONFLICT", "Only a rejected or removed insight can be appealed.");
      }
      const appeal = await tx.appeal.create({
        data: {
          insightId: insight.id,
          authorId: actor.id,
          moderatorId: insight.decidedById,
          message: input.message,
        },
        select: { id: true },
      });
      await tx.insight.update({ where: { id: insight.id }, data: { queuedAt: new Date() } });
      return { appealId: appeal.id };
    });
  } catch (error) {
    if (uniqueViolation(error)?.includes("insightId")) {
      throw new AppError("CONFLICT", "You have already appealed this decision.");
    }
    throw error;
  }
}

/**
 * A moderator other than the one whose decision is appealed decides the appeal: UPHELD leaves the decision
 * as it is, OVERTURNED publishes the insight. The outcome is final and notified to the author.
 */
export async function decideAppeal(
  actor: SessionUser,
  input: { appealId: string; outcome: "UPHELD" | "OVERTURNED"; note?: string },
): Promise<Changed<ModerationChange>> {
  assertStaff(actor, STAFF_ONLY);
  return db.$transaction(async (tx) => {
    const target = await tx.appeal.findUnique({ where: { id: input.appealId }, select: { insightId: true } });
    if (!target) throw new AppError("NOT_FOUND", "Appeal not found.");
    const insight = await lockInsight(tx, target.insightId);
    const appeal = insight?.appeal;
    if (!insight || !appeal) throw new AppError("NOT_FOUND", "Appeal not found.");
    if (appeal.status !== "OPEN") throw alreadyHandled();
    assertPermitted(mayDecide(actor, insight), "You cannot decide an appeal about your own insight.");
    assertPermitted(
      mayDecideAppeal(actor, { authorId: insight.authorId, decidedById: appeal.moderatorId }),
      "You made the decision this appeal contests: another moderator must decide it.",
    );
    if (insight.deletedAt) throw new AppError("CONFLICT", "The author deleted this insight.");

    const now = new Date();
    const note = input.note ?? null;
    const overturned = input.outcome === "OVERTURNED";
    await tx.appeal.update({
      where: { id: appeal.id },
      data: { status: input.outcome, resolvedById: actor.id, resolvedAt: now, outcomeNote: note },
    });
    if (overturned) await republish(tx, insight, actor.id, now);
    else await tx.insight.update({ where: { id: insight.id }, data: { queuedAt: null } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: overturned ? "appeal.overturn" : "appeal.uphold",
      targetType: "appeal",
      targetId: appeal.id,
      reason: input.outcome,
      note,
      data: { insightId: insight.id, decision: insight.status, decisionReason: insight.decisionReason },
    });
    await notifyMember(tx, {
      userId: insight.authorId,
      kind: "APPEAL_DECIDED",
      groupKey: `appeal:${appeal.id}`,
      insightId: insight.id,
      reason: input.outcome,
      message: note,
    });
    return changeOf(insight, overturned ? "PUBLISHED" : insight.status);
  });
}

/**
 * What the author of these insights should know about their moderation: the reason and note of the last
 * decision, their appeal, and whether they may still appeal. Insights of other members are left out.
 */
export async function listOwnModerationNotes(
  actor: SessionUser,
  insightIds: string[],
): Promise<Record<string, OwnModerationNote>> {
  const ids = [...new Set(insightIds)].slice(0, MAX_LOOKUP_IDS);
  if (ids.length === 0) return {};
  const rows = await db.insight.findMany({
    where: { id: { in: ids }, authorId: actor.id, deletedAt: null },
    select: {
      id: true,
      status: true,
      decisionReason: true,
      decisionNote: true,
      decidedAt: true,
      appeal: { select: { status: true, createdAt: true } },
    },
  });
  const notes: Record<string, OwnModerationNote> = {};
  for (const row of rows) {
    notes[row.id] = {
      reason: row.decisionReason,
      note: row.decisionNote,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      appeal: row.appeal
        ? { status: row.appeal.status, createdAt: row.appeal.createdAt.toISOString() }
        : null,
      canAppeal: (row.status === "REJECTED" || row.status === "REMOVED") && !row.appeal,
    };
  }
  return notes;
}
