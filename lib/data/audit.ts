import "server-only";
import type { AuditAction, AuditTargetType } from "@/lib/domain/moderation";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "./transaction";

export type AuditRecord = {
  actorId: string;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  /** a reason code (DecisionReason, ReportReason) or a short reason */
  reason?: string | null;
  note?: string | null;
  data?: Prisma.InputJsonValue;
};

/**
 * Writes one audit entry. Call it inside the transaction that makes the change, so the entry exists exactly
 * when the change does. Entries can never be changed or deleted (a trigger refuses it).
 */
export async function recordAudit(tx: Tx, entry: AuditRecord): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      reason: entry.reason ?? null,
      note: entry.note ?? null,
      ...(entry.data === undefined ? {} : { data: entry.data }),
    },
    select: { id: true },
  });
}
