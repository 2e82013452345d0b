import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { hashBody } from "@/lib/insight-hash";
import { closeAppConnections, rejectionOf } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import {
  createArticle,
  createInsight as createInsightRow,
  createUser,
  distinctInsightText,
  type UserOverrides,
} from "@/prisma/factories";
import {
  createInsight,
  deleteInsight,
  editInsight,
  getInsightHistory,
  listOwnInsightsOnArticle,
} from "./insights";
import type { SessionUser } from "./users";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);

type Role = SessionUser["role"];
type Article = Awaited<ReturnType<typeof createArticle>>;

/**
 * A valid insight body no other test posts, nor anything like it: neither the repeated-text rule nor the
 * near-duplicate check (trust.integration.test.ts tests it) trips by accident.
 */
function uniqueBody(label = "insight"): string {
  return distinctInsightText(label);
}

function sessionOf(user: { id: string; name: string; handle: string; role: Role }): SessionUser {
  return { id: user.id, name: user.name, handle: user.handle, headline: "", role: user.role };
}

function postInput(sectionId: string, overrides: { body?: string; idempotencyKey?: string } = {}) {
  return { sectionId, body: uniqueBody(), idempotencyKey: randomUUID(), ...overrides };
}

/** A published article with `count` open sections. */
function articleWithSections(count: number): Promise<Article> {
  return createArticle(db, {
    sections: Array.from({ length: count }, (_, i) => ({ title: `Section ${i + 1}`, body: "Body." })),
  });
}

function sectionOf(article: Article, index: number): string {
  const section = article.sections.find((s) => s.anchor === `section-${index + 1}`);
  if (!section) throw new Error(`The article has no section ${index + 1}.`);
  return section.id;
}

/** A new member (lib/domain/trust.ts): a fresh account with nothing published, held for review and limited. */
async function newMember(overrides: UserOverrides = {}): Promise<SessionUser> {
  return sessionOf(await createUser(db, overrides));
}

/**
 * A trusted member, past the new-member limits: an account 30 days old with 3 insights published two days
 * ago (older than both rate windows) on an article of their own.
 */
async function establishedMember(role: Role = "MEMBER"): Promise<SessionUser> {
  const user = await createUser(db, { role, createdAt: ago(30 * DAY) });
  const elsewhere = await articleWithSections(3);
  for (const section of elsewhere.sections) {
    await createInsightRow(db, { sectionId: section.id, authorId: user.id, createdAt: ago(2 * DAY) });
  }
  return sessionOf(user);
}

/** The AppError `promise` rejected with; fails the test when it resolved or threw something else. */
async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function insightsBy(authorId: string, where: { sectionId?: string } = {}) {
  return db.insight.findMany({
    where: { authorId, ...where },
    select: { id: true, sectionId: true, liveSectionId: true, status: true, deletedAt: true },
    orderBy: { createdAt: "asc" },
  });
}

