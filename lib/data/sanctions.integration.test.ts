import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addInsightAction } from "@/lib/actions/insights";
import { reactAction } from "@/lib/actions/reactions";
import { tags } from "@/lib/cache-tags";
import { AppError } from "@/lib/errors";
import { closeAppConnections, rejectionOf } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createInsight, createUser, FACTORY_INSIGHT_BODY } from "@/prisma/factories";
import { listSectionInsights } from "./content";
import {
  banMember,
  BAN_REMOVAL_NOTE,
  endExpiredSuspensions,
  getMemberModerationRecord,
  liftSanction,
  listOwnStanding,
  MEMBER_SEARCH_PAGE_SIZE,
  sanctionTags,
  searchMembers,
  setMemberRole,
  setMemberTrust,
  suspendMember,
  warnMember,
} from "./sanctions";
import { getAccountState, type SessionUser } from "./users";

// The data layer against a real PostgreSQL; the post and react actions as a browser calls them (the session
// says who is signed in, Next's cache and after() are stood in for, the badge queue is recorded).
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: () => Promise.resolve(session.userId ? { user: { id: session.userId } } : null),
}));
vi.mock("@/lib/auth", () => ({ authOptions: {} }));
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn, updateTag: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));
vi.mock("@/lib/jobs/badges", () => ({ requestBadgeEvaluation: vi.fn(() => Promise.resolve()) }));

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

beforeEach(() => {
  session.userId = null;
});

const DAY = 24 * 60 * 60 * 1000;
type Role = SessionUser["role"];

function sessionOf(user: { id: string; name: string; handle: string; role: Role }): SessionUser {
  return { id: user.id, name: user.name, handle: user.handle, headline: "", role: user.role };
}

async function person(role: Role = "MEMBER", overrides: Parameters<typeof createUser>[1] = {}) {
  return sessionOf(await createUser(db, { role, createdAt: new Date(Date.now() - 60 * DAY), ...overrides }));
}

/** The AppError `promise` rejected with; fails the test when it resolved or threw something else. */
async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function auditRows(targetId: string) {
  return db.auditEntry.findMany({
    where: { targetType: "user", targetId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, actorId: true, note: true, reason: true, data: true },
  });
}

function sanctionsOf(userId: string) {
  return db.sanction.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, liftedAt: true, endsAt: true, removedInsightIds: true },
  });
}

function userState(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { status: true, statusReason: true, statusUntil: true, role: true, trustOverride: true },
  });
}

const suspend = (userId: string, days: 1 | 7 | 30 = 7, reason = "Repeated spam") => ({
  userId,
  days,
  reason,
});

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

    const change = await suspendMember(moderator, suspend(member.id));

    expect((await listed())?.total).toBe(0);
    expect(change.articleIds).toEqual([article.id]);
    expect(sanctionTags(change)).toEqual([
      tags.article(article.id),
      tags.memberHandle(member.handle),
      tags.member(member.id),
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
    await liftSanction(admin, { sanctionId });
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
    expect(await getMemberModerationRecord(moderator, "no-such-member")).toBeNull();
    expect((await appErrorOf(getMemberModerationRecord(member, member.handle))).code).toBe("FORBIDDEN");
  });
});
