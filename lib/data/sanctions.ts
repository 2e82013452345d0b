import "server-only";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type {
  DecisionReason,
  InsightStatus,
  Role,
  SanctionKind,
  TrustLevel,
  UserStatus,
} from "@/lib/generated/prisma/enums";
import type {
  BanInput,
  LiftSanctionInput,
  MemberSearchInput,
  SetRoleInput,
  SetTrustInput,
  SuspendInput,
  WarnInput,
} from "@/lib/validation/sanctions";
import { recordAudit } from "./audit";
import { listLeaderboardTagsFor } from "./leaderboards";
import { notifyMember } from "./notifications";
import type { Tx } from "./transaction";
import { getMemberTrust, listMemberTrust } from "./trust";
import { accountBlock, type SessionUser } from "./users";

// Sanctions (warnings, suspensions, bans), member roles and trust overrides. Every change locks the member's
// row first (`SELECT … FOR NO KEY UPDATE`), so two moderators acting at once are serialised: the second sees
// what the first did and gets a CONFLICT instead of a second suspension. Each applied action writes exactly
// one audit row in the same transaction.

const DAY_MS = 24 * 60 * 60 * 1000;

/** How far up the staff ladder a role stands: nobody sanctions someone at or above their own rank. */
const RANK: Record<Role, number> = { MEMBER: 0, MODERATOR: 1, ADMIN: 2 };

/** The note a ban leaves on each insight it removes (shown to the author should the ban be lifted). */
export const BAN_REMOVAL_NOTE =
  "Removed together with all of its author's insights when the account was banned.";
const BAN_REMOVAL_REASON: DecisionReason = "OTHER";

/** Insight statuses a ban with removal takes down: everything readers see or may yet see. */
const REMOVABLE_STATUSES: readonly InsightStatus[] = ["PUBLISHED", "HIDDEN", "PENDING"];

export const MEMBER_SEARCH_PAGE_SIZE = 20;
const HISTORY_LIMIT = 50;
const RECENT_INSIGHTS_LIMIT = 20;
/** How long a warning stays on a member's "Account standing" in settings. */
const STANDING_WINDOW_MS = 365 * DAY_MS;

/** What a sanction changed, so the action can refresh exactly the cached pages that show the member. */
export type SanctionChange = {
  sanctionId: string;
  userId: string;
  handle: string;
  /** articles on which the member's published insights appear (or appeared before this change) */
  articleIds: string[];
  /** insights a ban removed or a lift restored */
  insightIds: string[];
};

/**
 * The cache tags a sanction change expires: the member's articles, profile, the history pages of all their
 * insights (tagged by author) and the insights it changed.
 */
export function sanctionTags(
  change: Pick<SanctionChange, "userId" | "handle" | "articleIds" | "insightIds">,
): string[] {
  return [
    ...change.articleIds.map((id) => tags.article(id)),
    tags.memberHandle(change.handle),
    tags.member(change.userId),
    ...change.insightIds.map((id) => tags.insight(id)),
  ];
}

export type MemberRow = {
  id: string;
  name: string;
  handle: string;
  email: string;
  role: Role;
  /** what the account may do now: an ended suspension counts as ACTIVE */
  status: UserStatus;
  statusUntil: string | null;
  trustOverride: TrustLevel | null;
  /** the level in force: the override, or computed from their history (lib/domain/trust.ts) */
  trust: TrustLevel;
  joinedAt: string;
};

export type MemberSearchPage = { members: MemberRow[]; nextCursor: string | null };

export type SanctionView = {
  id: string;
  kind: SanctionKind;
  reason: string;
  createdAt: string;
  endsAt: string | null;
  issuedBy: { name: string; handle: string };
  liftedAt: string | null;
  liftedBy: { name: string; handle: string } | null;
  /** a warning not withdrawn, a suspension not lifted and not over, a ban not lifted */
  active: boolean;
  removedInsightCount: number;
};

