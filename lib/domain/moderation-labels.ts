// Words the moderation screens and the author's own view share. Pure data: client and server import it.
import type { AppealStatus, InsightStatus } from "@/lib/generated/prisma/enums";

export type QueueKindName = "pending" | "reported" | "hidden" | "appeal";

export const QUEUE_KIND_LABELS: Record<QueueKindName, string> = {
  pending: "Awaiting review",
  reported: "Reported",
  hidden: "Hidden after reports",
  appeal: "Appeal",
};

/** The filter's wording: plural, as a list of items. */
export const QUEUE_KIND_FILTER_LABELS: Record<QueueKindName, string> = {
  pending: "Awaiting review",
  reported: "Reported",
  hidden: "Hidden after reports",
  appeal: "Appeals",
};

export const TRUST_LABELS = { NEW: "New member", TRUSTED: "Trusted member" } as const;

/** How an author sees the status of their own insight. */
export const OWN_STATUS_LABELS: Record<InsightStatus, string> = {
  PENDING: "Awaiting review",
  PUBLISHED: "Published",
  REJECTED: "Not published",
  REMOVED: "Removed by a moderator",
  HIDDEN: "Hidden pending review",
};

export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  OPEN: "Appeal pending",
  UPHELD: "Appeal decided: the decision stands",
  OVERTURNED: "Appeal decided: the decision was reversed",
};

export const APPEALED_MODERATOR_MESSAGE = "You decided this item; another moderator must decide the appeal.";
export const OWN_INSIGHT_APPEAL_MESSAGE =
  "This is your own insight; another moderator must decide the appeal.";
