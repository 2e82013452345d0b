import { describe, expect, it } from "vitest";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import {
  isAdmin,
  isStaff,
  mayAppeal,
  mayChangeRole,
  mayDecide,
  mayDecideAppeal,
  mayEditContent,
  mayEditInsight,
  mayLiftSanction,
  mayManageBlockedTerms,
  mayManageMembers,
  mayManageSponsorship,
  mayModerate,
  mayOverrideTrust,
  mayParticipate,
  mayReact,
  mayReport,
  maySanction,
  hasStaffRole,
  opensBackOffice,
  permissionsOf,
  type Viewer,
} from "./permissions";

// Every predicate is checked for every role × account status, plus a signed-out reader, on the actor's own
// record and on someone else's. The expectations are written out here by hand: the allowed combinations are
// listed, everything else must be refused.

const ROLES: Role[] = ["MEMBER", "MODERATOR", "ADMIN"];
const STATUSES: UserStatus[] = ["ACTIVE", "SUSPENDED", "BANNED"];
const ACTOR_ID = "actor";
const OTHER_ID = "someone-else";

type Who = `${Role}/${UserStatus}` | "signed out";
const everyone: { who: Who; viewer: Viewer }[] = [
  { who: "signed out", viewer: null },
  ...ROLES.flatMap((role) =>
    STATUSES.map((status) => ({ who: `${role}/${status}` as Who, viewer: { id: ACTOR_ID, role, status } })),
  ),
];

/** Checks `check` for every viewer: exactly the listed ones get true. */
function allows(check: (viewer: Viewer) => boolean, allowed: Who[]) {
  for (const { who, viewer } of everyone) {
    expect({ who, allowed: check(viewer) }).toEqual({ who, allowed: allowed.includes(who) });
  }
}

const own = { authorId: ACTOR_ID };
const others = { authorId: OTHER_ID };
const ACTIVE_ANYONE: Who[] = ["MEMBER/ACTIVE", "MODERATOR/ACTIVE", "ADMIN/ACTIVE"];
const ACTIVE_STAFF: Who[] = ["MODERATOR/ACTIVE", "ADMIN/ACTIVE"];
const ACTIVE_ADMIN: Who[] = ["ADMIN/ACTIVE"];

describe("roles", () => {
  it("staff are active moderators and admins", () => allows(isStaff, ACTIVE_STAFF));
  it("admins are active admins", () => allows(isAdmin, ACTIVE_ADMIN));
  it("a session user without a status counts as active", () => {
    expect(isStaff({ id: ACTOR_ID, role: "MODERATOR" })).toBe(true);
    expect(mayParticipate({ id: ACTOR_ID, role: "MEMBER" })).toBe(true);
  });
});

describe("members' own content", () => {
  it("any active member participates", () => allows(mayParticipate, ACTIVE_ANYONE));
  it("only the active author edits or deletes an insight", () => {
    allows((viewer) => mayEditInsight(viewer, own), ACTIVE_ANYONE);
    allows((viewer) => mayEditInsight(viewer, others), []);
  });
  it("active members react to others' insights, never their own", () => {
    allows((viewer) => mayReact(viewer, own), []);
    allows((viewer) => mayReact(viewer, others), ACTIVE_ANYONE);
  });
  it("active members report others' insights, never their own", () => {
    allows((viewer) => mayReport(viewer, own), []);
    allows((viewer) => mayReport(viewer, others), ACTIVE_ANYONE);
  });
  it("only the active author appeals", () => {
    allows((viewer) => mayAppeal(viewer, own), ACTIVE_ANYONE);
    allows((viewer) => mayAppeal(viewer, others), []);
  });
});

