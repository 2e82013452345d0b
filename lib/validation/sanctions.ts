import { z } from "zod";
import { SUSPENSION_DAYS } from "@/lib/domain/moderation";
import { SLUG_PATTERN } from "@/lib/domain/slug-shape";
import { plainText } from "./text";

// Zod schemas for sanctions, member roles and trust overrides: the same schema checks the form and the
// server action.

const id = z.string().min(1).max(64);

/** The longest warning message or sanction reason (Sanction.reason, User.statusReason). */
export const SANCTION_TEXT_MAX = 500;

const sanctionText = (missing: string) =>
  plainText().trim().min(1, missing).max(SANCTION_TEXT_MAX, `Keep it to ${SANCTION_TEXT_MAX} characters.`);

export const warnSchema = z.object({
  userId: id,
  message: sanctionText("Write the warning the member will read."),
});
export type WarnInput = z.infer<typeof warnSchema>;

export const suspendSchema = z.object({
  userId: id,
  days: z.literal(SUSPENSION_DAYS, `Choose ${SUSPENSION_DAYS.join(", ")} days.`),
  reason: sanctionText("Give a reason: the member sees it."),
});
export type SuspendInput = z.infer<typeof suspendSchema>;

export const banSchema = z.object({
  userId: id,
  reason: sanctionText("Give a reason: the member sees it when they try to sign in."),
  /** also remove every insight of theirs that is published, hidden or awaiting review (restored on lift) */
  removeInsights: z.boolean().default(false),
});
export type BanInput = z.infer<typeof banSchema>;

export const liftSanctionSchema = z.object({ sanctionId: id });
export type LiftSanctionInput = z.infer<typeof liftSanctionSchema>;

/** Roles an admin can give; making someone an admin is not done from the members page. */
export const ASSIGNABLE_ROLES = ["MEMBER", "MODERATOR"] as const;

export const setRoleSchema = z.object({
  userId: id,
  role: z.enum(ASSIGNABLE_ROLES, "Choose Member or Moderator."),
});
export type SetRoleInput = z.infer<typeof setRoleSchema>;

/** null: no override, trust is computed from the member's history. */
export const setTrustSchema = z.object({
  userId: id,
  trust: z.enum(["NEW", "TRUSTED"], "Choose New, Trusted or Automatic.").nullable(),
});
export type SetTrustInput = z.infer<typeof setTrustSchema>;

/** What the forms themselves hold (the member's id travels alongside). */
export const warnFormSchema = warnSchema.pick({ message: true });
export type WarnFormInput = z.infer<typeof warnFormSchema>;
export const suspendFormSchema = suspendSchema.pick({ days: true, reason: true });
export type SuspendFormInput = z.infer<typeof suspendFormSchema>;
export const banFormSchema = banSchema.pick({ reason: true }).extend({ removeInsights: z.boolean() });
export type BanFormInput = z.infer<typeof banFormSchema>;

/** The admin member search as it arrives from the URL: anything odd means "no filter" / "first page". */
export const memberSearchSchema = z.object({
  q: plainText().trim().toLowerCase().max(100).catch(""),
  /** the handle the previous page ended with */
  cursor: z.string().max(64).regex(SLUG_PATTERN).optional().catch(undefined),
});
export type MemberSearchInput = z.infer<typeof memberSearchSchema>;
