import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { addInsightAction } from "@/lib/actions/insights";
import { reactAction } from "@/lib/actions/reactions";
import { tags } from "@/lib/cache-tags";
import { appErrorOf, session } from "@/lib/testing/integration";
import { createArticle, createInsight, FACTORY_INSIGHT_BODY } from "@/prisma/factories";
import { listSectionInsights } from "../content";
import { getAccountState } from "../users";
import { listOwnStanding } from "./member-record";
import {
  BAN_REMOVAL_NOTE,
  banMember,
  endExpiredSuspensions,
  liftSanction,
  suspendMember,
  warnMember,
} from "./sanctions";
import { auditRows, DAY, db, person, sanctionsOf, suspend, userState } from "./testing";

// The data layer against a real PostgreSQL; the post and react actions as a browser calls them (the
// badge queue is stood in for).
await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));
vi.mock("@/lib/jobs/badges", () => ({ requestBadgeEvaluation: vi.fn(() => Promise.resolve()) }));

describe("sanctions take effect at the next request", () => {
  it("a suspended member is blocked with the reason and end, and cannot post or react", async () => {
    const moderator = await person("MODERATOR");
    const member = await person();
    const article = await createArticle(db);
    const author = await person();
    const theirs = await createInsight(db, { sectionId: article.sections[0]!.id, authorId: author.id });
    expect((await getAccountState(member.id)).user?.id).toBe(member.id);

    const before = Date.now();
    await suspendMember(moderator, suspend(member.id, 7, "Repeated spam"));
    const { user, block } = await getAccountState(member.id);
    expect(user).toBeNull();
    expect(block).toMatchObject({ status: "SUSPENDED", reason: "Repeated spam" });
    const until = block!.until!.getTime();
    expect(until).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(until).toBeLessThanOrEqual(Date.now() + 7 * DAY);

    session.userId = member.id;
    const posted = await addInsightAction({
      sectionId: article.sections[1]!.id,
      body: `${FACTORY_INSIGHT_BODY} Posted while suspended.`,
      idempotencyKey: randomUUID(),
    });
    expect(posted).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(posted.ok ? "" : posted.message).toContain("Repeated spam");
    const reacted = await reactAction({ insightId: theirs.id, kind: "LIKE" });
    expect(reacted).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.insight.count({ where: { authorId: member.id } })).toBe(0);
    expect(await db.reaction.count({ where: { insightId: theirs.id } })).toBe(0);
  });

  it("a suspended author's insights leave the pages, and the change names the pages to refresh", async () => {
    const moderator = await person("MODERATOR");
    const member = await person();
    const article = await createArticle(db);
    const section = article.sections[0]!;
    await createInsight(db, { sectionId: section.id, authorId: member.id });
    const listed = () =>
      listSectionInsights(article.id, section.id, { order: "newest", offset: 0, limit: 10 });
    expect((await listed())?.total).toBe(1);

    const { domain } = await db.article.findUniqueOrThrow({
      where: { id: article.id },
      select: { domain: { select: { id: true, parentId: true } } },
    });

    const change = await suspendMember(moderator, suspend(member.id));

    expect((await listed())?.total).toBe(0);
    expect(change.articleIds).toEqual([article.id]);
    expect(change.visibilityChanged).toBe(true);
    expect(change.tags).toEqual([
      tags.article(article.id),
      tags.memberHandle(member.handle),
      tags.member(member.id),
      tags.leaderboard(domain.id),
      ...(domain.parentId ? [tags.leaderboard(domain.parentId)] : []),
    ]);
  });

  it("a banned member is blocked with the reason and no end", async () => {
    const moderator = await person("MODERATOR");
    const member = await person();
    await banMember(moderator, { userId: member.id, reason: "Harassment", removeInsights: false });
    expect(await getAccountState(member.id)).toEqual({
      user: null,
      block: { status: "BANNED", reason: "Harassment", until: null },
    });
  });
});

