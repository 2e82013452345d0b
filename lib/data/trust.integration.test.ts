// Who is held for review: computed trust (new or trusted), an admin's override, upheld reports, and each
// automatic check on a trusted member's new or edited insight, against a real PostgreSQL.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import type { TrustLevel } from "@/lib/generated/prisma/enums";
import { closeAppConnections, rejectionOf } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import {
  createArticle,
  createInsight as createInsightRow,
  createUser,
  distinctInsightText,
  type UserOverrides,
} from "@/prisma/factories";
import { createInsight, editInsight } from "./insights";
import { getMemberTrust, listMemberTrust } from "./trust";
import type { SessionUser } from "./users";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;
const ago = (ms: number) => new Date(Date.now() - ms);
/** Typed at a person's pace: a minute for a few hundred characters. */
const AT_TYPING_PACE = 60_000;

type Role = SessionUser["role"];

function sessionOf(user: { id: string; name: string; handle: string; role: Role }): SessionUser {
  return { id: user.id, name: user.name, handle: user.handle, headline: "", role: user.role };
}

async function oneSection(): Promise<string> {
  const article = await createArticle(db, { sections: [{ title: "Only", body: "Body." }] });
  return article.sections[0]!.id;
}

/** `count` published insights by the member, two days old, each in a section of its own. */
async function publishedInsights(authorId: string, count: number, createdAt = ago(2 * DAY)) {
  const rows = [];
  for (let i = 0; i < count; i++) {
    rows.push(
      await createInsightRow(db, {
        sectionId: await oneSection(),
        authorId,
        body: distinctInsightText("Earlier"),
        createdAt,
      }),
    );
  }
  return rows;
}

/** A member who meets the trust rule: 30 days old, 3 published insights, no upheld report. */
async function trustedMember(overrides: UserOverrides = {}): Promise<SessionUser> {
  const user = await createUser(db, { createdAt: ago(30 * DAY), ...overrides });
  await publishedInsights(user.id, 3);
  return sessionOf(user);
}

function post(
  author: SessionUser,
  body = distinctInsightText(),
  composeMs: number | undefined = AT_TYPING_PACE,
) {
  return oneSection().then((sectionId) =>
    createInsight(author, { sectionId, body, idempotencyKey: randomUUID(), composeMs }),
  );
}

function stored(id: string) {
  return db.insight.findUniqueOrThrow({
    where: { id },
    select: { status: true, autoFlags: true, queuedAt: true, publishedAt: true, body: true },
  });
}

/** A report against `authorId`'s insight that a moderator decided `resolvedAt`. */
async function decidedReport(
  authorId: string,
  resolution: "UPHELD" | "DISMISSED",
  resolvedAt: Date,
): Promise<void> {
  const [insight] = await publishedInsights(authorId, 1, ago(40 * DAY));
  const reporter = await createUser(db);
  await db.report.create({
    data: {
      insightId: insight!.id,
      reporterId: reporter.id,
      authorId,
      reason: "SPAM",
      resolution,
      resolvedAt,
    },
  });
}

/** A blocked term no other test's text contains. */
async function blockTerm(): Promise<string> {
  const term = `spamword${randomBytes(4).toString("hex")}`;
  await db.blockedTerm.create({ data: { term } });
  return term;
}

