// What the sanctions integration tests share: their database client, members of each role, and reads of
// what a sanction left behind (the member's state, their sanctions, the audit rows about them).
import { sessionOf, testDatabase } from "@/lib/testing/integration";
import { createUser } from "@/prisma/factories";
import type { SessionUser } from "../users";

export const db = testDatabase(3);

export const DAY = 24 * 60 * 60 * 1000;

export async function person(
  role: SessionUser["role"] = "MEMBER",
  overrides: Parameters<typeof createUser>[1] = {},
) {
  return sessionOf(await createUser(db, { role, createdAt: new Date(Date.now() - 60 * DAY), ...overrides }));
}

export function auditRows(targetId: string) {
  return db.auditEntry.findMany({
    where: { targetType: "user", targetId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, actorId: true, note: true, reason: true, data: true },
  });
}

export function sanctionsOf(userId: string) {
  return db.sanction.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, liftedAt: true, endsAt: true, removedInsightIds: true },
  });
}

export function userState(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { status: true, statusReason: true, statusUntil: true, role: true, trustOverride: true },
  });
}

export const suspend = (userId: string, days: 1 | 7 | 30 = 7, reason = "Repeated spam") => ({
  userId,
  days,
  reason,
});
