import "server-only";
import { db } from "@/lib/db";
import { mayManageMembers } from "@/lib/domain/permissions";
import { isTrustedByRole } from "@/lib/domain/trust";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MemberSearchInput, SetRoleInput, SetTrustInput } from "@/lib/validation/sanctions";
import { assertAdmin, assertMayChangeRole, assertPermitted } from "../permissions";
import type { Tx } from "../transaction";
import { getMemberTrust, listMemberTrust } from "../trust";
import { accountBlock, type SessionUser } from "../users";
import type { MemberRow, MemberRowSource } from "./shared";
import { lockMember, memberRowSelect, recordMemberAudit, toMemberRow } from "./shared";

const ADMINS_ONLY = "Only admins can do this.";

// Member administration (admins): the member search, the moderator role and trust overrides.

export const MEMBER_SEARCH_PAGE_SIZE = 20;
export type MemberSearchPage = { members: MemberRow[]; nextCursor: string | null };

async function memberRowOf(tx: Tx, userId: string): Promise<MemberRow> {
  const row = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: memberRowSelect });
  return toMemberRow(row, (await getMemberTrust(tx, userId)).trust);
}

/**
 * Gives or takes away the moderator role (admins). Admins' own roles are not changed here. Asking for the
 * role the member already has changes nothing and records nothing.
 */
export async function setMemberRole(
  actor: SessionUser,
  input: SetRoleInput,
): Promise<{ member: MemberRow; changed: boolean }> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const target = await lockMember(tx, input.userId);
    assertMayChangeRole(actor, target);
    const changed = target.role !== input.role;
    if (changed) {
      if (input.role === "MODERATOR" && accountBlock(target)) {
        throw new AppError("CONFLICT", "This member is suspended or banned: lift that first.");
      }
      await tx.user.update({ where: { id: target.id }, data: { role: input.role }, select: { id: true } });
      await recordMemberAudit(tx, actor.id, "user.role", target.id, {
        reason: input.role.toLowerCase(),
        data: { from: target.role, to: input.role },
      });
    }
    return { member: await memberRowOf(tx, target.id), changed };
  });
}

/**
 * Marks a member trusted or new by hand, or (null) goes back to the computed level (admins). Moderators and
 * admins are always trusted. Setting the level the member already has records nothing.
 */
export async function setMemberTrust(
  actor: SessionUser,
  input: SetTrustInput,
): Promise<{ member: MemberRow; changed: boolean }> {
  assertPermitted(mayManageMembers(actor), ADMINS_ONLY);
  return db.$transaction(async (tx) => {
    const target = await lockMember(tx, input.userId);
    if (isTrustedByRole(target.role)) {
      throw new AppError("CONFLICT", "Moderators and admins are always trusted.");
    }
    const changed = target.trustOverride !== input.trust;
    if (changed) {
      await tx.user.update({
        where: { id: target.id },
        data: { trustOverride: input.trust },
        select: { id: true },
      });
      await recordMemberAudit(tx, actor.id, "user.trust", target.id, {
        reason: input.trust?.toLowerCase() ?? "automatic",
        data: { from: target.trustOverride, to: input.trust },
      });
    }
    return { member: await memberRowOf(tx, target.id), changed };
  });
}

/** `value` with LIKE's wildcards escaped (the default escape character is the backslash). */
function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Members by name, handle or email, in handle order, a page at a time (admins). A query with "@" matches
 * the start of email addresses (the email index); otherwise the start of handles or emails, or anywhere in
 * the name, case-insensitively, walking the handle index in order.
 */
export async function searchMembers(actor: SessionUser, input: MemberSearchInput): Promise<MemberSearchPage> {
  assertPermitted(mayManageMembers(actor), ADMINS_ONLY);
  const q = input.q.trim().toLowerCase();
  // Any part of the name, handle or email: the User_*_trgm_idx trigram indexes serve these LIKE patterns
  // (handles and emails are stored lower-case).
  const pattern = `%${likeEscape(q)}%`;
  const filter =
    q === ""
      ? Prisma.sql`TRUE`
      : q.includes("@")
        ? Prisma.sql`"email" LIKE ${pattern}`
        : Prisma.sql`("handle" LIKE ${pattern} OR "email" LIKE ${pattern} OR "name" ILIKE ${pattern})`;
  const after = input.cursor ? Prisma.sql`AND "handle" > ${input.cursor}` : Prisma.empty;
  const rows = await db.$queryRaw<MemberRowSource[]>`
    SELECT "id", "name", "handle", "email", "role", "status", "statusReason", "statusUntil", "trustOverride",
           "createdAt"
    FROM "User"
    WHERE ${filter} ${after}
    ORDER BY "handle"
    LIMIT ${MEMBER_SEARCH_PAGE_SIZE + 1}`;
  const now = new Date();
  const page = rows.slice(0, MEMBER_SEARCH_PAGE_SIZE);
  const trust = await listMemberTrust(
    db,
    page.map((row) => row.id),
    now,
  );
  return {
    members: page.map((row) => toMemberRow(row, trust.get(row.id)?.trust ?? "NEW", now)),
    nextCursor: rows.length > MEMBER_SEARCH_PAGE_SIZE ? (page.at(-1)?.handle ?? null) : null,
  };
}