export type MemberModerationRecord = {
  member: {
    id: string;
    name: string;
    handle: string;
    /** admins only */
    email: string | null;
    headline: string;
    role: Role;
    status: UserStatus;
    statusReason: string | null;
    statusUntil: string | null;
    joinedAt: string;
    trustOverride: TrustLevel | null;
    trust: TrustLevel;
  };
  counts: Record<"published" | "pending" | "hidden" | "rejected" | "removed" | "deleted", number> & {
    /** reports on their insights that moderators upheld, ever */
    upheldReports: number;
  };
  /** newest first */
  sanctions: SanctionView[];
  /** their newest insights in any state, newest first */
  insights: {
    id: string;
    status: InsightStatus;
    deleted: boolean;
    body: string;
    createdAt: string;
    article: { title: string; slug: string };
    section: { title: string; anchor: string };
  }[];
  /** what the viewing staff member may do to this member */
  permissions: { sanction: boolean; lift: boolean };
};

export type StandingItem = {
  id: string;
  kind: SanctionKind;
  reason: string;
  createdAt: string;
  endsAt: string | null;
  active: boolean;
};

type LockedMember = {
  id: string;
  name: string;
  handle: string;
  role: Role;
  status: UserStatus;
  statusReason: string | null;
  statusUntil: Date | null;
  trustOverride: TrustLevel | null;
};

function isStaff(role: Role): boolean {
  return role === "MODERATOR" || role === "ADMIN";
}

function assertStaff(actor: SessionUser): void {
  if (!isStaff(actor.role)) throw new AppError("FORBIDDEN", "Only moderators and admins can do this.");
}

function assertAdmin(actor: SessionUser): void {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins can do this.");
}

/** Whether `actor` may warn, suspend or ban `target`: staff, not themselves, and only below their own rank. */
export function maySanction(
  actor: Pick<SessionUser, "id" | "role">,
  target: { id: string; role: Role },
): boolean {
  return isStaff(actor.role) && actor.id !== target.id && RANK[target.role] < RANK[actor.role];
}

function assertMaySanction(actor: SessionUser, target: LockedMember): void {
  assertStaff(actor);
  if (actor.id === target.id) throw new AppError("FORBIDDEN", "You cannot sanction yourself.");
  if (!maySanction(actor, target)) {
    throw new AppError("FORBIDDEN", "You cannot sanction a moderator or admin of equal or higher rank.");
  }
}

/**
 * The member's row, locked until the transaction ends. FOR NO KEY UPDATE like lib/data/locks.ts: it queues
 * behind posting, editing and other sanctions of the same member, but not behind someone notifying or
 * reporting them (the KEY SHARE lock of a row that references them), so it cannot deadlock with a reaction.
 */
