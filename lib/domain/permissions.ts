import type { Role, UserStatus } from "@/lib/generated/prisma/enums";

// Who may do what, in one place. Every rule is a pure predicate over the acting member and the record they
// act on; pages, routes, the data layer and the permission flags handed to the UI all ask here. The data
// layer's throwing forms (`assert…`) live in lib/data/permissions.ts beside the code that reads the records.
//
// `null` is a signed-out reader. `status` is the account's standing as read for this request: a session
// user (lib/session.ts) is always ACTIVE, because suspended and banned accounts get no session user; the
// data layer passes the status it re-reads inside a transaction, so a suspension that began mid-session
// stops the next write.

export type Actor = { id: string; role: Role; status?: UserStatus };
export type Viewer = Actor | null;

/** Higher ranks may sanction lower ones, never their equals. */
const RANK: Record<Role, number> = { MEMBER: 0, MODERATOR: 1, ADMIN: 2 };

function isActive(actor: Viewer): actor is Actor {
  return actor !== null && (actor.status ?? "ACTIVE") === "ACTIVE";
}

/** Whether the record is the actor's own; a signed-out reader owns nothing. */
function owns(actor: Viewer, record: { authorId: string }): boolean {
  return actor !== null && record.authorId === actor.id;
}

function isSelf(actor: Viewer, target: { id: string }): boolean {
  return actor !== null && actor.id === target.id;
}

// ---- Roles --------------------------------------------------------------------------------------------------

/**
 * Staff by role alone, whatever the account's standing: their insights skip review and the automatic
 * checks, and they always count as trusted (lib/domain/trust.ts, lib/domain/insight-rules.ts).
 */
export function hasStaffRole(subject: { role: Role }): boolean {
  return subject.role === "MODERATOR" || subject.role === "ADMIN";
}

/** Moderators and admins: the review queue, reports, decisions, sanctions below their rank. */
export function isStaff(actor: Viewer): boolean {
  return isActive(actor) && (actor.role === "MODERATOR" || actor.role === "ADMIN");
}

/** Admins: the editorial back office, sponsorship, blocked terms, roles and trust, lifting sanctions. */
export function isAdmin(actor: Viewer): boolean {
  return isActive(actor) && actor.role === "ADMIN";
}

// ---- Members' own content -----------------------------------------------------------------------------------

/** Posting, reacting, reporting, following, answering "Like this article?": any active member. */
export function mayParticipate(actor: Viewer): actor is Actor {
  return isActive(actor);
}

/** Editing or deleting an insight: its author only, while their account is active. */
export function mayEditInsight(actor: Viewer, insight: { authorId: string }): boolean {
  return isActive(actor) && owns(actor, insight);
}

/** Reacting to an insight: any active member, except to their own. */
export function mayReact(actor: Viewer, insight: { authorId: string }): boolean {
  return isActive(actor) && !owns(actor, insight);
}

/** Reporting an insight: any active member, except their own. */
export function mayReport(actor: Viewer, insight: { authorId: string }): boolean {
  return isActive(actor) && !owns(actor, insight);
}

/** Appealing a moderation decision: the insight's author only. */
export function mayAppeal(actor: Viewer, insight: { authorId: string }): boolean {
  return isActive(actor) && owns(actor, insight);
}

// ---- Moderation -----------------------------------------------------------------------------------------------

/** Opening the review queue, the audit log and members' moderation records. */
export function mayModerate(actor: Viewer): boolean {
  return isStaff(actor);
}

/** Approving, rejecting, removing or restoring an insight: staff, never on their own insight. */
export function mayDecide(actor: Viewer, insight: { authorId: string }): boolean {
  return isStaff(actor) && !owns(actor, insight);
}

/** Deciding an appeal: staff other than the author and other than the moderator whose decision is appealed. */
export function mayDecideAppeal(
  actor: Viewer,
  appeal: { authorId: string; decidedById: string | null },
): boolean {
  const contested = appeal.decidedById;
  return mayDecide(actor, appeal) && (contested === null || !isSelf(actor, { id: contested }));
}

/** Warning, suspending or banning: staff, not themselves, and only members below their own rank. */
export function maySanction(actor: Viewer, target: { id: string; role: Role }): boolean {
  return isStaff(actor) && !isSelf(actor, target) && RANK[target.role] < RANK[actor?.role ?? "MEMBER"];
}

/** Lifting a sanction: admins, never their own. */
export function mayLiftSanction(actor: Viewer, target: { id: string }): boolean {
  return isAdmin(actor) && !isSelf(actor, target);
}

/** Granting or taking the moderator role: admins, not their own role, never another admin's. */
export function mayChangeRole(actor: Viewer, target: { id: string; role: Role }): boolean {
  return isAdmin(actor) && !isSelf(actor, target) && target.role !== "ADMIN";
}

/** Overriding a member's trust level, searching members, reading members' email addresses. */
export function mayManageMembers(actor: Viewer): boolean {
  return isAdmin(actor);
}

/** Setting a member's trust by hand: admins, for members only (staff are always trusted). */
export function mayOverrideTrust(actor: Viewer, target: { role: Role }): boolean {
  return mayManageMembers(actor) && !hasStaffRole(target);
}

// ---- Editorial and operations ---------------------------------------------------------------------------------

/** Domains, articles, sections, publishing, previewing drafts and reading what readers said. */
export function mayEditContent(actor: Viewer): boolean {
  return isAdmin(actor);
}

/** Sponsor inquiries and sponsors. */
export function mayManageSponsorship(actor: Viewer): boolean {
  return isAdmin(actor);
}

/** The blocked terms the automatic checks hold insights for. */
export function mayManageBlockedTerms(actor: Viewer): boolean {
  return isAdmin(actor);
}

// ---- What the UI is told ----------------------------------------------------------------------------------------

export type ViewerPermissions = {
  moderate: boolean;
  editContent: boolean;
  manageMembers: boolean;
  manageSponsorship: boolean;
};

/** The back office (/admin) gathers content, members and sponsorship: who may run one of them opens it. */
export function opensBackOffice(permissions: ViewerPermissions): boolean {
  return permissions.editContent || permissions.manageMembers || permissions.manageSponsorship;
}

/** The flags the header and menus show links by; the server re-checks every one of them on use. */
export function permissionsOf(actor: Viewer): ViewerPermissions {
  return {
    moderate: mayModerate(actor),
    editContent: mayEditContent(actor),
    manageMembers: mayManageMembers(actor),
    manageSponsorship: mayManageSponsorship(actor),
  };
}
