import { describe, expect, it } from "vitest";
import { appErrorOf } from "@/lib/testing/integration";
import { createArticle, createInsight } from "@/prisma/factories";
import { getMemberModerationRecord } from "./member-record";
import { liftSanction, suspendMember, warnMember } from "./sanctions";
import { db, person, suspend } from "./testing";

describe("getMemberModerationRecord", () => {
  it("shows staff the member's standing, counts, sanctions and recent insights; email to admins only", async () => {
    const moderator = await person("MODERATOR");
    const admin = await person("ADMIN");
    const member = await person();
    const article = await createArticle(db);
    await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
    await createInsight(db, { sectionId: article.sections[1]!.id, authorId: member.id, status: "REJECTED" });
    await warnMember(moderator, { userId: member.id, message: "First" });
    const suspension = await suspendMember(moderator, suspend(member.id, 7, "Second"));

    const seenByModerator = await getMemberModerationRecord(moderator, member.handle);
    expect(seenByModerator).not.toBeNull();
    const record = seenByModerator!;
    expect(record.member).toMatchObject({
      id: member.id,
      email: null,
      status: "SUSPENDED",
      statusReason: "Second",
    });
    expect(record.counts).toMatchObject({ published: 1, rejected: 1, pending: 0, removed: 0, deleted: 0 });
    expect(record.sanctions.map((s) => [s.kind, s.reason, s.active])).toEqual([
      ["SUSPENSION", "Second", true],
      ["WARNING", "First", true],
    ]);
    expect(record.sanctions[0]!.issuedBy.handle).toBe(moderator.handle);
    expect(record.insights.map((i) => i.status).sort()).toEqual(["PUBLISHED", "REJECTED"]);
    expect(record.permissions).toEqual({ sanction: true, lift: false });

    await liftSanction(admin, { sanctionId: suspension.sanctionId });
    const seenByAdmin = (await getMemberModerationRecord(admin, member.handle))!;
    expect(seenByAdmin.member.email).toMatch(/@example\.test$/);
    expect(seenByAdmin.member.status).toBe("ACTIVE");
    expect(seenByAdmin.sanctions[0]).toMatchObject({ active: false, liftedBy: { handle: admin.handle } });
    expect(seenByAdmin.permissions).toEqual({ sanction: true, lift: true });

    expect((await getMemberModerationRecord(moderator, admin.handle))!.permissions.sanction).toBe(false);
    // An admin's own record offers nothing the server would refuse: no sanction, no lifting.
    expect((await getMemberModerationRecord(admin, admin.handle))!.permissions).toEqual({
      sanction: false,
      lift: false,
    });
    expect(await getMemberModerationRecord(moderator, "no-such-member")).toBeNull();
    expect((await appErrorOf(getMemberModerationRecord(member, member.handle))).code).toBe("FORBIDDEN");
  });
});
