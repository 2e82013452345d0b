import "server-only";
import type { AuditAction } from "@/lib/domain/moderation";
import { AppError } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import type { Role, TrustLevel, UserStatus } from "@/lib/generated/prisma/enums";
import { type AuditRecord, recordAudit } from "../audit";
import type { Tx } from "../transaction";
import { accountBlock } from "../users";

// What sanctions and member administration share: the member's lock, the audit entry about them, and the
// member as a row of the admin's lists (who may act on whom is lib/domain/permissions.ts's question). Every
// change locks the member's row first (`SELECT … FOR NO KEY UPDATE`), so two moderators acting at once are
// serialised: the second sees what the first did and gets a CONFLICT instead of a second suspension. Each
// applied action writes exactly one audit row in the same transaction.

export const DAY_MS = 24 * 60 * 60 * 1000;

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

export type LockedMember = {
  id: string;
  name: string;
  handle: string;
  role: Role;
  status: UserStatus;
  statusReason: string | null;
  statusUntil: Date | null;
  trustOverride: TrustLevel | null;
};

/** Writes a change's one audit entry, about the member it was made to. */
export async function recordMemberAudit(
  tx: Tx,
  actorId: string,
  action: Extract<AuditAction, `user.${string}`>,
  memberId: string,
  entry: Pick<AuditRecord, "reason" | "note" | "data">,
): Promise<void> {
  await recordAudit(tx, { actorId, action, targetType: "user", targetId: memberId, ...entry });
}

/**
 * The member's row, locked until the transaction ends. FOR NO KEY UPDATE like lib/data/locks.ts: it queues
 * behind posting, editing and other sanctions of the same member, but not behind someone notifying or
 * reporting them (the KEY SHARE lock of a row that references them), so it cannot deadlock with a reaction.
 */
export async function lockMember(tx: Tx, userId: string): Promise<LockedMember> {
  const rows = await tx.$queryRaw<LockedMember[]>`
    SELECT "id", "name", "handle", "role", "status", "statusReason", "statusUntil", "trustOverride"
    FROM "User" WHERE "id" = ${userId} FOR NO KEY UPDATE`;
  const member = rows[0];
  if (!member) throw new AppError("NOT_FOUND", "Member not found.");
  return member;
}

export const memberRowSelect = {
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

/** What a member row is made from: the columns of memberRowSelect (the member search reads the same). */
export type MemberRowSource = Pick<User, keyof typeof memberRowSelect>;

export function toMemberRow(row: MemberRowSource, trust: TrustLevel, now = new Date()): MemberRow {
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
