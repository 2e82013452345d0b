import "server-only";
import { changed, type Changed } from "@/lib/cache-expiry";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DecisionReason, InsightStatus } from "@/lib/generated/prisma/enums";
import type { BanInput, LiftSanctionInput, SuspendInput, WarnInput } from "@/lib/validation/sanctions";
import { listLeaderboardTagsFor } from "../leaderboards";
import { notifyMember } from "../notifications";
import { assertAdmin, assertMayLiftSanction, assertMaySanction, assertStaff } from "../permissions";
import type { Tx } from "../transaction";
import { accountBlock, type SessionUser } from "../users";
import { DAY_MS, lockMember, recordMemberAudit } from "./shared";

// Sanctions: warnings, suspensions (ended by the minute sweep when their time is up) and bans, and lifting
// them.

/** The note a ban leaves on each insight it removes (shown to the author should the ban be lifted). */
export const BAN_REMOVAL_NOTE =
  "Removed together with all of its author's insights when the account was banned.";
const BAN_REMOVAL_REASON: DecisionReason = "OTHER";

/** Insight statuses a ban with removal takes down: everything readers see or may yet see. */
const REMOVABLE_STATUSES: readonly InsightStatus[] = ["PUBLISHED", "HIDDEN", "PENDING"];

/** What a sanction did, with the tags of the cached pages it changed. */
export type SanctionChange = Changed<{
  sanctionId: string;
  userId: string;
  handle: string;
  /** articles on which the member's published insights appear (or appeared before this change) */
  articleIds: string[];
  /** insights a ban removed or a lift restored */
  insightIds: string[];
  /** whether the member's insights left readers' pages or came back to them: their badges may change */
  visibilityChanged: boolean;
}>;

type SanctionFacts = Omit<SanctionChange, "visibilityChanged" | "tags" | "eventualTags">;

/**
 * The pages that show the member: the articles their insights appear on, their profile, the history pages
 * of all their insights (tagged by author) and the insights this change removed or restored.
 */
function memberPageTags(facts: Pick<SanctionFacts, "userId" | "handle" | "articleIds" | "insightIds">) {
  return [
    ...facts.articleIds.map((id) => tags.article(id)),
    tags.memberHandle(facts.handle),
    tags.member(facts.userId),
    ...facts.insightIds.map((id) => tags.insight(id)),
  ];
}

/**
 * A committed sanction's change. When the member's insights left the pages or came back, the leaderboards
 * they count on change too (read after the commit: a ban's removals keep their publication date).
 */
async function sanctionChange(facts: SanctionFacts, visibilityChanged: boolean): Promise<SanctionChange> {
  const leaderboards = visibilityChanged ? await listLeaderboardTagsFor(facts.userId) : [];
  return changed({ ...facts, visibilityChanged }, [...memberPageTags(facts), ...leaderboards]);
}

/** The articles on which the member's published insights appear. */
async function articlesShowing(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ articleId: string }[]>`
    SELECT DISTINCT s."articleId"
    FROM "Insight" i JOIN "Section" s ON s."id" = i."sectionId"
    WHERE i."authorId" = ${userId} AND i."status" = 'PUBLISHED' AND i."deletedAt" IS NULL`;
  return rows.map((row) => row.articleId);
}

function formatUntil(date: Date): string {
  return date.toUTCString();
}

/** Sends a member a warning: a notification with the moderator's message, and a line on their record. */
export async function warnMember(actor: SessionUser, input: WarnInput): Promise<SanctionChange> {
  assertStaff(actor);
  const facts = await db.$transaction(async (tx) => {
    const target = await lockMember(tx, input.userId);
    assertMaySanction(actor, target);
    if (target.status === "BANNED") throw new AppError("CONFLICT", "This member is banned.");
    const sanction = await tx.sanction.create({
      data: { userId: target.id, kind: "WARNING", reason: input.message, issuedById: actor.id },
      select: { id: true },
    });
    await notifyMember(tx, {
      userId: target.id,
      kind: "MEMBER_WARNED",
      groupKey: `sanction:${sanction.id}`,
      message: input.message,
    });
    await recordMemberAudit(tx, actor.id, "user.warn", target.id, {
      note: input.message,
      data: { sanctionId: sanction.id },
    });
    return {
      sanctionId: sanction.id,
      userId: target.id,
      handle: target.handle,
      articleIds: [],
      insightIds: [],
    };
  });
  // A warning shows on no page readers see.
  return changed({ ...facts, visibilityChanged: false }, []);
}

