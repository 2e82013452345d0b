"use server";

import { after } from "next/server";
import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags } from "@/lib/cache-expiry";
import { getMemberModerationRecord, type MemberModerationRecord } from "@/lib/data/sanctions/member-record";
import {
  banMember,
  liftSanction,
  suspendMember,
  warnMember,
  type SanctionChange,
} from "@/lib/data/sanctions/sanctions";
import { isAdmin, isStaff } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import { requestBadgeEvaluation } from "@/lib/jobs/badges";
import { requireUser, type SessionUser } from "@/lib/session";
import { banSchema, liftSanctionSchema, suspendSchema, warnSchema } from "@/lib/validation/sanctions";

// Each action answers with the member's refreshed record, so the page updates from the result.

/**
 * The pages the sanction changed expire at once (the member's articles, profile, insights and leaderboards);
 * when their insights left the pages or came back, their badges follow after the response.
 */
async function afterSanction(user: SessionUser, change: SanctionChange): Promise<MemberModerationRecord> {
  await expireTags(change);
  if (change.visibilityChanged) after(() => requestBadgeEvaluation([change.userId]));
  const record = await getMemberModerationRecord(user, change.handle);
  if (!record) throw new AppError("NOT_FOUND", "Member not found.");
  return record;
}

export async function warnMemberAction(input: unknown): Promise<ActionResult<MemberModerationRecord>> {
  return runAction(async () => {
    const user = await requireUser(isStaff);
    return afterSanction(user, await warnMember(user, warnSchema.parse(input)));
  });
}

export async function suspendMemberAction(input: unknown): Promise<ActionResult<MemberModerationRecord>> {
  return runAction(async () => {
    const user = await requireUser(isStaff);
    return afterSanction(user, await suspendMember(user, suspendSchema.parse(input)));
  });
}

export async function banMemberAction(input: unknown): Promise<ActionResult<MemberModerationRecord>> {
  return runAction(async () => {
    const user = await requireUser(isStaff);
    return afterSanction(user, await banMember(user, banSchema.parse(input)));
  });
}

export async function liftSanctionAction(input: unknown): Promise<ActionResult<MemberModerationRecord>> {
  return runAction(async () => {
    const user = await requireUser(isAdmin);
    return afterSanction(user, await liftSanction(user, liftSanctionSchema.parse(input)));
  });
}
