import "server-only";
import type { AuditAction, AuditTargetType } from "@/lib/domain/moderation";
import type {
  AppealStatus,
  DecisionReason,
  InsightStatus,
  ReportReason,
  UserStatus,
} from "@/lib/generated/prisma/enums";
import type { SessionUser } from "./users";

// The moderation data layer: the review queue, decisions, reports, appeals and the audit log.

export type QueueKind = "pending" | "reported" | "hidden" | "appeal";
export type QueueFilters = { kind?: QueueKind; domainSlug?: string; reason?: ReportReason };
export type QueueItem = {
  insightId: string;
  kind: QueueKind;
  queuedAt: string;
  status: InsightStatus;
  body: string;
  createdAt: string;
  editedAt: string | null;
  article: { title: string; slug: string };
  section: { title: string; anchor: string; body: string };
  domain: { name: string; slug: string };
  author: {
    id: string;
    name: string;
    handle: string;
    joinedAt: string;
    trust: "NEW" | "TRUSTED";
    status: UserStatus;
    published: number;
    rejected: number;
    removed: number;
  };
  autoFlags: { code: string; label: string }[];
  reports: { reason: ReportReason; note: string | null; createdAt: string; reporterHandle: string }[];
  decision: {
    reason: DecisionReason | null;
    note: string | null;
    decidedAt: string;
    moderatorName: string;
  } | null;
  appeal: { id: string; message: string; createdAt: string; moderatorId: string | null } | null;
};
export type QueuePage = { items: QueueItem[]; nextCursor: string | null };
export type ModerationChange = {
  insightId: string;
  articleId: string;
  authorId: string;
  authorHandle: string;
  status: InsightStatus;
};
export type OwnModerationNote = {
  reason: DecisionReason | null;
  note: string | null;
  decidedAt: string | null;
  appeal: { status: AppealStatus; createdAt: string } | null;
  canAppeal: boolean;
};
export type AuditLogFilters = {
  action?: AuditAction;
  actorHandle?: string;
  targetType?: AuditTargetType;
  targetId?: string;
  cursor?: string;
};
export type AuditLogEntry = {
  id: string;
  at: string;
  actor: { name: string; handle: string };
  action: AuditAction;
  actionLabel: string;
  targetType: string;
  targetId: string;
  targetLabel: string | null;
  targetHref: string | null;
  reason: string | null;
  note: string | null;
};
export type AuditLogPage = { entries: AuditLogEntry[]; nextCursor: string | null };

export const QUEUE_PAGE_SIZE = 20;
export const AUDIT_PAGE_SIZE = 50;

function notYet(): never {
  throw new Error("not implemented yet");
}

export async function listModerationQueue(
  _actor: SessionUser,
  _filters: QueueFilters,
  _cursor?: string,
): Promise<QueuePage> {
  return notYet();
}

export async function countModerationQueue(_actor: SessionUser): Promise<number> {
  return notYet();
}

export async function approveInsight(
  _actor: SessionUser,
  _input: { insightId: string },
): Promise<ModerationChange> {
  return notYet();
}

export async function rejectInsight(
  _actor: SessionUser,
  _input: { insightId: string; reason: DecisionReason; note?: string },
): Promise<ModerationChange> {
  return notYet();
}

export async function removeInsight(
  _actor: SessionUser,
  _input: { insightId: string; reason: DecisionReason; note?: string },
): Promise<ModerationChange> {
  return notYet();
}

export async function restoreInsight(
  _actor: SessionUser,
  _input: { insightId: string },
): Promise<ModerationChange> {
  return notYet();
}

export async function bulkDecide(
  _actor: SessionUser,
  _input: { insightIds: string[]; action: "approve" | "reject"; reason?: DecisionReason; note?: string },
): Promise<{ changes: ModerationChange[]; alreadyHandled: string[] }> {
  return notYet();
}

export async function reportInsight(
  _actor: SessionUser,
  _input: { insightId: string; reason: ReportReason; note?: string },
): Promise<{ hidden: boolean; change: ModerationChange | null }> {
  return notYet();
}

export async function appealDecision(
  _actor: SessionUser,
  _input: { insightId: string; message: string },
): Promise<{ appealId: string }> {
  return notYet();
}

export async function decideAppeal(
  _actor: SessionUser,
  _input: { appealId: string; outcome: "UPHELD" | "OVERTURNED"; note?: string },
): Promise<ModerationChange> {
  return notYet();
}

export async function listOwnModerationNotes(
  _actor: SessionUser,
  _insightIds: string[],
): Promise<Record<string, OwnModerationNote>> {
  return notYet();
}

export async function listViewerReports(_actor: SessionUser, _insightIds: string[]): Promise<string[]> {
  return notYet();
}

export async function listPublicModerationLines(_insightId: string): Promise<{ line: string; at: string }[]> {
  return notYet();
}

export async function listAuditLog(_actor: SessionUser, _filters: AuditLogFilters): Promise<AuditLogPage> {
  return notYet();
}