/**
 * Suspends a member for 1, 7 or 30 days: they cannot post, react or report, are signed out on their next
 * page, and their insights leave every page until the suspension ends (the minute sweep in
 * lib/jobs/sanctions.ts brings them back). A member already suspended or banned is a CONFLICT: two
 * moderators suspending at once make one suspension.
 */
export async function suspendMember(actor: SessionUser, input: SuspendInput): Promise<SanctionChange> {
  assertStaff(actor);
  const facts = await db.$transaction(async (tx) => {
    const target = await lockMember(tx, input.userId);
    assertMaySanction(actor, target);
    const now = new Date();
    const block = accountBlock(target, now);
    if (block?.status === "BANNED") throw new AppError("CONFLICT", "This member is already banned.");
    if (block?.status === "SUSPENDED") {
      const until = block.until ? ` until ${formatUntil(block.until)}` : "";
      throw new AppError("CONFLICT", `This member is already suspended${until}.`);
    }
    const endsAt = new Date(now.getTime() + input.days * DAY_MS);
    await tx.user.update({
      where: { id: target.id },
      data: { status: "SUSPENDED", statusReason: input.reason, statusUntil: endsAt },
      select: { id: true },
    });
    const sanction = await tx.sanction.create({
      data: {
        userId: target.id,
        kind: "SUSPENSION",
        reason: input.reason,
        endsAt,
        issuedById: actor.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await notifyMember(tx, {
      userId: target.id,
      kind: "MEMBER_SUSPENDED",
      groupKey: `sanction:${sanction.id}`,
      reason: endsAt.toISOString(),
      message: input.reason,
    });
    await recordMemberAudit(tx, actor.id, "user.suspend", target.id, {
      reason: `${input.days} ${input.days === 1 ? "day" : "days"}`,
      note: input.reason,
      data: { sanctionId: sanction.id, days: input.days, endsAt: endsAt.toISOString() },
    });
    return {
      sanctionId: sanction.id,
      userId: target.id,
      handle: target.handle,
      articleIds: await articlesShowing(tx, target.id),
      insightIds: [],
    };
  });
  return sanctionChange(facts, true);
}

/** How a removed insight stood before the ban, kept in the ban's audit entry so a lift can put it back. */
type RemovedInsightState = {
  id: string;
  status: InsightStatus;
  queuedAt: string | null;
  decidedById: string | null;
  decidedAt: string | null;
  decisionReason: DecisionReason | null;
  decisionNote: string | null;
};

/**
 * Bans a member: they are signed out and told why when they try to sign in. With `removeInsights`, every
 * insight of theirs that is published, hidden or awaiting review is removed in the same transaction; the
 * sanction lists them and its audit entry keeps how each stood, so lifting the ban restores exactly those.
 */
export async function banMember(actor: SessionUser, input: BanInput): Promise<SanctionChange> {
  assertStaff(actor);
  const facts = await db.$transaction(async (tx) => {
    const target = await lockMember(tx, input.userId);
    assertMaySanction(actor, target);
    if (target.status === "BANNED") throw new AppError("CONFLICT", "This member is already banned.");
    const now = new Date();
    const articleIds = await articlesShowing(tx, target.id);

    let removed: RemovedInsightState[] = [];
    if (input.removeInsights) {
      const rows = await tx.$queryRaw<
        {
          id: string;
          status: InsightStatus;
          queuedAt: Date | null;
          decidedById: string | null;
          decidedAt: Date | null;
          decisionReason: DecisionReason | null;
          decisionNote: string | null;
        }[]
      >`
        SELECT "id", "status", "queuedAt", "decidedById", "decidedAt", "decisionReason", "decisionNote"
        FROM "Insight"
        WHERE "authorId" = ${target.id} AND "deletedAt" IS NULL
          AND "status" IN ('PUBLISHED', 'HIDDEN', 'PENDING')
        ORDER BY "createdAt", "id"
        FOR UPDATE`;
      removed = rows.map((row) => ({
        ...row,
        queuedAt: row.queuedAt?.toISOString() ?? null,
        decidedAt: row.decidedAt?.toISOString() ?? null,
      }));
      if (removed.length > 0) {
        await tx.insight.updateMany({
          where: { id: { in: removed.map((row) => row.id) } },
          data: {
            status: "REMOVED",
            queuedAt: null,
            decidedById: actor.id,
            decidedAt: now,
            decisionReason: BAN_REMOVAL_REASON,
            decisionNote: BAN_REMOVAL_NOTE,
          },
        });
      }
    }

    await tx.user.update({
      where: { id: target.id },
      data: { status: "BANNED", statusReason: input.reason, statusUntil: null },
      select: { id: true },
    });
    const removedIds = removed.map((row) => row.id);
    const sanction = await tx.sanction.create({
      data: {
        userId: target.id,
        kind: "BAN",
        reason: input.reason,
        issuedById: actor.id,
        removedInsightIds: removedIds,
        createdAt: now,
      },
      select: { id: true },
    });
    // No notification: a banned member cannot read one. They see the reason when they try to sign in.
    await recordMemberAudit(tx, actor.id, "user.ban", target.id, {
      reason: input.removeInsights ? `removed ${removedIds.length} insights` : null,
      note: input.reason,
      data: { sanctionId: sanction.id, removedAt: now.toISOString(), removedInsights: removed },
    });
    return {
      sanctionId: sanction.id,
      userId: target.id,
      handle: target.handle,
      articleIds,
      insightIds: removedIds,
    };
  });
  return sanctionChange(facts, true);
}

function isRemovedState(value: unknown): value is RemovedInsightState {
  if (typeof value !== "object" || value === null) return false;
  const { id, status } = value as { id?: unknown; status?: unknown };
  return (
    typeof id === "string" &&
    typeof status === "string" &&
    REMOVABLE_STATUSES.includes(status as InsightStatus)
  );
}

/**
 * Puts back the insights a ban removed, each as it stood before, if it is still as the ban left it (a
 * moderator may have restored one by hand in the meantime). Returns the ids it restored.
 */
async function restoreBanRemovals(
  tx: Tx,
  ban: { id: string; userId: string; createdAt: Date; removedInsightIds: string[] },
): Promise<string[]> {
  if (ban.removedInsightIds.length === 0) return [];
  const entry = await tx.auditEntry.findFirst({
    where: {
      targetType: "user",
      targetId: ban.userId,
      action: "user.ban",
      data: { path: ["sanctionId"], equals: ban.id },
    },
    select: { data: true },
  });
  const data = (entry?.data ?? {}) as { removedAt?: unknown; removedInsights?: unknown };
  const states = new Map<string, RemovedInsightState>();
  if (Array.isArray(data.removedInsights)) {
    for (const state of data.removedInsights) if (isRemovedState(state)) states.set(state.id, state);
  }
  const removedAt = typeof data.removedAt === "string" ? new Date(data.removedAt) : ban.createdAt;

  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Insight"
    WHERE "id" IN (${Prisma.join(ban.removedInsightIds)})
      AND "status" = 'REMOVED' AND "decidedAt" = ${removedAt.toISOString()}::timestamp(3)
      AND "deletedAt" IS NULL
    ORDER BY "id"
    FOR UPDATE`;
  for (const { id } of locked) {
    // Without its earlier state (an audit entry from before states were kept), it was at least published.
    const before = states.get(id);
    await tx.insight.update({
      where: { id },
      data: before
        ? {
            status: before.status,
            queuedAt: before.queuedAt ? new Date(before.queuedAt) : null,
            decidedById: before.decidedById,
            decidedAt: before.decidedAt ? new Date(before.decidedAt) : null,
            decisionReason: before.decisionReason,
            decisionNote: before.decisionNote,
          }
        : {
            status: "PUBLISHED",
            decidedById: null,
            decidedAt: null,
            decisionReason: null,
            decisionNote: null,
          },
      select: { id: true },
    });
  }
  return locked.map((row) => row.id);
}

/**
 * Lifts a sanction (admins). Lifting a suspension or a ban makes the account active again, ends every
 * other restriction still running on it, and restores the insights a ban removed; lifting a warning
 * withdraws it from the member's standing.
 */
export async function liftSanction(actor: SessionUser, input: LiftSanctionInput): Promise<SanctionChange> {
  assertAdmin(actor);
  const facts = await db.$transaction(async (tx) => {
    const found = await tx.sanction.findUnique({ where: { id: input.sanctionId }, select: { userId: true } });
    if (!found) throw new AppError("NOT_FOUND", "Sanction not found.");
    const target = await lockMember(tx, found.userId);
    assertMayLiftSanction(actor, target);
    // Read again under the member's lock: another admin may have lifted it a moment ago.
    const sanction = await tx.sanction.findUniqueOrThrow({
      where: { id: input.sanctionId },
      select: { id: true, userId: true, kind: true, endsAt: true, liftedAt: true, createdAt: true },
    });
    const now = new Date();
    if (sanction.liftedAt) throw new AppError("CONFLICT", "This sanction was already lifted.");
    if (sanction.kind === "SUSPENSION" && sanction.endsAt && sanction.endsAt <= now) {
      throw new AppError("CONFLICT", "This suspension has already ended.");
    }

    let liftedIds = [sanction.id];
    let restored: string[] = [];
    if (sanction.kind === "WARNING") {
      await tx.sanction.update({
        where: { id: sanction.id },
        data: { liftedAt: now, liftedById: actor.id },
        select: { id: true },
      });
    } else {
      // Every suspension or ban still running ends with this one: the account is active again.
      const running = await tx.sanction.findMany({
        where: {
          userId: target.id,
          liftedAt: null,
          OR: [{ kind: "BAN" }, { kind: "SUSPENSION", endsAt: { gt: now } }],
        },
        select: { id: true, userId: true, kind: true, createdAt: true, removedInsightIds: true },
      });
      liftedIds = [...new Set([sanction.id, ...running.map((row) => row.id)])];
      await tx.sanction.updateMany({
        where: { id: { in: liftedIds } },
        data: { liftedAt: now, liftedById: actor.id },
      });
      for (const ban of running.filter((row) => row.kind === "BAN")) {
        restored.push(...(await restoreBanRemovals(tx, ban)));
      }
      restored = [...new Set(restored)];
      await tx.user.update({
        where: { id: target.id },
        data: { status: "ACTIVE", statusReason: null, statusUntil: null },
        select: { id: true },
      });
      await notifyMember(tx, {
        userId: target.id,
        kind: "SANCTION_LIFTED",
        groupKey: `sanction:${sanction.id}`,
      });
    }
    await recordMemberAudit(tx, actor.id, "user.lift", target.id, {
      reason: sanction.kind.toLowerCase(),
      data: {
        sanctionId: sanction.id,
        kind: sanction.kind,
        liftedSanctionIds: liftedIds,
        restoredInsightIds: restored,
      },
    });
    return {
      sanctionId: sanction.id,
      userId: target.id,
      handle: target.handle,
      articleIds: sanction.kind === "WARNING" ? [] : await articlesShowing(tx, target.id),
      insightIds: restored,
    };
  });
  return sanctionChange(facts, facts.articleIds.length > 0 || facts.insightIds.length > 0);
}

/**
 * Ends every suspension whose time is up: one UPDATE … RETURNING on the (status, statusUntil) index. Run
 * every minute by lib/jobs/sanctions.ts; until then `accountBlock` already lets the member back in, and
 * this brings their insights back onto the pages (which show only active authors' insights): the tags
 * returned are those of their articles, profile, insight histories and the leaderboards they count on.
 */
export async function endExpiredSuspensions(now = new Date()): Promise<Changed<{ userIds: string[] }>> {
  // Stored timestamps are UTC without a zone: ISO text cast to timestamp reads as the same instant.
  const at = now.toISOString();
  const { userIds, pageTags } = await db.$transaction(async (tx) => {
    const ended = await tx.$queryRaw<{ id: string; handle: string }[]>`
      UPDATE "User"
      SET "status" = 'ACTIVE', "statusReason" = NULL, "statusUntil" = NULL, "updatedAt" = ${at}::timestamp(3)
      WHERE "status" = 'SUSPENDED' AND "statusUntil" <= ${at}::timestamp(3)
      RETURNING "id", "handle"`;
    const tagsOfEnded: string[] = [];
    for (const member of ended) {
      tagsOfEnded.push(
        ...memberPageTags({
          userId: member.id,
          handle: member.handle,
          articleIds: await articlesShowing(tx, member.id),
          insightIds: [],
        }),
      );
    }
    return { userIds: ended.map((member) => member.id), pageTags: tagsOfEnded };
  });
  // They count on the leaderboards again too.
  for (const userId of userIds) pageTags.push(...(await listLeaderboardTagsFor(userId)));
  return changed({ userIds }, pageTags);
}
