import { z } from "zod";
import { cursorCodec, cursorId, cursorTimestamp } from "@/lib/cursor";
import { APPEAL_MAX, AUDIT_ACTIONS, type AuditAction } from "@/lib/domain/moderation";
import { SLUG_PATTERN } from "@/lib/domain/slug-shape";
import { RECORD_ID_PATTERN } from "./text";

// Zod schemas for reports, decisions and appeals: the same schema checks the form and the server action.

const id = z.string().min(1).max(64);

export const NOTE_MAX = 500;

/** Must match the ReportReason enum of the schema. */
export const REPORT_REASONS = ["SPAM", "HARASSMENT", "MISLEADING", "OFF_TOPIC", "OTHER"] as const;
/** Must match the DecisionReason enum of the schema. */
export const DECISION_REASONS = [
  "SPAM",
  "HARASSMENT",
  "MISLEADING",
  "OFF_TOPIC",
  "LOW_QUALITY",
  "SELF_PROMOTION",
  "PERSONAL_INFORMATION",
  "OTHER",
] as const;
export const QUEUE_KINDS = ["pending", "reported", "hidden", "appeal"] as const;
export const AUDIT_TARGET_TYPES = [
  "insight",
  "user",
  "appeal",
  "blocked-term",
  "domain",
  "article",
  "sponsor",
  "inquiry",
] as const;

/** An optional free-text note: trimmed, empty means none. */
const optionalNote = z
  .string()
  .trim()
  .max(NOTE_MAX, `Keep the note to ${NOTE_MAX} characters.`)
  .optional()
  .transform((note) => (note ? note : undefined));

export const reportInsightSchema = z
  .object({
    insightId: id,
    reason: z.enum(REPORT_REASONS, "Choose a reason."),
    note: optionalNote,
  })
  .superRefine((input, ctx) => {
    if (input.reason === "OTHER" && !input.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Tell us what is wrong with it." });
    }
  });
export type ReportInsightInput = z.infer<typeof reportInsightSchema>;

const ISO_MS = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`;
const VERSION_PATTERN = new RegExp(`^${ISO_MS}(\\+${ISO_MS})?$`);

/**
 * A queue item's version: when it joined the queue and, once its author edited it, when its text last
 * changed ("<queuedAt>" or "<queuedAt>+<editedAt>", ISO). A decision carrying a version the item no longer
 * has is refused, so a moderator never decides on text they did not see.
 */
export function queueItemVersion(queuedAt: string, editedAt: string | null): string {
  return editedAt ? `${queuedAt}+${editedAt}` : queuedAt;
}

/** The queue item's version as the moderator saw it (see queueItemVersion). */
const seenVersion = z.string().max(60).regex(VERSION_PATTERN, "This item's version is not valid.");

/** A reject or remove decision: a reason from the list and an optional note, both shown to the author. */
export const decisionSchema = z.object({
  insightId: id,
  version: seenVersion.optional(),
  reason: z.enum(DECISION_REASONS, "Choose a reason."),
  note: optionalNote,
});
export type DecisionInput = z.infer<typeof decisionSchema>;

/** What the decision form itself holds (the insight's id travels alongside). */
export const decisionFormSchema = decisionSchema.pick({ reason: true, note: true });
export type DecisionFormInput = z.input<typeof decisionFormSchema>;

/** Approve and restore need only the insight. */
export const insightTargetSchema = z.object({ insightId: id, version: seenVersion.optional() });
export type InsightTargetInput = z.infer<typeof insightTargetSchema>;

/** One queue item, to be shown again as it stands now. */
export const queueItemSchema = z.object({ insightId: id });

export const appealSchema = z.object({
  insightId: id,
  message: z
    .string()
    .trim()
    .min(1, "Tell the moderators why the decision should change.")
    .max(APPEAL_MAX, `Keep it to ${APPEAL_MAX} characters.`),
});
export type AppealInput = z.infer<typeof appealSchema>;

export const decideAppealSchema = z.object({
  appealId: id,
  outcome: z.enum(["UPHELD", "OVERTURNED"], "Choose an outcome."),
  note: optionalNote,
});
export type DecideAppealInput = z.infer<typeof decideAppealSchema>;

/**
 * Approve or reject several selected items at once, each with the version the moderator saw; rejecting
 * needs a reason. An item listed twice counts once (its first version).
 */
export const bulkDecisionSchema = z
  .object({
    items: z
      .array(z.object({ insightId: id, version: seenVersion }))
      .min(1, "Select at least one item.")
      .max(100, "Select at most 100 items at once.")
      .transform((items) =>
        items.filter(
          (item, index) => items.findIndex((other) => other.insightId === item.insightId) === index,
        ),
      ),
    action: z.enum(["approve", "reject"]),
    reason: z.enum(DECISION_REASONS, "Choose a reason.").optional(),
    note: optionalNote,
  })
  .superRefine((input, ctx) => {
    if (input.action === "reject" && !input.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Choose a reason." });
    }
  });
export type BulkDecisionInput = z.infer<typeof bulkDecisionSchema>;

/** Queue filters as they arrive from the URL: unknown or empty values mean "all". */
export const queueFiltersSchema = z.object({
  kind: z.enum(QUEUE_KINDS).optional().catch(undefined),
  domainSlug: z.string().trim().min(1).max(80).regex(SLUG_PATTERN).optional().catch(undefined),
  reason: z.enum(REPORT_REASONS).optional().catch(undefined),
});
export type QueueFiltersInput = z.infer<typeof queueFiltersSchema>;

/** A page of the queue or the log starts after this item: when it was queued (or logged), and its id. */
export const moderationPageCursor = cursorCodec(z.object({ at: cursorTimestamp, id: cursorId }));

const pageCursor = z
  .string()
  .max(200)
  .refine((cursor) => moderationPageCursor.decode(cursor) !== null, "That page does not exist.");

export const loadMoreQueueSchema = z.object({
  filters: queueFiltersSchema.default({}),
  cursor: pageCursor,
});
export type LoadMoreQueueInput = z.infer<typeof loadMoreQueueSchema>;

const auditActions = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

/** Audit log filters as they arrive from the URL: unknown or empty values mean "all". */
export const auditLogFiltersSchema = z.object({
  action: z.enum(auditActions).optional().catch(undefined),
  actorHandle: z.string().trim().toLowerCase().min(1).max(30).regex(SLUG_PATTERN).optional().catch(undefined),
  targetType: z.enum(AUDIT_TARGET_TYPES).optional().catch(undefined),
  targetId: z.string().trim().min(1).max(60).regex(RECORD_ID_PATTERN).optional().catch(undefined),
  /** a cursor that is not one means the first page */
  cursor: pageCursor.optional().catch(undefined),
});
export type AuditLogFiltersInput = z.infer<typeof auditLogFiltersSchema>;