describe("warnings, suspensions and bans: records, notifications and audit", () => {
  it("a warning notifies the member with the message and writes one audit row", async () => {
    const moderator = await person("MODERATOR");
    const member = await person();
    const change = await warnMember(moderator, { userId: member.id, message: "Please cite sources." });
    // A warning shows on no page readers see.
    expect(change).toMatchObject({ visibilityChanged: false, tags: [] });
    const notifications = await db.notification.findMany({
      where: { userId: member.id },
      select: { kind: true, message: true, groupKey: true },
    });
    expect(notifications).toEqual([
      { kind: "MEMBER_WARNED", message: "Please cite sources.", groupKey: `sanction:${change.sanctionId}` },
    ]);
    expect(await auditRows(member.id)).toEqual([
      {
        action: "user.warn",
        actorId: moderator.id,
        note: "Please cite sources.",
        reason: null,
        data: { sanctionId: change.sanctionId },
      },
    ]);
    expect(await listOwnStanding(member)).toMatchObject([
      { id: change.sanctionId, kind: "WARNING", reason: "Please cite sources.", active: true, endsAt: null },
    ]);
  });

  it("a suspension notifies the member of its end and reason; a ban notifies nobody", async () => {
    const moderator = await person("MODERATOR");
    const suspended = await person();
    const banned = await person();
    const change = await suspendMember(moderator, suspend(suspended.id, 1, "Off-topic posting"));
    await banMember(moderator, { userId: banned.id, reason: "Spam", removeInsights: false });
    const state = await userState(suspended.id);
    const notice = await db.notification.findMany({
      where: { userId: suspended.id },
      select: { kind: true, reason: true, message: true, groupKey: true },
    });
    expect(notice).toEqual([
      {
        kind: "MEMBER_SUSPENDED",
        reason: state.statusUntil!.toISOString(),
        message: "Off-topic posting",
        groupKey: `sanction:${change.sanctionId}`,
      },
    ]);
    expect(await db.notification.count({ where: { userId: banned.id } })).toBe(0);
    expect((await auditRows(suspended.id)).map((row) => [row.action, row.reason, row.note])).toEqual([
      ["user.suspend", "1 day", "Off-topic posting"],
    ]);
    expect((await auditRows(banned.id)).map((row) => [row.action, row.note])).toEqual([["user.ban", "Spam"]]);
  });

  it("suspending a member who is already suspended or banned is a conflict that changes nothing", async () => {
    const moderator = await person("MODERATOR");
    const member = await person();
    await suspendMember(moderator, suspend(member.id, 1));
    const error = await appErrorOf(suspendMember(moderator, suspend(member.id, 30)));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/already suspended until/);
    const banned = await person();
    await banMember(moderator, { userId: banned.id, reason: "Spam", removeInsights: false });
    expect((await appErrorOf(suspendMember(moderator, suspend(banned.id)))).code).toBe("CONFLICT");
    expect(
      (await appErrorOf(banMember(moderator, { userId: banned.id, reason: "x", removeInsights: true }))).code,
    ).toBe("CONFLICT");
    expect((await sanctionsOf(member.id)).length).toBe(1);
    expect((await sanctionsOf(banned.id)).length).toBe(1);
    expect((await auditRows(member.id)).length).toBe(1);
    expect((await auditRows(banned.id)).length).toBe(1);
  });

  it("a member whose suspension ended can be suspended again", async () => {
    const moderator = await person("MODERATOR");
    const member = await person();
    await db.user.update({
      where: { id: member.id },
      data: { status: "SUSPENDED", statusReason: "Old", statusUntil: new Date(Date.now() - 1000) },
    });
    await suspendMember(moderator, suspend(member.id, 7, "Again"));
    expect(await userState(member.id)).toMatchObject({ status: "SUSPENDED", statusReason: "Again" });
  });

  it("two moderators suspending at once make one suspension, one notification and one audit row", async () => {
    const [first, second] = [await person("MODERATOR"), await person("MODERATOR")];
    const member = await person();
    const results = await Promise.allSettled([
      suspendMember(first, suspend(member.id, 1, "From the first")),
      suspendMember(second, suspend(member.id, 30, "From the second")),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const rows = await sanctionsOf(member.id);
    expect(rows.filter((s) => s.kind === "SUSPENSION" && !s.liftedAt)).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: member.id } })).toBe(1);
    expect((await auditRows(member.id)).map((row) => row.action)).toEqual(["user.suspend"]);
    // The account carries the reason and end of the suspension that won.
    const winner = await db.sanction.findFirstOrThrow({
      where: { userId: member.id },
      select: { reason: true, endsAt: true },
    });
    expect(await userState(member.id)).toMatchObject({
      statusReason: winner.reason,
      statusUntil: winner.endsAt,
    });
  });
});

