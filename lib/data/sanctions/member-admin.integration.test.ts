import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appErrorOf } from "@/lib/testing/integration";
import { createUser } from "@/prisma/factories";
import { MEMBER_SEARCH_PAGE_SIZE, searchMembers, setMemberRole, setMemberTrust } from "./member-admin";
import { auditRows, DAY, db, person, userState } from "./testing";

describe("roles and trust", () => {
  it("an admin grants and revokes the moderator role, one audit row per change", async () => {
    const admin = await person("ADMIN");
    const member = await person();
    const granted = await setMemberRole(admin, { userId: member.id, role: "MODERATOR" });
    expect(granted).toMatchObject({ changed: true, member: { id: member.id, role: "MODERATOR" } });
    // Asking again changes and records nothing.
    expect((await setMemberRole(admin, { userId: member.id, role: "MODERATOR" })).changed).toBe(false);
    await setMemberRole(admin, { userId: member.id, role: "MEMBER" });
    expect((await userState(member.id)).role).toBe("MEMBER");
    expect((await auditRows(member.id)).map((r) => [r.action, r.data])).toEqual([
      ["user.role", { from: "MEMBER", to: "MODERATOR" }],
      ["user.role", { from: "MODERATOR", to: "MEMBER" }],
    ]);
  });

  it("an admin cannot change their own or another admin's role, nor make a suspended member a moderator", async () => {
    const admin = await person("ADMIN");
    const otherAdmin = await person("ADMIN");
    const suspended = await person("MEMBER", {
      status: "SUSPENDED",
      statusReason: "x",
      statusUntil: new Date(Date.now() + DAY),
    });
    expect((await appErrorOf(setMemberRole(admin, { userId: admin.id, role: "MEMBER" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await appErrorOf(setMemberRole(admin, { userId: otherAdmin.id, role: "MODERATOR" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await appErrorOf(setMemberRole(admin, { userId: suspended.id, role: "MODERATOR" }))).code).toBe(
      "CONFLICT",
    );
    expect((await userState(otherAdmin.id)).role).toBe("ADMIN");
    expect((await userState(suspended.id)).role).toBe("MEMBER");
  });

  it("an admin marks a member trusted or new by hand and back to automatic, logged", async () => {
    const admin = await person("ADMIN");
    const member = await person();
    await setMemberTrust(admin, { userId: member.id, trust: "TRUSTED" });
    expect((await userState(member.id)).trustOverride).toBe("TRUSTED");
    expect((await setMemberTrust(admin, { userId: member.id, trust: "TRUSTED" })).changed).toBe(false);
    await setMemberTrust(admin, { userId: member.id, trust: "NEW" });
    const reset = await setMemberTrust(admin, { userId: member.id, trust: null });
    expect(reset.member.trustOverride).toBeNull();
    expect((await auditRows(member.id)).map((r) => [r.action, r.reason, r.data])).toEqual([
      ["user.trust", "trusted", { from: null, to: "TRUSTED" }],
      ["user.trust", "new", { from: "TRUSTED", to: "NEW" }],
      ["user.trust", "automatic", { from: "NEW", to: null }],
    ]);
  });

  it("staff are always trusted: no override for them", async () => {
    const admin = await person("ADMIN");
    const moderator = await person("MODERATOR");
    expect((await appErrorOf(setMemberTrust(admin, { userId: moderator.id, trust: "NEW" }))).code).toBe(
      "CONFLICT",
    );
    expect((await userState(moderator.id)).trustOverride).toBeNull();
  });
});

describe("searchMembers", () => {
  const token = randomBytes(4).toString("hex");
  async function seed() {
    const people = [];
    for (let i = 0; i < MEMBER_SEARCH_PAGE_SIZE + 3; i++) {
      people.push(
        await createUser(db, {
          handle: `srch-${token}-${String(i).padStart(2, "0")}`,
          name: `Ada Q${token.toUpperCase()} Lovelace ${i}`,
          email: `person-${token}-${i}@Example.test`,
        }),
      );
    }
    return people;
  }

  it("finds members by any part of handle, email or name, case-insensitively, a page at a time", async () => {
    const admin = await person("ADMIN");
    const people = await seed();
    const first = await searchMembers(admin, { q: `srch-${token}` });
    expect(first.members.map((m) => m.handle)).toEqual(
      people.slice(0, MEMBER_SEARCH_PAGE_SIZE).map((p) => p.handle),
    );
    expect(first.nextCursor).toBe(people[MEMBER_SEARCH_PAGE_SIZE - 1]!.handle);
    const second = await searchMembers(admin, { q: `srch-${token}`, cursor: first.nextCursor! });
    expect(second.members.map((m) => m.handle)).toEqual(
      people.slice(MEMBER_SEARCH_PAGE_SIZE).map((p) => p.handle),
    );
    expect(second.nextCursor).toBeNull();

    const byEmail = await searchMembers(admin, { q: `person-${token}-7@example.test` });
    expect(byEmail.members.map((m) => m.id)).toEqual([people[7]!.id]);
    expect(byEmail.members[0]).toMatchObject({
      email: `person-${token}-7@example.test`,
      role: "MEMBER",
      status: "ACTIVE",
    });

    // Part of a handle, and the middle of an email address.
    expect((await searchMembers(admin, { q: `${token}-07` })).members.map((m) => m.id)).toEqual([
      people[7]!.id,
    ]);
    expect((await searchMembers(admin, { q: `${token}-7@example` })).members.map((m) => m.id)).toEqual([
      people[7]!.id,
    ]);

    const byName = await searchMembers(admin, { q: `q${token} lovelace 1` });
    expect(byName.members.map((m) => m.handle).sort()).toEqual(
      people
        .filter((_, i) => String(i).startsWith("1"))
        .map((p) => p.handle)
        .sort(),
    );
    // LIKE wildcards in the query are plain characters.
    expect((await searchMembers(admin, { q: `srch-${token}%` })).members).toEqual([]);
    expect((await searchMembers(admin, { q: `srch_${token}` })).members).toEqual([]);
  });

  it("is for admins only", async () => {
    for (const role of ["MEMBER", "MODERATOR"] as const) {
      expect((await appErrorOf(searchMembers(await person(role), { q: "" }))).code).toBe("FORBIDDEN");
    }
  });
});
