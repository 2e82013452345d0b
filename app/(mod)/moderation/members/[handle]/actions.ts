"use server";

import { updateTag } from "next/cache";
import { after } from "next/server";
import { runAction, type ActionResult } from "@/lib/action-result";
import { getMemberModerationRecord, type MemberModerationRecord } from "@/lib/data/sanctions/member-record";
import {
  banMember,
  liftSanction,
  sanctionTags,
  suspendMember,
  warnMember,
  type SanctionChange,
} from "@/lib/data/sanctions/sanctions";
import { listLeaderboardTagsFor } from "@/lib/data/leaderboards";
import { AppError } from "@/lib/errors";
import { requestBadgeEvaluation } from "@/lib/jobs/badges";
import { requireRole, type SessionUser } from "@/lib/session";
import { banSchema, liftSanctionSchema, suspendSchema, warnSchema } from "@/lib/validation/sanctions";

// Each action answers with the member's refreshed record, so the page updates from the result.

/**
 * The pages that show the member's insights drop (or regain) them at once: the articles they appear on,
 * their profile and the insights a ban removed or a lift restored. Badges follow after the response.
 */
async function afterSanction(change: SanctionChange, { visibility }: { visibility: boolean }) {
  for (const tag of sanctionTags(change)) updateTag(tag);
  // A suspended or banned member leaves the leaderboards; a lift brings them back.
  if (visibility) for (const tag of await listLeaderboardTagsFor(change.userId)) updateTag(tag);
  if (visibility) after(() => requestBadgeEvaluation([change.userId]));
}

async function recordAfter(user: SessionUser, change: SanctionChange): Promise<MemberModerationRecord> {
  const record = await getMemberModerationRecord(user, change.handle);
  if (!record) throw new AppError("NOT_FOUND", "Member not found.");
  return record;
}

export async function warnMemberAction(input: unknown): Promise<ActionResult<MemberModerationRecord>> {
  return runAction(async () => {
    const user = await requireRole("MODERATOR", "ADMIN");
    const change = await warnMember(user, warnSchema.parse(input));
    return recordAfter(user, change);
  });
}

export async function suspendMemberAction(input: unknown): Promise<ActionResult<MemberModerationRecord>> {
  return runAction(async () => {
    const user = await requireRole("MODERATOR", "ADMIN");
    const change = await suspendMember(user, suspendSchema.parse(input));
    await afterSanction(change, { visibility: true });
    return recordAfter(user, change);
  });
}

export async function banMemberAction(input: unknown): Promise<ActionResult<MemberModerationRecord>> {
  return runAction(async () => {
    const user = await requireRole("MODERATOR", "ADMIN");
    const change = await banMember(user, banSchema.parse(input));
    await afterSanction(change, { visibility: true });
    return recordAfter(user, change);
  });
}

export async function liftSanctionAction(input: unknown): Promise<ActionResult<MemberModerationRecord>> {
  return runAction(async () => {
    const user = await requireRole("ADMIN");
    const change = await liftSanction(user, liftSanctionSchema.parse(input));
    await afterSanction(change, { visibility: change.articleIds.length > 0 || change.insightIds.length > 0 });
    return recordAfter(user, change);
  });
}