describe("computed trust", () => {
  it("keeps a fresh account new and trusts one that meets the rule", async () => {
    const fresh = sessionOf(await createUser(db));
    const trusted = await trustedMember();

    await expect(getMemberTrust(db, fresh.id)).resolves.toEqual({
      trust: "NEW",
      override: null,
      publishedCount: 0,
      upheldReportsLast30Days: 0,
    });
    await expect(getMemberTrust(db, trusted.id)).resolves.toEqual({
      trust: "TRUSTED",
      override: null,
      publishedCount: 3,
      upheldReportsLast30Days: 0,
    });
  });

  it("does not count pending, rejected or deleted insights toward the 3 published", async () => {
    const user = await createUser(db, { createdAt: ago(30 * DAY) });
    await publishedInsights(user.id, 2);
    for (const status of ["PENDING", "REJECTED", "REMOVED"] as const) {
      await createInsightRow(db, { sectionId: await oneSection(), authorId: user.id, status });
    }
    const [deleted] = await publishedInsights(user.id, 1);
    await db.insight.update({
      where: { id: deleted!.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });

    await expect(getMemberTrust(db, user.id)).resolves.toMatchObject({ trust: "NEW", publishedCount: 2 });
  });

  it("makes a member new again while a report against them upheld in the last 30 days counts", async () => {
    const member = await trustedMember();
    await decidedReport(member.id, "UPHELD", ago(29 * DAY));

    await expect(getMemberTrust(db, member.id)).resolves.toMatchObject({
      trust: "NEW",
      upheldReportsLast30Days: 1,
    });
    const change = await post(member);
    expect(change.status).toBe("PENDING");
  });

  it("forgets a report upheld 31 days ago, and never counts a dismissed one", async () => {
    const member = await trustedMember();
    await decidedReport(member.id, "UPHELD", ago(31 * DAY));
    await decidedReport(member.id, "DISMISSED", ago(DAY));

    await expect(getMemberTrust(db, member.id)).resolves.toMatchObject({
      trust: "TRUSTED",
      upheldReportsLast30Days: 0,
    });
    await expect(post(member)).resolves.toMatchObject({ status: "PUBLISHED" });
  });

  it("counts only the reports against the member, not the ones they filed", async () => {
    const member = await trustedMember();
    const other = await createUser(db);
    const [theirs] = await publishedInsights(other.id, 1);
    await db.report.create({
      data: {
        insightId: theirs!.id,
        reporterId: member.id,
        authorId: other.id,
        reason: "SPAM",
        resolution: "UPHELD",
        resolvedAt: ago(DAY),
      },
    });

    await expect(getMemberTrust(db, member.id)).resolves.toMatchObject({ trust: "TRUSTED" });
  });

  it("lets an admin's TRUSTED override publish a brand-new account's insight, without new-member limits", async () => {
    const member = sessionOf(await createUser(db, { trustOverride: "TRUSTED" }));

    const first = await post(member);
    const second = await post(member); // a new member would wait 30 seconds

    expect([first.status, second.status]).toEqual(["PUBLISHED", "PUBLISHED"]);
    await expect(getMemberTrust(db, member.id)).resolves.toMatchObject({
      trust: "TRUSTED",
      override: "TRUSTED",
    });
  });

  it("lets an admin's NEW override hold an established member's insight and limit them", async () => {
    const member = await trustedMember({ trustOverride: "NEW" });

    const first = await post(member);
    const error = await rejectionOf(post(member));

    expect(first.status).toBe("PENDING");
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("RATE_LIMITED");
  });

  it.each(["MODERATOR", "ADMIN"] as const)(
    "always trusts a %s, even a new account overridden to NEW",
    async (role) => {
      const staff = sessionOf(await createUser(db, { role, trustOverride: "NEW" }));
      await expect(getMemberTrust(db, staff.id)).resolves.toMatchObject({ trust: "TRUSTED" });
    },
  );

  it("lists several members' trust at once, leaving out unknown ids", async () => {
    const fresh = await createUser(db);
    const trusted = await trustedMember();
    const overridden = await createUser(db, { trustOverride: "TRUSTED" });

    const trusts = await listMemberTrust(db, [fresh.id, trusted.id, overridden.id, "no-such-user", fresh.id]);

    const levels: Record<string, TrustLevel | undefined> = Object.fromEntries(
      [...trusts].map(([id, trust]) => [id, trust.trust]),
    );
    expect(levels).toEqual({ [fresh.id]: "NEW", [trusted.id]: "TRUSTED", [overridden.id]: "TRUSTED" });
    await expect(listMemberTrust(db, [])).resolves.toEqual(new Map());
  });
});

describe("automatic checks on a trusted member's new insight", () => {
  it("publishes a clean insight at once, with no flags and not queued", async () => {
    const change = await post(await trustedMember());
    expect(change.status).toBe("PUBLISHED");
    await expect(stored(change.id)).resolves.toMatchObject({ autoFlags: [], queuedAt: null });
  });

  it("holds an insight with more than 3 links, queued with the flag", async () => {
    const body = `${distinctInsightText()} https://a.example https://b.example https://c.example https://d.example`;
    const before = Date.now();

    const change = await post(await trustedMember(), body);

    expect(change.status).toBe("PENDING");
    const row = await stored(change.id);
    expect(row).toMatchObject({ autoFlags: ["too-many-links"], publishedAt: null });
    expect(row.queuedAt!.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("holds an insight containing a blocked term, in any case, as a whole word", async () => {
    const term = await blockTerm();
    const member = await trustedMember();

    const flagged = await post(member, `${distinctInsightText()} Try ${term.toUpperCase()} today`);
    const inAWord = await post(member, `${distinctInsightText()} Try pre${term}s today`);

    expect(flagged.status).toBe("PENDING");
    await expect(stored(flagged.id)).resolves.toMatchObject({ autoFlags: ["blocked-term"] });
    expect(inAWord.status).toBe("PUBLISHED");
  });

  it("holds a near-duplicate of the member's own insight of the last 30 days, not of an older one", async () => {
    const member = await trustedMember();
    const recent = distinctInsightText("Mine");
    const old = distinctInsightText("Old");
    await createInsightRow(db, {
      sectionId: await oneSection(),
      authorId: member.id,
      body: recent,
      createdAt: ago(29 * DAY),
    });
    await createInsightRow(db, {
      sectionId: await oneSection(),
      authorId: member.id,
      body: old,
      createdAt: ago(31 * DAY),
    });

    const copy = await post(member, `${recent} Posted again with a new ending.`);
    const copyOfOld = await post(member, `${old} Posted again with a new ending.`);

    expect(copy.status).toBe("PENDING");
    await expect(stored(copy.id)).resolves.toMatchObject({ autoFlags: ["near-duplicate"] });
    expect(copyOfOld.status).toBe("PUBLISHED");
  });

  it("holds a near-duplicate of another member's insight of the last 7 days, not of an older one", async () => {
    const other = await createUser(db);
    const recent = distinctInsightText("Theirs");
    const old = distinctInsightText("Older");
    await createInsightRow(db, {
      sectionId: await oneSection(),
      authorId: other.id,
      body: recent,
      createdAt: ago(6 * DAY),
    });
    await createInsightRow(db, {
      sectionId: await oneSection(),
      authorId: other.id,
      body: old,
      createdAt: ago(8 * DAY),
    });
    const member = await trustedMember();

    const copy = await post(member, recent.replace("Theirs", "Mine, honestly"));
    const copyOfOld = await post(member, old);

    expect(copy.status).toBe("PENDING");
    await expect(stored(copy.id)).resolves.toMatchObject({ autoFlags: ["near-duplicate"] });
    expect(copyOfOld.status).toBe("PUBLISHED");
  });

  it("holds text that arrived faster than a person types; an unknown time is not judged", async () => {
    const member = await trustedMember();
    const body = distinctInsightText("Pasted"); // about 200 characters

    const pasted = await post(member, body, 2_000);
    const typed = await post(member, distinctInsightText("Typed"), AT_TYPING_PACE);
    const unknown = await post(member, distinctInsightText("Unknown"), undefined);

    expect(pasted.status).toBe("PENDING");
    await expect(stored(pasted.id)).resolves.toMatchObject({ autoFlags: ["too-fast"] });
    expect([typed.status, unknown.status]).toEqual(["PUBLISHED", "PUBLISHED"]);
  });

  it("stores every flag that tripped", async () => {
    const term = await blockTerm();
    const body = `${distinctInsightText()} ${term} https://a.example https://b.example https://c.example https://d.example`;

    const change = await post(await trustedMember(), body, 500);

    await expect(stored(change.id)).resolves.toMatchObject({
      status: "PENDING",
      autoFlags: ["too-many-links", "blocked-term", "too-fast"],
    });
  });

  it("records the flags on a new member's held insight too, for the moderator", async () => {
    const term = await blockTerm();
    const member = sessionOf(await createUser(db));

    const change = await post(member, `${distinctInsightText()} ${term}`);

    await expect(stored(change.id)).resolves.toMatchObject({
      status: "PENDING",
      autoFlags: ["blocked-term"],
    });
  });

  it.each(["MODERATOR", "ADMIN"] as const)("publishes a %s's insight at once, unchecked", async (role) => {
    const term = await blockTerm();
    const staff = sessionOf(await createUser(db, { role }));

    const change = await post(staff, `${distinctInsightText()} ${term}`, 100);

    expect(change.status).toBe("PUBLISHED");
    await expect(stored(change.id)).resolves.toMatchObject({ autoFlags: [], queuedAt: null });
  });
});

describe("automatic checks on an edit", () => {
  async function publishedBy(member: SessionUser) {
    const change = await post(member);
    expect(change.status).toBe("PUBLISHED");
    return change;
  }

  it("keeps a trusted member's published insight published after a clean edit", async () => {
    const member = await trustedMember();
    const posted = await publishedBy(member);

    const edit = await editInsight(member, { insightId: posted.id, body: distinctInsightText("Rewritten") });

    expect(edit).toMatchObject({ status: "PUBLISHED", heldForReview: false });
    await expect(stored(posted.id)).resolves.toMatchObject({
      status: "PUBLISHED",
      queuedAt: null,
      autoFlags: [],
    });
  });

  it("sends a published insight back to review, queued, when the edit trips a check", async () => {
    const term = await blockTerm();
    const member = await trustedMember();
    const posted = await publishedBy(member);
    const { body } = await stored(posted.id);
    const before = Date.now();

    const edit = await editInsight(member, { insightId: posted.id, body: `${body} Also: ${term}.` });

    expect(edit).toMatchObject({ status: "PENDING", heldForReview: true });
    const row = await stored(posted.id);
    expect(row).toMatchObject({ status: "PENDING", autoFlags: ["blocked-term"] });
    expect(row.queuedAt!.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("times only what the edit typed: a small fix saved quickly passes, a pasted paragraph is held", async () => {
    const member = await trustedMember();
    const posted = await publishedBy(member);
    const { body } = await stored(posted.id);

    const fix = await editInsight(member, { insightId: posted.id, body: `${body} Yes.`, composeMs: 1_000 });
    const paste = await editInsight(member, {
      insightId: posted.id,
      body: `${body} Yes. ${distinctInsightText("Pasted")}`,
      composeMs: 1_000,
    });

    expect(fix).toMatchObject({ status: "PUBLISHED", heldForReview: false });
    expect(paste).toMatchObject({ status: "PENDING", heldForReview: true });
    await expect(stored(posted.id)).resolves.toMatchObject({ autoFlags: ["too-fast"] });
  });

  it("does not compare an insight with its own earlier text", async () => {
    const member = await trustedMember();
    const posted = await publishedBy(member);
    const { body } = await stored(posted.id);

    const edit = await editInsight(member, { insightId: posted.id, body: `${body} One more thought.` });

    expect(edit.status).toBe("PUBLISHED");
  });

  it("sends a new member's approved insight back to review when they edit it", async () => {
    const member = sessionOf(await createUser(db));
    const insight = await createInsightRow(db, { sectionId: await oneSection(), authorId: member.id });

    const edit = await editInsight(member, { insightId: insight.id, body: distinctInsightText("Changed") });

    expect(edit).toMatchObject({ status: "PENDING", heldForReview: true });
    const row = await stored(insight.id);
    expect(row.queuedAt).not.toBeNull();
  });

  it("keeps a held insight's place in the queue when its author edits it, and updates its flags", async () => {
    const term = await blockTerm();
    const member = await trustedMember();
    const posted = await post(member, `${distinctInsightText()} ${term}`);
    const { queuedAt } = await stored(posted.id);

    const edit = await editInsight(member, { insightId: posted.id, body: distinctInsightText("Clean now") });

    expect(edit).toMatchObject({ status: "PENDING", heldForReview: false });
    await expect(stored(posted.id)).resolves.toMatchObject({ status: "PENDING", queuedAt, autoFlags: [] });
  });
});