describe("createInsight: who may post, and the status a new insight gets", () => {
  it("holds a new member's first insight for review, queued, and keeps it live in its section", async () => {
    const article = await articleWithSections(2);
    const member = await newMember();
    const input = postInput(sectionOf(article, 0));
    const before = Date.now();

    const change = await createInsight(member, input);

    const after = Date.now();
    expect(change).toEqual({
      id: expect.any(String) as string,
      status: "PENDING",
      tags: [`article:${article.id}`, `member-handle:${member.handle}`, `insight:${change.id}`],
      eventualTags: [],
    });
    const row = await db.insight.findUniqueOrThrow({ where: { id: change.id } });
    expect(row).toMatchObject({
      sectionId: input.sectionId,
      liveSectionId: input.sectionId,
      authorId: member.id,
      body: input.body,
      bodyHash: hashBody(input.body),
      idempotencyKey: input.idempotencyKey,
      status: "PENDING",
      autoFlags: [],
      publishedAt: null,
      editedAt: null,
      deletedAt: null,
    });
    expect(row.queuedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.queuedAt!.getTime()).toBeLessThanOrEqual(after);
  });

  it("still holds the insight of a member with 2 published insights: new until 3", async () => {
    const article = await articleWithSections(3);
    const member = await newMember({ createdAt: ago(30 * DAY) });
    for (const index of [0, 1]) {
      await createInsightRow(db, {
        sectionId: sectionOf(article, index),
        authorId: member.id,
        createdAt: ago(DAY * 2),
      });
    }

    const change = await createInsight(member, postInput(sectionOf(article, 2)));

    expect(change.status).toBe("PENDING");
  });

  it("publishes a trusted member's insight at once, not queued", async () => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const before = new Date();

    const change = await createInsight(member, postInput(sectionOf(article, 0)));

    expect(change.status).toBe("PUBLISHED");
    const row = await db.insight.findUniqueOrThrow({ where: { id: change.id } });
    expect(row).toMatchObject({ status: "PUBLISHED", queuedAt: null, autoFlags: [] });
    expect(row.publishedAt?.getTime()).toBeGreaterThanOrEqual(before.getTime() - SECOND);
  });

  it.each(["MODERATOR", "ADMIN"] as const)("publishes a new %s's first insight at once", async (role) => {
    const article = await articleWithSections(1);
    const staff = await newMember({ role });

    const change = await createInsight(staff, postInput(sectionOf(article, 0)));

    expect(change.status).toBe("PUBLISHED");
    const row = await db.insight.findUniqueOrThrow({ where: { id: change.id } });
    expect(row.publishedAt).not.toBeNull();
  });

  it.each([
    ["SUSPENDED", { status: "SUSPENDED", statusReason: "Spam", statusUntil: new Date(Date.now() + 3 * DAY) }],
    ["BANNED", { status: "BANNED", statusReason: "Harassment" }],
  ] as const)("refuses a %s member with FORBIDDEN and stores nothing", async (_, overrides) => {
    const article = await articleWithSections(1);
    const blocked = await newMember(overrides);

    const error = await appErrorOf(createInsight(blocked, postInput(sectionOf(article, 0))));

    expect(error.code).toBe("FORBIDDEN");
    await expect(insightsBy(blocked.id)).resolves.toEqual([]);
  });

  // users.integration.test.ts: a member whose suspension has ended signs in and acts again.
  it("lets a member whose suspension has ended post again", async () => {
    const article = await articleWithSections(1);
    const member = await newMember({ status: "SUSPENDED", statusUntil: ago(DAY) });

    const change = await createInsight(member, postInput(sectionOf(article, 0)));

    expect(change.status).toBe("PENDING");
  });

  it("refuses an actor with no account as UNAUTHENTICATED", async () => {
    const article = await articleWithSections(1);
    const ghost: SessionUser = {
      id: "no-such-user",
      name: "Ghost",
      handle: "ghost",
      headline: "",
      role: "MEMBER",
    };

    const error = await appErrorOf(createInsight(ghost, postInput(sectionOf(article, 0))));

    expect(error.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a section of a draft article as NOT_FOUND", async () => {
    const draft = await createArticle(db, { status: "DRAFT" });
    const member = await establishedMember();

    const error = await appErrorOf(createInsight(member, postInput(draft.sections[0]!.id)));

    expect(error).toMatchObject({ code: "NOT_FOUND", message: "Section not found." });
    await expect(insightsBy(member.id, { sectionId: draft.sections[0]!.id })).resolves.toEqual([]);
  });

  it("refuses an unknown section as NOT_FOUND", async () => {
    const member = await establishedMember();
    const error = await appErrorOf(createInsight(member, postInput("no-such-section")));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("refuses a section closed to insights as FORBIDDEN", async () => {
    const article = await createArticle(db, {
      sections: [{ title: "Closed", body: "No more insights here.", acceptsInsights: false }],
    });
    const member = await establishedMember();

    const error = await appErrorOf(createInsight(member, postInput(article.sections[0]!.id)));

    expect(error).toMatchObject({ code: "FORBIDDEN", message: "This section is closed to new insights." });
    await expect(insightsBy(member.id, { sectionId: article.sections[0]!.id })).resolves.toEqual([]);
  });
});

describe("createInsight: one live insight per member and section", () => {
  it("refuses a second insight in the same section with CONFLICT", async () => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const sectionId = sectionOf(article, 0);
    await createInsight(member, postInput(sectionId));

    const error = await appErrorOf(createInsight(member, postInput(sectionId)));

    expect(error).toMatchObject({
      code: "CONFLICT",
      message: "You already have an insight in this section. Edit it to add more.",
    });
    await expect(insightsBy(member.id, { sectionId })).resolves.toHaveLength(1);
  });

  it("lets other members post in the same section", async () => {
    const article = await articleWithSections(1);
    const sectionId = sectionOf(article, 0);
    const first = await createInsight(await establishedMember(), postInput(sectionId));
    const second = await createInsight(await establishedMember(), postInput(sectionId));
    expect(second.id).not.toBe(first.id);
  });

  it("accepts a new insight from the author once they deleted theirs", async () => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const sectionId = sectionOf(article, 0);
    const first = await createInsight(member, postInput(sectionId));
    await deleteInsight(member, { insightId: first.id });

    const second = await createInsight(member, postInput(sectionId));

    const rows = await insightsBy(member.id, { sectionId });
    expect(rows).toEqual([
      expect.objectContaining({ id: first.id, liveSectionId: null, deletedAt: expect.any(Date) as Date }),
      expect.objectContaining({ id: second.id, liveSectionId: sectionId, deletedAt: null }),
    ]);
  });
});

