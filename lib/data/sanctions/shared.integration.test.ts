import { describe, expect, it } from "vitest";
import { appErrorOf } from "@/lib/testing/integration";
import type { SessionUser } from "../users";
import { setMemberRole, setMemberTrust } from "./member-admin";
import { banMember, liftSanction, suspendMember, warnMember } from "./sanctions";
import { auditRows, person, sanctionsOf, suspend, userState } from "./testing";

// Who may act on whom: staff sanction members below their own rank, and only admins lift, change roles
// and set trust.
describe("who may sanction whom", () => {
  it("a member can neither warn, suspend nor ban, and nothing is written", async () => {
    const actor = await person("MEMBER");
    const target = await person("MEMBER");
    for (const attempt of [
      () => warnMember(actor, { userId: target.id, message: "Hello" }),
      () => suspendMember(actor, suspend(target.id)),
      () => banMember(actor, { userId: target.id, reason: "x", removeInsights: false }),
    ]) {
      expect((await appErrorOf(attempt())).code).toBe("FORBIDDEN");
    }
    expect(await sanctionsOf(target.id)).toEqual([]);
    expect(await auditRows(target.id)).toEqual([]);
    expect((await userState(target.id)).status).toBe("ACTIVE");
  });

  it("a moderator warns, suspends and bans a member", async () => {
    const moderator = await person("MODERATOR");
    const [a, b, c] = [await person(), await person(), await person()];
    await warnMember(moderator, { userId: a.id, message: "Please stay on topic." });
    await suspendMember(moderator, suspend(b.id, 1));
    await banMember(moderator, { userId: c.id, reason: "Abuse", removeInsights: false });
    expect((await sanctionsOf(a.id)).map((s) => s.kind)).toEqual(["WARNING"]);
    expect((await userState(a.id)).status).toBe("ACTIVE");
    expect((await userState(b.id)).status).toBe("SUSPENDED");
    expect(await userState(c.id)).toMatchObject({
      status: "BANNED",
      statusReason: "Abuse",
      statusUntil: null,
    });
  });

  it("a moderator cannot lift, change roles or set trust", async () => {
    const moderator = await person("MODERATOR");
    const member = await person();
    const { sanctionId } = await suspendMember(moderator, suspend(member.id));
    expect((await appErrorOf(liftSanction(moderator, { sanctionId }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(setMemberRole(moderator, { userId: member.id, role: "MODERATOR" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await appErrorOf(setMemberTrust(moderator, { userId: member.id, trust: "TRUSTED" }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await userState(member.id)).toMatchObject({
      status: "SUSPENDED",
      role: "MEMBER",
      trustOverride: null,
    });
    expect((await auditRows(member.id)).map((row) => row.action)).toEqual(["user.suspend"]);
  });

  it("nobody sanctions themselves or a staff member of equal or higher rank", async () => {
    const moderator = await person("MODERATOR");
    const otherModerator = await person("MODERATOR");
    const admin = await person("ADMIN");
    const otherAdmin = await person("ADMIN");
    const refusals: [SessionUser, SessionUser][] = [
      [moderator, moderator],
      [moderator, otherModerator],
      [moderator, admin],
      [admin, admin],
      [admin, otherAdmin],
    ];
    for (const [actor, target] of refusals) {
      for (const attempt of [
        () => warnMember(actor, { userId: target.id, message: "No" }),
        () => suspendMember(actor, suspend(target.id)),
        () => banMember(actor, { userId: target.id, reason: "No", removeInsights: true }),
      ]) {
        const error = await appErrorOf(attempt());
        expect(error.code).toBe("FORBIDDEN");
        expect(error.message).toMatch(actor.id === target.id ? /yourself/ : /equal or higher rank/);
      }
    }
    for (const target of [moderator, otherModerator, admin, otherAdmin]) {
      expect(await sanctionsOf(target.id)).toEqual([]);
      expect((await userState(target.id)).status).toBe("ACTIVE");
    }
  });

  it("an admin can sanction a moderator and lift it", async () => {
    const admin = await person("ADMIN");
    const moderator = await person("MODERATOR");
    const { sanctionId } = await suspendMember(admin, suspend(moderator.id, 30));
    expect((await userState(moderator.id)).status).toBe("SUSPENDED");
    await liftSanction(admin, { sanctionId });
    expect(await userState(moderator.id)).toMatchObject({
      status: "ACTIVE",
      statusReason: null,
      statusUntil: null,
    });
  });

  it("an unknown member is not found", async () => {
    const moderator = await person("MODERATOR");
    expect((await appErrorOf(warnMember(moderator, { userId: "nobody", message: "Hi" }))).code).toBe(
      "NOT_FOUND",
    );
  });
});
