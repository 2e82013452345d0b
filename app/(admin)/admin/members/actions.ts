"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { setMemberRole, setMemberTrust } from "@/lib/data/sanctions/member-admin";
import type { MemberRow } from "@/lib/data/sanctions/shared";
import { mayManageMembers } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/session";
import { setRoleSchema, setTrustSchema } from "@/lib/validation/sanctions";

// Roles and trust appear on no cached page: nothing to revalidate. Each answers with the member's row.

export async function setMemberRoleAction(input: unknown): Promise<ActionResult<MemberRow>> {
  return runAction(async () => {
    const user = await requireUser(mayManageMembers);
    const { member } = await setMemberRole(user, setRoleSchema.parse(input));
    return member;
  });
}

export async function setMemberTrustAction(input: unknown): Promise<ActionResult<MemberRow>> {
  return runAction(async () => {
    const user = await requireUser(mayManageMembers);
    const { member } = await setMemberTrust(user, setTrustSchema.parse(input));
    return member;
  });
}