describe("createInsight: a doubled or retried submission", () => {
  it("answers a retry with the same key with the first insight, even if the text changed", async () => {
    const article = await articleWithSections(1);
    const member = await newMember();
    const input = postInput(sectionOf(article, 0));

    const first = await createInsight(member, input);
    const retry = await createInsight(member, { ...input, body: uniqueBody("changed") });

    expect(retry).toEqual(first);
    const rows = await db.insight.findMany({ where: { authorId: member.id }, select: { body: true } });
    expect(rows).toEqual([{ body: input.body }]);
  });

  it("makes exactly one insight from twenty concurrent submissions with one key", async () => {
    const article = await articleWithSections(1);
    const member = await newMember();
    const input = postInput(sectionOf(article, 0));

    const results = await Promise.all(Array.from({ length: 20 }, () => createInsight(member, input)));

    const rows = await insightsBy(member.id);
    expect(rows).toHaveLength(1);
    expect(results.map((r) => r.id)).toEqual(Array(20).fill(rows[0]!.id));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(["PENDING"]));
  });

  it("lets one of two concurrent submissions with different keys in one section win; the other is a CONFLICT", async () => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const sectionId = sectionOf(article, 0);

    const results = await Promise.allSettled([
      createInsight(member, postInput(sectionId)),
      createInsight(member, postInput(sectionId)),
    ]);

    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(AppError);
    expect((rejected[0]!.reason as AppError).code).toBe("CONFLICT");
    await expect(insightsBy(member.id, { sectionId })).resolves.toHaveLength(1);
  });
});