describe("a ban that removes all insights, and its lift", () => {
  async function memberWithInsights() {
    const member = await person();
    const article = await createArticle(db, {
      sections: Array.from({ length: 6 }, (_, i) => ({ title: `S${i}`, body: "Body." })),
    });
    const other = await createArticle(db);
    const [s0, s1, s2, s3, s4, s5] = article.sections;
    const published = [
      await createInsight(db, { sectionId: s0!.id, authorId: member.id }),
      await createInsight(db, { sectionId: other.sections[0]!.id, authorId: member.id }),
    ];
    const pending = await createInsight(db, { sectionId: s1!.id, authorId: member.id, status: "PENDING" });
    const queuedAt = new Date(Date.now() - DAY);
    await db.insight.update({ where: { id: pending.id }, data: { queuedAt } });
    const hidden = await createInsight(db, { sectionId: s2!.id, authorId: member.id });
    await db.insight.update({
      where: { id: hidden.id },
      data: { status: "HIDDEN", queuedAt, openReportCount: 3 },
    });
    const rejected = await createInsight(db, { sectionId: s3!.id, authorId: member.id, status: "REJECTED" });
    await db.insight.update({
      where: { id: rejected.id },
      data: { decisionReason: "SPAM", decisionNote: "Link farm", decidedAt: queuedAt },
    });
    const removedEarlier = await createInsight(db, {
      sectionId: s4!.id,
      authorId: member.id,
      status: "REMOVED",
    });
    const deleted = await createInsight(db, { sectionId: s5!.id, authorId: member.id });
    await db.insight.update({
      where: { id: deleted.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });
    return {
      member,
      articles: [article.id, other.id],
      published,
      pending,
      hidden,
      rejected,
      removedEarlier,
      deleted,
      queuedAt,
    };
  }

  function statesOf(authorId: string) {
    return db.insight.findMany({
      where: { authorId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        status: true,
        queuedAt: true,
        openReportCount: true,
        decidedById: true,
        decidedAt: true,
        decisionReason: true,
        decisionNote: true,
        deletedAt: true,
        publishedAt: true,
      },
    });
  }

  it("removes exactly the published, hidden and pending insights, and lifting puts each back as it was", async () => {
    const moderator = await person("MODERATOR");
    const admin = await person("ADMIN");
    const m = await memberWithInsights();
    const before = await statesOf(m.member.id);
    const removable = [...m.published.map((i) => i.id), m.pending.id, m.hidden.id].sort();

    const change = await banMember(moderator, {
      userId: m.member.id,
      reason: "Spam ring",
      removeInsights: true,
    });

    expect([...change.insightIds].sort()).toEqual(removable);
    expect([...change.articleIds].sort()).toEqual([...m.articles].sort());
    const after = await statesOf(m.member.id);
    const removed = after.filter((row) => removable.includes(row.id));
    expect(removed).toHaveLength(4);
    for (const row of removed) {
      expect(row).toMatchObject({
        status: "REMOVED",
        queuedAt: null,
        decidedById: moderator.id,
        decisionReason: "OTHER",
        decisionNote: BAN_REMOVAL_NOTE,
      });
    }
    // Everything else is untouched.
    expect(after.filter((row) => !removable.includes(row.id))).toEqual(
      before.filter((row) => !removable.includes(row.id)),
    );
    const [ban] = await sanctionsOf(m.member.id);
    expect([...ban!.removedInsightIds].sort()).toEqual(removable);
    expect(await db.insight.count({ where: { authorId: m.member.id, status: "REMOVED" } })).toBe(5);
    expect(await db.insight.count({ where: { queuedAt: { not: null }, authorId: m.member.id } })).toBe(0);

    const lifted = await liftSanction(admin, { sanctionId: change.sanctionId });

    expect([...lifted.insightIds].sort()).toEqual(removable);
    expect(lifted.visibilityChanged).toBe(true);
    expect(lifted.tags).toEqual(expect.arrayContaining(removable.map((id) => tags.insight(id))));
    expect([...lifted.articleIds].sort()).toEqual([...m.articles].sort());
    expect(await statesOf(m.member.id)).toEqual(before);
    expect(
      await db.insight.count({ where: { authorId: m.member.id, status: "PUBLISHED", deletedAt: null } }),
    ).toBe(2);
    expect(await userState(m.member.id)).toMatchObject({ status: "ACTIVE", statusReason: null });
    expect((await auditRows(m.member.id)).map((row) => row.action)).toEqual(["user.ban", "user.lift"]);
    expect(
      await db.notification.findMany({ where: { userId: m.member.id }, select: { kind: true } }),
    ).toEqual([{ kind: "SANCTION_LIFTED" }]);
  });

  it("a ban without removal leaves every insight as it is", async () => {
    const moderator = await person("MODERATOR");
    const m = await memberWithInsights();
    const before = await statesOf(m.member.id);
    const change = await banMember(moderator, { userId: m.member.id, reason: "Spam", removeInsights: false });
    expect(change.insightIds).toEqual([]);
    expect(await statesOf(m.member.id)).toEqual(before);
  });

  it("an insight restored by hand in the meantime is left alone by the lift", async () => {
    const moderator = await person("MODERATOR");
    const admin = await person("ADMIN");
    const m = await memberWithInsights();
    const { sanctionId } = await banMember(moderator, {
      userId: m.member.id,
      reason: "Spam",
      removeInsights: true,
    });
    // A moderator restores one and later removes it again for a reason of their own.
    const later = new Date(Date.now() + 1000);
    await db.insight.update({
      where: { id: m.published[0]!.id },
      data: { status: "REMOVED", decidedAt: later, decisionReason: "HARASSMENT", decisionNote: "Separate" },
    });
    const lifted = await liftSanction(admin, { sanctionId });
    expect(lifted.insightIds).toHaveLength(3);
    expect(lifted.insightIds).not.toContain(m.published[0]!.id);
    expect(
      await db.insight.findUniqueOrThrow({ where: { id: m.published[0]!.id }, select: { status: true } }),
    ).toEqual({
      status: "REMOVED",
    });
  });
});

describe("lifting", () => {
  it("lifting a suspension ends it, notifies the member and refuses a second lift", async () => {
    const moderator = await person("MODERATOR");
    const admin = await person("ADMIN");
    const member = await person();
    const { sanctionId } = await suspendMember(moderator, suspend(member.id, 30));
    await liftSanction(admin, { sanctionId });
    expect((await getAccountState(member.id)).user?.id).toBe(member.id);
    const [row] = await sanctionsOf(member.id);
    expect(row!.liftedAt).not.toBeNull();
    const again = await appErrorOf(liftSanction(admin, { sanctionId }));
    expect(again.code).toBe("CONFLICT");
    expect((await auditRows(member.id)).map((r) => r.action)).toEqual(["user.suspend", "user.lift"]);
    expect(await listOwnStanding(member)).toEqual([]);
  });

  it("a suspension that already ended cannot be lifted", async () => {
    const moderator = await person("MODERATOR");
    const admin = await person("ADMIN");
    const member = await person();
    const { sanctionId } = await suspendMember(moderator, suspend(member.id, 1));
    await db.sanction.update({ where: { id: sanctionId }, data: { endsAt: new Date(Date.now() - 1000) } });
    expect((await appErrorOf(liftSanction(admin, { sanctionId }))).code).toBe("CONFLICT");
  });

  it("lifting a ban also ends a suspension still running under it", async () => {
    const moderator = await person("MODERATOR");
    const admin = await person("ADMIN");
    const member = await person();
    await suspendMember(moderator, suspend(member.id, 30));
    const ban = await banMember(moderator, { userId: member.id, reason: "Worse", removeInsights: false });
    await liftSanction(admin, { sanctionId: ban.sanctionId });
    expect((await sanctionsOf(member.id)).map((s) => s.liftedAt !== null)).toEqual([true, true]);
    expect((await userState(member.id)).status).toBe("ACTIVE");
    expect((await auditRows(member.id)).map((r) => r.action)).toEqual([
      "user.suspend",
      "user.ban",
      "user.lift",
    ]);
  });

  it("lifting a warning withdraws it from the member's standing without touching the account", async () => {
    const moderator = await person("MODERATOR");
    const admin = await person("ADMIN");
    const member = await person();
    const { sanctionId } = await warnMember(moderator, { userId: member.id, message: "Careful" });
    const lifted = await liftSanction(admin, { sanctionId });
    expect(lifted).toMatchObject({
      visibilityChanged: false,
      tags: [tags.memberHandle(member.handle), tags.member(member.id)],
    });
    expect(await listOwnStanding(member)).toEqual([]);
    expect((await userState(member.id)).status).toBe("ACTIVE");
    expect((await auditRows(member.id)).map((r) => r.action)).toEqual(["user.warn", "user.lift"]);
  });

  it("an unknown sanction is not found", async () => {
    const admin = await person("ADMIN");
    expect((await appErrorOf(liftSanction(admin, { sanctionId: "nope" }))).code).toBe("NOT_FOUND");
  });
});

describe("endExpiredSuspensions", () => {
  it("makes members whose suspension ended active again and names their pages; others stay", async () => {
    const member = await person();
    const running = await person();
    const banned = await person();
    const article = await createArticle(db);
    await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
    const { domain } = await db.article.findUniqueOrThrow({
      where: { id: article.id },
      select: { domain: { select: { id: true, parentId: true } } },
    });
    const past = new Date(Date.now() - 1000);
    await db.user.update({
      where: { id: member.id },
      data: { status: "SUSPENDED", statusReason: "x", statusUntil: past },
    });
    await db.user.update({
      where: { id: running.id },
      data: { status: "SUSPENDED", statusReason: "y", statusUntil: new Date(Date.now() + DAY) },
    });
    await db.user.update({ where: { id: banned.id }, data: { status: "BANNED", statusReason: "z" } });

    const { userIds, tags: pageTags } = await endExpiredSuspensions();

    expect(userIds).toContain(member.id);
    expect(userIds).not.toContain(running.id);
    expect(userIds).not.toContain(banned.id);
    expect(pageTags).toEqual(
      expect.arrayContaining([
        tags.article(article.id),
        tags.memberHandle(member.handle),
        tags.member(member.id),
        tags.leaderboard(domain.id),
        ...(domain.parentId ? [tags.leaderboard(domain.parentId)] : []),
      ]),
    );
    expect(pageTags).not.toContain(tags.member(running.id));
    expect(await userState(member.id)).toMatchObject({
      status: "ACTIVE",
      statusReason: null,
      statusUntil: null,
    });
    expect((await userState(running.id)).status).toBe("SUSPENDED");
    expect((await userState(banned.id)).status).toBe("BANNED");
    expect((await endExpiredSuspensions()).userIds).not.toContain(member.id);
  });
});