async function lockMember(tx: Tx, userId: string): Promise<LockedMember> {
  const rows = await tx.$queryRaw<LockedMember[]>`
    SELECT "id", "name", "handle", "role", "status", "statusReason", "statusUntil", "trustOverride"
    FROM "User" WHERE "id" = ${userId} FOR NO KEY UPDATE`;
  const member = rows[0];
  if (!member) throw new AppError("NOT_FOUND", "Member not found.");
  return member;
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

// ---------------------------------------------------------------------------------------------------------
// Sanctions

/** Sends a member a warning: a notification with the moderator's message, and a line on their record. */
export async function warnMember(actor: SessionUser, input: WarnInput): Promise<SanctionChange> {
  assertStaff(actor);
  return db.$transaction(async (tx) => {
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
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.warn",
      targetType: "user",
      targetId: target.id,
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
}

/**
 * Suspends a member for 1, 7 or 30 days: they cannot post, react or report, are signed out on their next
 * page, and their insights leave every page until the suspension ends (the minute sweep in
 * lib/jobs/sanctions.ts brings them back). A member already suspended or banned is a CONFLICT: two
 * moderators suspending at once make one suspension.
 */
export async function suspendMember(actor: SessionUser, input: SuspendInput): Promise<SanctionChange> {
  assertStaff(actor);
  return db.$transaction(async (tx) => {
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
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.suspend",
      targetType: "user",
      targetId: target.id,
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
  return db.$transaction(async (tx) => {
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
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.ban",
      targetType: "user",
      targetId: target.id,
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
  return db.$transaction(async (tx) => {
    const found = await tx.sanction.findUnique({ where: { id: input.sanctionId }, select: { userId: true } });
    if (!found) throw new AppError("NOT_FOUND", "Sanction not found.");
    const target = await lockMember(tx, found.userId);
    if (target.id === actor.id) throw new AppError("FORBIDDEN", "You cannot lift your own sanction.");
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
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.lift",
      targetType: "user",
      targetId: target.id,
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
}

/**
 * Ends every suspension whose time is up: one UPDATE … RETURNING on the (status, statusUntil) index. Run
 * every minute by lib/jobs/sanctions.ts; until then `accountBlock` already lets the member back in, and
 * this brings their insights back onto the pages (which show only active authors' insights): the tags
 * returned are those of their articles, profile, insight histories and the leaderboards they count on.
 */
export async function endExpiredSuspensions(
  now = new Date(),
): Promise<{ userIds: string[]; tags: string[] }> {
  // Stored timestamps are UTC without a zone: ISO text cast to timestamp reads as the same instant.
  const at = now.toISOString();
  const result = await db.$transaction(async (tx) => {
    const ended = await tx.$queryRaw<{ id: string; handle: string }[]>`
      UPDATE "User"
      SET "status" = 'ACTIVE', "statusReason" = NULL, "statusUntil" = NULL, "updatedAt" = ${at}::timestamp(3)
      WHERE "status" = 'SUSPENDED' AND "statusUntil" <= ${at}::timestamp(3)
      RETURNING "id", "handle"`;
    const pageTags: string[] = [];
    for (const member of ended) {
      pageTags.push(
        ...sanctionTags({
          userId: member.id,
          handle: member.handle,
          articleIds: await articlesShowing(tx, member.id),
          insightIds: [],
        }),
      );
    }
    return { userIds: ended.map((member) => member.id), tags: pageTags };
  });
  // They count on the leaderboards again too.
  for (const userId of result.userIds) result.tags.push(...(await listLeaderboardTagsFor(userId)));
  return { userIds: result.userIds, tags: [...new Set(result.tags)] };
}

// ---------------------------------------------------------------------------------------------------------
// Roles and trust (admins)

const memberRowSelect = {
  id: true,
  name: true,
  handle: true,
  email: true,
  role: true,
  status: true,
  statusReason: true,
  statusUntil: true,
  trustOverride: true,
  createdAt: true,
} as const;

type MemberRowSource = {
  id: string;
  name: string;
  handle: string;
  email: string;
  role: Role;
  status: UserStatus;
  statusReason: string | null;
  statusUntil: Date | null;
  trustOverride: TrustLevel | null;
  createdAt: Date;
};

function toMemberRow(row: MemberRowSource, trust: TrustLevel, now = new Date()): MemberRow {
  const block = accountBlock(row, now);
  return {
    id: row.id,
    name: row.name,
    handle: row.handle,
    email: row.email,
    role: row.role,
    status: block?.status ?? "ACTIVE",
    statusUntil: block?.until?.toISOString() ?? null,
    trustOverride: row.trustOverride,
    trust,
    joinedAt: row.createdAt.toISOString(),
  };
}

async function memberRowOf(tx: Tx, userId: string): Promise<MemberRow> {
  const row = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: memberRowSelect });
  return toMemberRow(row, (await getMemberTrust(tx, userId)).trust);
}

/**
 * Gives or takes away the moderator role (admins). Admins' own roles are not changed here. Asking for the
 * role the member already has changes nothing and records nothing.
 */
export async function setMemberRole(
  actor: SessionUser,
  input: SetRoleInput,
): Promise<{ member: MemberRow; changed: boolean }> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const target = await lockMember(tx, input.userId);
    if (target.id === actor.id) throw new AppError("FORBIDDEN", "You cannot change your own role.");
    if (target.role === "ADMIN") throw new AppError("FORBIDDEN", "An admin's role cannot be changed here.");
    const changed = target.role !== input.role;
    if (changed) {
      if (input.role === "MODERATOR" && accountBlock(target)) {
        throw new AppError("CONFLICT", "This member is suspended or banned: lift that first.");
      }
      await tx.user.update({ where: { id: target.id }, data: { role: input.role }, select: { id: true } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.role",
        targetType: "user",
        targetId: target.id,
        reason: input.role.toLowerCase(),
        data: { from: target.role, to: input.role },
      });
    }
    return { member: await memberRowOf(tx, target.id), changed };
  });
}

/**
 * Marks a member trusted or new by hand, or (null) goes back to the computed level (admins). Moderators and
 * admins are always trusted. Setting the level the member already has records nothing.
 */
export async function setMemberTrust(
  actor: SessionUser,
  input: SetTrustInput,
): Promise<{ member: MemberRow; changed: boolean }> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const target = await lockMember(tx, input.userId);
    if (isStaff(target.role)) {
      throw new AppError("CONFLICT", "Moderators and admins are always trusted.");
    }
    const changed = target.trustOverride !== input.trust;
    if (changed) {
      await tx.user.update({
        where: { id: target.id },
        data: { trustOverride: input.trust },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.trust",
        targetType: "user",
        targetId: target.id,
        reason: input.trust?.toLowerCase() ?? "automatic",
        data: { from: target.trustOverride, to: input.trust },
      });
    }
    return { member: await memberRowOf(tx, target.id), changed };
  });
}

/** `value` with LIKE's wildcards escaped (the default escape character is the backslash). */
function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Members by name, handle or email, in handle order, a page at a time (admins). A query with "@" matches
 * the start of email addresses (the email index); otherwise the start of handles or emails, or anywhere in
 * the name, case-insensitively, walking the handle index in order.
 */
export async function searchMembers(actor: SessionUser, input: MemberSearchInput): Promise<MemberSearchPage> {
  assertAdmin(actor);
  const q = input.q.trim().toLowerCase();
  // Any part of the name, handle or email: the User_*_trgm_idx trigram indexes serve these LIKE patterns
  // (handles and emails are stored lower-case).
  const pattern = `%${likeEscape(q)}%`;
  const filter =
    q === ""
      ? Prisma.sql`TRUE`
      : q.includes("@")
        ? Prisma.sql`"email" LIKE ${pattern}`
        : Prisma.sql`("handle" LIKE ${pattern} OR "email" LIKE ${pattern} OR "name" ILIKE ${pattern})`;
  const after = input.cursor ? Prisma.sql`AND "handle" > ${input.cursor}` : Prisma.empty;
  const rows = await db.$queryRaw<MemberRowSource[]>`
    SELECT "id", "name", "handle", "email", "role", "status", "statusReason", "statusUntil", "trustOverride",
           "createdAt"
    FROM "User"
    WHERE ${filter} ${after}
    ORDER BY "handle"
    LIMIT ${MEMBER_SEARCH_PAGE_SIZE + 1}`;
  const now = new Date();
  const page = rows.slice(0, MEMBER_SEARCH_PAGE_SIZE);
  const trust = await listMemberTrust(
    db,
    page.map((row) => row.id),
    now,
  );
  return {
    members: page.map((row) => toMemberRow(row, trust.get(row.id)?.trust ?? "NEW", now)),
    nextCursor: rows.length > MEMBER_SEARCH_PAGE_SIZE ? (page.at(-1)?.handle ?? null) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading

function isActiveSanction(
  sanction: { kind: SanctionKind; endsAt: Date | null; liftedAt: Date | null },
  now: Date,
): boolean {
  if (sanction.liftedAt) return false;
  if (sanction.kind === "SUSPENSION") return !!sanction.endsAt && sanction.endsAt > now;
  return true;
}

/** A member's moderation record for moderators and admins: standing, counts, sanctions and recent insights. */
export async function getMemberModerationRecord(
  actor: SessionUser,
  handle: string,
): Promise<MemberModerationRecord | null> {
  assertStaff(actor);
  const user = await db.user.findUnique({
    where: { handle },
    select: { ...memberRowSelect, headline: true },
  });
  if (!user) return null;
  const now = new Date();
  const [statusCounts, deleted, upheldReports, sanctions, insights, trust] = await Promise.all([
    db.insight.groupBy({
      by: ["status"],
      where: { authorId: user.id, deletedAt: null },
      _count: { _all: true },
    }),
    db.insight.count({ where: { authorId: user.id, deletedAt: { not: null } } }),
    db.report.count({ where: { authorId: user.id, resolution: "UPHELD" } }),
    db.sanction.findMany({
      where: { userId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: {
        id: true,
        kind: true,
        reason: true,
        createdAt: true,
        endsAt: true,
        liftedAt: true,
        removedInsightIds: true,
        issuedBy: { select: { name: true, handle: true } },
        liftedById: true,
      },
    }),
    db.insight.findMany({
      where: { authorId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_INSIGHTS_LIMIT,
      select: {
        id: true,
        status: true,
        deletedAt: true,
        body: true,
        createdAt: true,
        section: { select: { title: true, anchor: true, article: { select: { title: true, slug: true } } } },
      },
    }),
    getMemberTrust(db, user.id, now),
  ]);
  const lifterIds = [...new Set(sanctions.map((s) => s.liftedById).filter((id): id is string => !!id))];
  const lifters = lifterIds.length
    ? await db.user.findMany({
        where: { id: { in: lifterIds } },
        select: { id: true, name: true, handle: true },
      })
    : [];
  const lifterById = new Map(
    lifters.map((lifter) => [lifter.id, { name: lifter.name, handle: lifter.handle }]),
  );
  const count = (status: InsightStatus) =>
    statusCounts.find((row) => row.status === status)?._count._all ?? 0;
  const row = toMemberRow(user, trust.trust, now);
  const block = accountBlock(user, now);

  return {
    member: {
      id: user.id,
      name: user.name,
      handle: user.handle,
      email: actor.role === "ADMIN" ? user.email : null,
      headline: user.headline,
      role: user.role,
      status: row.status,
      statusReason: block?.reason ?? null,
      statusUntil: row.statusUntil,
      joinedAt: row.joinedAt,
      trustOverride: user.trustOverride,
      trust: trust.trust,
    },
    counts: {
      published: count("PUBLISHED"),
      pending: count("PENDING"),
      hidden: count("HIDDEN"),
      rejected: count("REJECTED"),
      removed: count("REMOVED"),
      deleted,
      upheldReports,
    },
    sanctions: sanctions.map((s) => ({
      id: s.id,
      kind: s.kind,
      reason: s.reason,
      createdAt: s.createdAt.toISOString(),
      endsAt: s.endsAt?.toISOString() ?? null,
      issuedBy: s.issuedBy,
      liftedAt: s.liftedAt?.toISOString() ?? null,
      liftedBy: s.liftedById ? (lifterById.get(s.liftedById) ?? null) : null,
      active: isActiveSanction(s, now),
      removedInsightCount: s.removedInsightIds.length,
    })),
    insights: insights.map((insight) => ({
      id: insight.id,
      status: insight.status,
      deleted: insight.deletedAt !== null,
      body: insight.body,
      createdAt: insight.createdAt.toISOString(),
      article: insight.section.article,
      section: { title: insight.section.title, anchor: insight.section.anchor },
    })),
    permissions: { sanction: maySanction(actor, user), lift: actor.role === "ADMIN" },
  };
}

/**
 * The actor's own standing, for settings: warnings of the past year and suspensions not lifted, newest
 * first. (A banned or currently suspended member cannot sign in to see it; they are told at sign-in.)
 */
export async function listOwnStanding(actor: SessionUser): Promise<StandingItem[]> {
  const now = new Date();
  const rows = await db.sanction.findMany({
    where: {
      userId: actor.id,
      liftedAt: null,
      kind: { in: ["WARNING", "SUSPENSION"] },
      createdAt: { gt: new Date(now.getTime() - STANDING_WINDOW_MS) },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: { id: true, kind: true, reason: true, createdAt: true, endsAt: true, liftedAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    active: isActiveSanction(row, now),
  }));
}