describe("createInsight: limits on new members, kept in PostgreSQL", () => {
  it("refuses a second post within 30 seconds, saying the limit and when to try again", async () => {
    const article = await articleWithSections(2);
    const member = await newMember();
    await createInsight(member, postInput(sectionOf(article, 0)));

    const error = await appErrorOf(createInsight(member, postInput(sectionOf(article, 1))));

    expect(error.code).toBe("RATE_LIMITED");
    expect(error.message).toContain("30 seconds");
    expect(error.message).toMatch(/You can post again in \d+ seconds?\./);
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(30);
    await expect(insightsBy(member.id)).resolves.toHaveLength(1);
  });

  it("still refuses after a restart: the limit comes from the rows, not from memory", async () => {
    const article = await articleWithSections(2);
    const member = await newMember();
    await createInsightRow(db, {
      sectionId: sectionOf(article, 0),
      authorId: member.id,
      status: "PENDING",
      createdAt: ago(10 * SECOND),
    });
    // A restarted app: the data layer opens a new connection pool and has nothing in memory.
    await closeAppConnections();

    const error = await appErrorOf(createInsight(member, postInput(sectionOf(article, 1))));

    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(18);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(20);
  });

  it("counts a deleted insight toward the limit (deleting does not reset it)", async () => {
    const article = await articleWithSections(2);
    const member = await newMember();
    const first = await createInsight(member, postInput(sectionOf(article, 0)));
    await deleteInsight(member, { insightId: first.id });

    const error = await appErrorOf(createInsight(member, postInput(sectionOf(article, 1))));

    expect(error.code).toBe("RATE_LIMITED");
  });

  it("allows the next post once 30 seconds have passed", async () => {
    const article = await articleWithSections(2);
    const member = await newMember();
    await createInsightRow(db, {
      sectionId: sectionOf(article, 0),
      authorId: member.id,
      status: "PENDING",
      createdAt: ago(31 * SECOND),
    });

    await expect(createInsight(member, postInput(sectionOf(article, 1)))).resolves.toMatchObject({
      status: "PENDING",
    });
  });

  it("refuses the 11th post in a day, saying the daily limit and when the member may post again", async () => {
    const article = await articleWithSections(11);
    // Limited by age: two days old, even though everything they posted is published.
    const member = await newMember({ createdAt: ago(2 * DAY) });
    for (let i = 0; i < 10; i++) {
      await createInsightRow(db, {
        sectionId: sectionOf(article, i),
        authorId: member.id,
        createdAt: ago((i + 1) * HOUR),
      });
    }
    const expectedWait = 14 * 60 * 60; // the oldest of the ten, 10 hours old, leaves the window in 14 hours

    const error = await appErrorOf(createInsight(member, postInput(sectionOf(article, 10))));

    expect(error.code).toBe("RATE_LIMITED");
    expect(error.message).toContain("10 insights a day");
    expect(error.message).toMatch(/You can post again at \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT\./);
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(expectedWait - 5);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(expectedWait);
    const [, at] = /again at (.+)\.$/.exec(error.message)!;
    expect(Math.abs(new Date(at!).getTime() - (Date.now() + expectedWait * SECOND))).toBeLessThan(
      10 * SECOND,
    );
    await expect(insightsBy(member.id)).resolves.toHaveLength(10);
  });

  it("allows a post (held: the account is new) when one of the last ten is older than 24 hours", async () => {
    const article = await articleWithSections(11);
    const member = await newMember({ createdAt: ago(3 * DAY) });
    for (let i = 0; i < 10; i++) {
      const age = i === 9 ? DAY + HOUR : (i + 1) * HOUR;
      await createInsightRow(db, {
        sectionId: sectionOf(article, i),
        authorId: member.id,
        createdAt: ago(age),
      });
    }

    await expect(createInsight(member, postInput(sectionOf(article, 10)))).resolves.toMatchObject({
      status: "PENDING",
    });
  });

  it.each([
    ["a young account with 3 published insights", { accountAge: 2 * DAY, published: 3 }],
    ["an old account with only 2 published insights", { accountAge: 30 * DAY, published: 2 }],
  ])("limits %s", async (_, { accountAge, published }) => {
    const article = await articleWithSections(published + 2);
    const member = await newMember({ createdAt: ago(accountAge) });
    for (let i = 0; i < published; i++) {
      await createInsightRow(db, {
        sectionId: sectionOf(article, i),
        authorId: member.id,
        createdAt: ago(2 * DAY),
      });
    }
    // A post still awaiting review, 10 seconds ago: it does not change how many they have published.
    await createInsightRow(db, {
      sectionId: sectionOf(article, published),
      authorId: member.id,
      status: "PENDING",
      createdAt: ago(10 * SECOND),
    });

    const error = await appErrorOf(createInsight(member, postInput(sectionOf(article, published + 1))));

    expect(error.code).toBe("RATE_LIMITED");
  });

  it("does not limit an account of 30 days with 3 published insights", async () => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const elsewhere = await articleWithSections(1);
    await createInsightRow(db, {
      sectionId: sectionOf(elsewhere, 0),
      authorId: member.id,
      status: "PENDING",
      createdAt: ago(10 * SECOND),
    });

    await expect(createInsight(member, postInput(sectionOf(article, 0)))).resolves.toMatchObject({
      status: "PUBLISHED",
    });
  });

  it("lets a trusted member post back to back, more than 10 a day, with 3 links, all published", async () => {
    const article = await articleWithSections(12);
    const member = await establishedMember();
    for (let i = 0; i < 11; i++) {
      await expect(createInsight(member, postInput(sectionOf(article, i)))).resolves.toMatchObject({
        status: "PUBLISHED",
      });
    }
    const threeLinks = `${uniqueBody()} https://a.example https://b.example [c](https://c.example)`;

    await expect(
      createInsight(member, postInput(sectionOf(article, 11), { body: threeLinks })),
    ).resolves.toMatchObject({ status: "PUBLISHED" });
  });

  it("does not refuse a trusted member's many links: the insight is held instead (trust.integration.test.ts)", async () => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const manyLinks = `${uniqueBody()} https://a.example https://b.example https://c.example [d](https://d.example) https://e.example`;

    await expect(
      createInsight(member, postInput(sectionOf(article, 0), { body: manyLinks })),
    ).resolves.toMatchObject({ status: "PENDING" });
  });

  it("refuses more than 3 links from a new member with a field error naming the limit", async () => {
    const article = await articleWithSections(1);
    const member = await newMember();
    const body = `${uniqueBody()} [one](https://a.example) https://b.example <https://c.example> http://d.example/x`;

    const error = await appErrorOf(createInsight(member, postInput(sectionOf(article, 0), { body })));

    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain("at most 3 links");
    expect(error.fieldErrors?.body).toContain("at most 3 links");
    await expect(insightsBy(member.id)).resolves.toEqual([]);
  });

  it("accepts exactly 3 links from a new member", async () => {
    const article = await articleWithSections(1);
    const member = await newMember();
    const body = `${uniqueBody()} [one](https://a.example) https://b.example <https://c.example>`;

    await expect(createInsight(member, postInput(sectionOf(article, 0), { body }))).resolves.toMatchObject({
      status: "PENDING",
    });
  });

  it("serialises a new member's two concurrent posts on two sections: one posts, one is RATE_LIMITED", async () => {
    const article = await articleWithSections(2);
    const member = await newMember();

    const results = await Promise.allSettled([
      createInsight(member, postInput(sectionOf(article, 0))),
      createInsight(member, postInput(sectionOf(article, 1))),
    ]);

    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(AppError);
    expect((rejected[0]!.reason as AppError).code).toBe("RATE_LIMITED");
    await expect(insightsBy(member.id)).resolves.toHaveLength(1);
  });
});

