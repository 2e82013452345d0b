import "server-only";
import {
  isAdmin,
  isStaff,
  mayChangeRole,
  mayLiftSanction,
  maySanction,
  type Viewer,
} from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

// The throwing forms of lib/domain/permissions.ts, for the data layer: each data function asks the pure
// predicate about the record it is about to touch and refuses with FORBIDDEN and a sentence the member can
// act on. Pages use the predicates (and forbidden()) directly.

/** Refuses unless `allowed`; the message says what the actor may not do. */
export function assertPermitted(allowed: boolean, message: string): asserts allowed {
  if (!allowed) throw new AppError("FORBIDDEN", message);
}

export function assertStaff(actor: Viewer, message = "Only moderators and admins can do this."): void {
  assertPermitted(isStaff(actor), message);
}

export function assertAdmin(actor: Viewer, message = "Only admins can do this."): void {
  assertPermitted(isAdmin(actor), message);
}

/** Warning, suspending or banning `target`, with the reason spelled out when it is refused. */
export function assertMaySanction(actor: Viewer, target: { id: string; role: Role }): void {
  assertStaff(actor);
  assertPermitted(actor?.id !== target.id, "You cannot sanction yourself.");
  assertPermitted(
    maySanction(actor, target),
    "You cannot sanction a moderator or admin of equal or higher rank.",
  );
}

export function assertMayLiftSanction(actor: Viewer, target: { id: string }): void {
  assertAdmin(actor);
  assertPermitted(mayLiftSanction(actor, target), "You cannot lift your own sanction.");
}

export function assertMayChangeRole(actor: Viewer, target: { id: string; role: Role }): void {
  assertAdmin(actor);
  assertPermitted(actor?.id !== target.id, "You cannot change your own role.");
  assertPermitted(mayChangeRole(actor, target), "An admin's role cannot be changed here.");
}
