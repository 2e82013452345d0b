// The vocabulary of moderation, shared by the review queue, the forms, notifications and public history:
// pure data, no I/O.
import type { DecisionReason, ReportReason, SanctionKind } from "@/lib/generated/prisma/enums";

/** Why a member reports an insight, as the report form lists them. */
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  SPAM: "Spam",
  HARASSMENT: "Harassment",
  MISLEADING: "Misleading",
  OFF_TOPIC: "Off-topic",
  OTHER: "Other",
};

/** Why a moderator rejects or removes an insight: shown to the author and on the public history. */
export const DECISION_REASON_LABELS: Record<DecisionReason, string> = {
  SPAM: "Spam",
  HARASSMENT: "Harassment",
  MISLEADING: "Misleading",
  OFF_TOPIC: "Off-topic",
  LOW_QUALITY: "Low quality",
  SELF_PROMOTION: "Self-promotion",
  PERSONAL_INFORMATION: "Personal information",
  OTHER: "Other",
};

export const SANCTION_LABELS: Record<SanctionKind, string> = {
  WARNING: "Warning",
  SUSPENSION: "Suspension",
  BAN: "Ban",
};

/** How long a suspension lasts: the choices moderators have. */
export const SUSPENSION_DAYS = [1, 7, 30] as const;
export type SuspensionDays = (typeof SUSPENSION_DAYS)[number];

/**
 * When this many different members have open reports on one published insight, it is hidden until a
 * moderator decides. Every report puts it in the queue.
 */
export const REPORTS_TO_HIDE = 3;

/** The longest appeal message. */
export const APPEAL_MAX = 500;

/** Every action the audit log records. Targets: insight, user, report, appeal, blocked-term, and editorial ones. */
export const AUDIT_ACTIONS = {
  "insight.approve": "Approved an insight",
  "insight.reject": "Rejected an insight",
  "insight.remove": "Removed an insight",
  "insight.restore": "Restored an insight",
  "insight.hide": "Hid an insight after reports",
  "appeal.uphold": "Upheld a decision on appeal",
  "appeal.overturn": "Overturned a decision on appeal",
  "user.warn": "Warned a member",
  "user.suspend": "Suspended a member",
  "user.ban": "Banned a member",
  "user.lift": "Lifted a sanction",
  "user.role": "Changed a member's role",
  "user.trust": "Set a member's trust level",
  "blocked-term.add": "Added a blocked term",
  "blocked-term.remove": "Removed a blocked term",
  "domain.create": "Created a domain",
  "domain.update": "Changed a domain",
  "domain.delete": "Deleted a domain",
  "article.create": "Created an article",
  "article.update": "Changed an article",
  "article.publish": "Published an article",
  "article.unpublish": "Unpublished an article",
  "article.schedule": "Scheduled an article",
  "sponsor.set": "Set a domain's sponsor",
  "sponsor.remove": "Removed a domain's sponsor",
  "inquiry.status": "Changed a sponsorship inquiry",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export type AuditTargetType =
  "insight" | "user" | "appeal" | "blocked-term" | "domain" | "article" | "sponsor" | "inquiry";

/**
 * The short public line an insight's revision history shows for a moderator's decision, or null for
 * actions that stay between moderators and the author.
 */
export function publicModerationLine(action: AuditAction, reason: DecisionReason | null): string | null {
  const why = reason ? `: ${DECISION_REASON_LABELS[reason]}` : "";
  switch (action) {
    case "insight.approve":
      return "Approved by a moderator";
    case "insight.reject":
      return `Rejected by a moderator${why}`;
    case "insight.remove":
      return `Removed by a moderator${why}`;
    case "insight.restore":
      return "Restored by a moderator";
    case "insight.hide":
      return "Hidden pending review after reports";
    case "appeal.uphold":
      return "Appeal reviewed: the decision stands";
    case "appeal.overturn":
      return "Appeal reviewed: the decision was reversed";
    default:
      return null;
  }
}
