import "server-only";
import type { UserStatus } from "@/lib/generated/prisma/enums";
import type { Tx } from "./transaction";
import type { SessionUser } from "./users";

export type LockedMember = {
  id: string;
  createdAt: Date;
  role: SessionUser["role"];
  status: UserStatus;
  statusReason: string | null;
  statusUntil: Date | null;
};

/**
 * Serialises the writes that concern one member (posting, editing, sanctions) by locking their row until the
 * transaction ends, and reads it afresh; null when there is no such member.
 *
 * FOR NO KEY UPDATE, not FOR UPDATE: it conflicts with itself, so those writes queue, but not with the KEY
 * SHARE lock PostgreSQL takes on the member when another transaction inserts a row that references them (a
 * notification or a report about their insight). Someone reacting to the member's insight, which locks the
 * insight and then notifies its author, therefore never deadlocks with the author editing that insight,
 * which locks the author and then the insight.
 */
export async function lockMember(tx: Tx, userId: string): Promise<LockedMember | null> {
  const rows = await tx.$queryRaw<LockedMember[]>`
    SELECT "id", "createdAt", "role", "status", "statusReason", "statusUntil"
    FROM "User" WHERE "id" = ${userId} FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}