describe("createInsight: the same text twice", () => {
  it("refuses a body the member already posted, ignoring whitespace and case, in another section", async () => {
    const article = await articleWithSections(2);
    const member = await establishedMember();
    const body = uniqueBody("Original");
    await createInsight(member, postInput(sectionOf(article, 0), { body }));
    const sameAgain = `  ${body.toUpperCase().replace(/ /g, "   \n")}  `.trim();

    const error = await appErrorOf(
      createInsight(member, postInput(sectionOf(article, 1), { body: sameAgain })),
    );

    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors?.body).toContain("already posted this text");
    await expect(insightsBy(member.id, { sectionId: sectionOf(article, 1) })).resolves.toEqual([]);
  });

  it("lets another member post the same text, held for review as a near-duplicate", async () => {
    const article = await articleWithSections(1);
    const body = uniqueBody("Shared");
    await createInsight(await establishedMember(), postInput(sectionOf(article, 0), { body }));
    const copy = await createInsight(await establishedMember(), postInput(sectionOf(article, 0), { body }));
    expect(copy.status).toBe("PENDING");
    await expect(db.insight.findUniqueOrThrow({ where: { id: copy.id } })).resolves.toMatchObject({
      autoFlags: ["near-duplicate"],
    });
  });
});

describe("editInsight", () => {
  it("changes the text, sets editedAt and keeps the previous version", async () => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const original = postInput(sectionOf(article, 0));
    const posted = await createInsight(member, original);
    const newBody = uniqueBody("Edited");
    const before = new Date();

    const change = await editInsight(member, { insightId: posted.id, body: newBody });

    expect(change).toEqual({
      id: posted.id,
      status: "PUBLISHED",
      tags: [`article:${article.id}`, `member-handle:${member.handle}`, `insight:${posted.id}`],
      eventualTags: [],
      heldForReview: false,
    });
    const row = await db.insight.findUniqueOrThrow({
      where: { id: posted.id },
      select: { body: true, bodyHash: true, editedAt: true, revisions: { select: { body: true } } },
    });
    expect(row.body).toBe(newBody);
    expect(row.bodyHash).toBe(hashBody(newBody));
    expect(row.editedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - SECOND);
    expect(row.revisions).toEqual([{ body: original.body }]);
  });

  it("keeps a pending insight pending when its author edits it", async () => {
    const article = await articleWithSections(1);
    const member = await newMember();
    const posted = await createInsight(member, postInput(sectionOf(article, 0)));

    await expect(editInsight(member, { insightId: posted.id, body: uniqueBody() })).resolves.toMatchObject({
      status: "PENDING",
    });
  });

  it("makes no revision when the text did not change", async () => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const input = postInput(sectionOf(article, 0));
    const posted = await createInsight(member, input);

    await editInsight(member, { insightId: posted.id, body: input.body });

    const row = await db.insight.findUniqueOrThrow({
      where: { id: posted.id },
      select: { editedAt: true, _count: { select: { revisions: true } } },
    });
    expect(row).toEqual({ editedAt: null, _count: { revisions: 0 } });
  });

  it.each(["MEMBER", "MODERATOR", "ADMIN"] as const)(
    "refuses an edit by anyone but the author (another %s) with FORBIDDEN",
    async (role) => {
      const article = await articleWithSections(1);
      const author = await establishedMember();
      const input = postInput(sectionOf(article, 0));
      const posted = await createInsight(author, input);
      const other = await establishedMember(role);

      const error = await appErrorOf(editInsight(other, { insightId: posted.id, body: uniqueBody() }));

      expect(error.code).toBe("FORBIDDEN");
      const row = await db.insight.findUniqueOrThrow({
        where: { id: posted.id },
        select: { body: true, editedAt: true, _count: { select: { revisions: true } } },
      });
      expect(row).toEqual({ body: input.body, editedAt: null, _count: { revisions: 0 } });
    },
  );

  it("refuses editing a deleted insight as NOT_FOUND", async () => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const posted = await createInsight(member, postInput(sectionOf(article, 0)));
    await deleteInsight(member, { insightId: posted.id });

    const error = await appErrorOf(editInsight(member, { insightId: posted.id, body: uniqueBody() }));

    expect(error.code).toBe("NOT_FOUND");
  });

  it("refuses editing in more than 3 links for a new member", async () => {
    const article = await articleWithSections(1);
    const member = await newMember();
    const input = postInput(sectionOf(article, 0));
    const posted = await createInsight(member, input);
    const body = `${uniqueBody()} https://a.example https://b.example https://c.example https://d.example`;

    const error = await appErrorOf(editInsight(member, { insightId: posted.id, body }));

    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors?.body).toContain("at most 3 links");
    await expect(db.insight.findUniqueOrThrow({ where: { id: posted.id } })).resolves.toMatchObject({
      body: input.body,
      editedAt: null,
    });
  });

  it("refuses editing the text into a copy of another of the author's insights", async () => {
    const article = await articleWithSections(2);
    const member = await establishedMember();
    const first = postInput(sectionOf(article, 0));
    await createInsight(member, first);
    const second = await createInsight(member, postInput(sectionOf(article, 1)));

    const error = await appErrorOf(editInsight(member, { insightId: second.id, body: first.body }));

    expect(error.code).toBe("CONFLICT");
  });

  it.each(["SUSPENDED", "BANNED"] as const)("refuses an edit by a %s author", async (status) => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const posted = await createInsight(member, postInput(sectionOf(article, 0)));
    await db.user.update({
      where: { id: member.id },
      data: { status, statusUntil: status === "SUSPENDED" ? new Date(Date.now() + DAY) : null },
    });

    const error = await appErrorOf(editInsight(member, { insightId: posted.id, body: uniqueBody() }));

    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("deleteInsight", () => {
  it("lets the author delete: gone from their list, kept in the database with deletedAt", async () => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const posted = await createInsight(member, postInput(sectionOf(article, 0)));
    const before = new Date();

    const change = await deleteInsight(member, { insightId: posted.id });

    expect(change).toEqual({
      id: posted.id,
      status: "PUBLISHED",
      tags: [`article:${article.id}`, `member-handle:${member.handle}`, `insight:${posted.id}`],
      eventualTags: [],
    });
    const row = await db.insight.findUniqueOrThrow({ where: { id: posted.id } });
    expect(row.liveSectionId).toBeNull();
    expect(row.sectionId).toBe(sectionOf(article, 0));
    expect(row.deletedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - SECOND);
    await expect(listOwnInsightsOnArticle(member, article.id)).resolves.toEqual([]);
    await expect(getInsightHistory(posted.id)).resolves.toBeNull();
  });

  it.each(["MEMBER", "MODERATOR", "ADMIN"] as const)(
    "refuses a delete by anyone but the author (another %s) with FORBIDDEN",
    async (role) => {
      const article = await articleWithSections(1);
      const author = await establishedMember();
      const posted = await createInsight(author, postInput(sectionOf(article, 0)));
      const other = await establishedMember(role);

      const error = await appErrorOf(deleteInsight(other, { insightId: posted.id }));

      expect(error.code).toBe("FORBIDDEN");
      await expect(db.insight.findUniqueOrThrow({ where: { id: posted.id } })).resolves.toMatchObject({
        deletedAt: null,
        liveSectionId: sectionOf(article, 0),
      });
    },
  );

  it("answers a second delete, or an unknown id, with NOT_FOUND", async () => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const posted = await createInsight(member, postInput(sectionOf(article, 0)));
    await deleteInsight(member, { insightId: posted.id });

    expect((await appErrorOf(deleteInsight(member, { insightId: posted.id }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(deleteInsight(member, { insightId: "no-such-insight" }))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("listOwnInsightsOnArticle", () => {
  it("lists the member's live insights on that article in any status, oldest first, and nobody else's", async () => {
    const article = await articleWithSections(3);
    const other = await articleWithSections(1);
    const member = await newMember({ createdAt: ago(30 * DAY) });
    const pending = await createInsightRow(db, {
      sectionId: sectionOf(article, 0),
      authorId: member.id,
      status: "PENDING",
      createdAt: ago(3 * HOUR),
    });
    const published = await createInsightRow(db, {
      sectionId: sectionOf(article, 1),
      authorId: member.id,
      createdAt: ago(2 * HOUR),
    });
    const deleted = await createInsightRow(db, { sectionId: sectionOf(article, 2), authorId: member.id });
    await db.insight.update({
      where: { id: deleted.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });
    await createInsightRow(db, { sectionId: sectionOf(other, 0), authorId: member.id });
    await createInsightRow(db, { sectionId: sectionOf(article, 0), authorId: (await newMember()).id });

    const own = await listOwnInsightsOnArticle(member, article.id);

    expect(own).toEqual([
      {
        id: pending.id,
        sectionId: sectionOf(article, 0),
        body: pending.body,
        status: "PENDING",
        createdAt: expect.any(String) as string,
        editedAt: null,
      },
      {
        id: published.id,
        sectionId: sectionOf(article, 1),
        body: published.body,
        status: "PUBLISHED",
        createdAt: expect.any(String) as string,
        editedAt: null,
      },
    ]);
  });
});

describe("getInsightHistory", () => {
  it("lists every version newest first, each dated from when it was written", async () => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const postedAt = ago(2 * HOUR);
    const original = await createInsightRow(db, {
      sectionId: sectionOf(article, 0),
      authorId: member.id,
      createdAt: postedAt,
    });
    const secondBody = uniqueBody("Second");
    const thirdBody = uniqueBody("Third");

    const beforeFirstEdit = Date.now();
    await editInsight(member, { insightId: original.id, body: secondBody });
    const afterFirstEdit = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const beforeSecondEdit = Date.now();
    await editInsight(member, { insightId: original.id, body: thirdBody });
    const afterSecondEdit = Date.now();

    const history = await getInsightHistory(original.id);

    expect(history).toMatchObject({
      id: original.id,
      author: { name: expect.any(String) as string, handle: member.handle },
      article: { slug: article.slug, title: article.title },
      section: { anchor: "section-1", title: "Section 1" },
    });
    expect(history!.versions.map(({ body, current }) => ({ body, current }))).toEqual([
      { body: thirdBody, current: true },
      { body: secondBody, current: false },
      { body: original.body, current: false },
    ]);
    const [third, second, first] = history!.versions.map((v) => new Date(v.at).getTime());
    expect(third).toBeGreaterThanOrEqual(beforeSecondEdit - 5);
    expect(third).toBeLessThanOrEqual(afterSecondEdit + 5);
    expect(second).toBeGreaterThanOrEqual(beforeFirstEdit - 5);
    expect(second).toBeLessThanOrEqual(afterFirstEdit + 5);
    expect(first).toBe(postedAt.getTime());
    const row = await db.insight.findUniqueOrThrow({
      where: { id: original.id },
      select: { editedAt: true },
    });
    expect(history!.versions[0]!.at).toBe(row.editedAt!.toISOString());
  });

  it("has one version, the current text, for an insight never edited", async () => {
    const article = await articleWithSections(1);
    const member = await establishedMember();
    const postedAt = ago(HOUR);
    const insight = await createInsightRow(db, {
      sectionId: sectionOf(article, 0),
      authorId: member.id,
      createdAt: postedAt,
    });

    const history = await getInsightHistory(insight.id);

    expect(history?.versions).toEqual([{ body: insight.body, at: postedAt.toISOString(), current: true }]);
  });

  it("shows no history for an insight awaiting review, or one whose author was banned", async () => {
    const article = await articleWithSections(2);
    const pendingAuthor = await newMember();
    const pending = await createInsight(pendingAuthor, postInput(sectionOf(article, 0)));
    const bannedAuthor = await establishedMember();
    const byBanned = await createInsight(bannedAuthor, postInput(sectionOf(article, 1)));
    await db.user.update({ where: { id: bannedAuthor.id }, data: { status: "BANNED" } });

    await expect(getInsightHistory(pending.id)).resolves.toBeNull();
    await expect(getInsightHistory(byBanned.id)).resolves.toBeNull();
    await expect(getInsightHistory("no-such-insight")).resolves.toBeNull();
  });
});