describe("moderation", () => {
  it("staff open the queue", () => allows(mayModerate, ACTIVE_STAFF));
  it("staff decide others' insights, never their own", () => {
    allows((viewer) => mayDecide(viewer, own), []);
    allows((viewer) => mayDecide(viewer, others), ACTIVE_STAFF);
  });
  it("an appeal goes to staff other than the author and the moderator who decided", () => {
    allows((viewer) => mayDecideAppeal(viewer, { authorId: OTHER_ID, decidedById: ACTOR_ID }), []);
    allows((viewer) => mayDecideAppeal(viewer, { authorId: ACTOR_ID, decidedById: OTHER_ID }), []);
    allows((viewer) => mayDecideAppeal(viewer, { authorId: OTHER_ID, decidedById: "third" }), ACTIVE_STAFF);
    allows((viewer) => mayDecideAppeal(viewer, { authorId: OTHER_ID, decidedById: null }), ACTIVE_STAFF);
  });
  it("sanctions go only below one's own rank, never to oneself", () => {
    allows((viewer) => maySanction(viewer, { id: OTHER_ID, role: "MEMBER" }), ACTIVE_STAFF);
    allows((viewer) => maySanction(viewer, { id: OTHER_ID, role: "MODERATOR" }), ACTIVE_ADMIN);
    allows((viewer) => maySanction(viewer, { id: OTHER_ID, role: "ADMIN" }), []);
    for (const role of ROLES) allows((viewer) => maySanction(viewer, { id: ACTOR_ID, role }), []);
  });
  it("admins lift others' sanctions, never their own", () => {
    allows((viewer) => mayLiftSanction(viewer, { id: OTHER_ID }), ACTIVE_ADMIN);
    allows((viewer) => mayLiftSanction(viewer, { id: ACTOR_ID }), []);
  });
  it("admins change members' and moderators' roles, never an admin's or their own", () => {
    allows((viewer) => mayChangeRole(viewer, { id: OTHER_ID, role: "MEMBER" }), ACTIVE_ADMIN);
    allows((viewer) => mayChangeRole(viewer, { id: OTHER_ID, role: "MODERATOR" }), ACTIVE_ADMIN);
    allows((viewer) => mayChangeRole(viewer, { id: OTHER_ID, role: "ADMIN" }), []);
    allows((viewer) => mayChangeRole(viewer, { id: ACTOR_ID, role: "ADMIN" }), []);
  });
});

describe("members' trust", () => {
  it("staff by role publish without review and are always trusted, whatever their standing", () => {
    expect(hasStaffRole({ role: "MEMBER" })).toBe(false);
    expect(hasStaffRole({ role: "MODERATOR" })).toBe(true);
    expect(hasStaffRole({ role: "ADMIN" })).toBe(true);
  });
  it("active admins set a member's trust by hand, never a moderator's or an admin's", () => {
    allows((viewer) => mayOverrideTrust(viewer, { role: "MEMBER" }), ACTIVE_ADMIN);
    allows((viewer) => mayOverrideTrust(viewer, { role: "MODERATOR" }), []);
    allows((viewer) => mayOverrideTrust(viewer, { role: "ADMIN" }), []);
  });
});

describe("editorial and operations", () => {
  it.each([
    ["members", mayManageMembers],
    ["content", mayEditContent],
    ["sponsorship", mayManageSponsorship],
    ["blocked terms", mayManageBlockedTerms],
  ] as const)("only active admins manage %s", (_name, check) => allows(check, ACTIVE_ADMIN));
});

describe("permissionsOf", () => {
  it("hands the UI exactly what the predicates say", () => {
    expect(permissionsOf(null)).toEqual({
      moderate: false,
      editContent: false,
      manageMembers: false,
      manageSponsorship: false,
    });
    expect(permissionsOf({ id: ACTOR_ID, role: "MODERATOR" })).toEqual({
      moderate: true,
      editContent: false,
      manageMembers: false,
      manageSponsorship: false,
    });
    expect(permissionsOf({ id: ACTOR_ID, role: "ADMIN" })).toEqual({
      moderate: true,
      editContent: true,
      manageMembers: true,
      manageSponsorship: true,
    });
    expect(permissionsOf({ id: ACTOR_ID, role: "ADMIN", status: "SUSPENDED" }).moderate).toBe(false);
  });

  it("opens the back office to whoever may run any part of it", () => {
    expect(opensBackOffice(permissionsOf({ id: ACTOR_ID, role: "ADMIN" }))).toBe(true);
    expect(opensBackOffice(permissionsOf({ id: ACTOR_ID, role: "MODERATOR" }))).toBe(false);
    expect(opensBackOffice(permissionsOf(null))).toBe(false);
  });
});
