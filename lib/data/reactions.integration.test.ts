import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { rankInsights, type ReactionCounts } from "@/lib/domain/ranking";
import type { ReactionKind } from "@/lib/generated/prisma/enums";
import { closeAppConnections, rejectionOf } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createInsight, createUser } from "@/prisma/factories";
import { getArticleView, listSectionInsights, SECTION_INSIGHT_LIMIT } from "./content";
import {
  countsOf,
  getOwnArticleFeedback,
  listOwnReactionsOnArticle,
  setArticleFeedback,
  setReaction,
} from "./reactions";
import { lockMember } from "./locks";
import type { SessionUser } from "./users";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

// Room for the concurrent transactions below when this client checks on them.
const db = createPrismaClient(process.env.DATABASE_URL!, { max: 4 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

const HOUR = 60 * 60 * 1000;
const ZERO: ReactionCounts = { LIKE: 0, INSIGHTFUL: 0, HELPFUL: 0, CELEBRATE: 0, UNHELPFUL: 0 };

type User = Awaited<ReturnType<typeof createUser>>;

function sessionUserOf(user: User): SessionUser {
  return { id: user.id, name: user.name, handle: user.handle, headline: "", role: user.role };
}

async function member(overrides: Parameters<typeof createUser>[1] = {}): Promise<SessionUser> {
  return sessionUserOf(await createUser(db, overrides));
}

async function members(count: number): Promise<SessionUser[]> {
  const list: SessionUser[] = [];
  for (let i = 0; i < count; i++) list.push(await member());
  return list;
}

/** A published insight by a fresh author, in the first section of a fresh published article. */
async function publishedInsight() {
  const author = await member();
  const article = await createArticle(db);
  const section = article.sections[0]!;
  const { id } = await createInsight(db, { sectionId: section.id, authorId: author.id });
  return { id, author, article, section };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

/** The insight's counter columns, and the counts of its reaction rows. */
async function countersAndRows(insightId: string) {
  const insight = await db.insight.findUniqueOrThrow({
    where: { id: insightId },
    select: {
      likeCount: true,
      insightfulCount: true,
      helpfulCount: true,
      celebrateCount: true,
      unhelpfulCount: true,
    },
  });
  const rows = await db.reaction.findMany({ where: { insightId }, select: { userId: true, kind: true } });
  const fromRows = { ...ZERO };
  for (const row of rows) fromRows[row.kind] += 1;
  return { counters: countsOf(insight), fromRows, rows };
}

/** Asserts that the counters equal the rows and returns them. */
async function expectCountersMatchRows(insightId: string): Promise<ReactionCounts> {
  const { counters, fromRows } = await countersAndRows(insightId);
  expect(counters).toEqual(fromRows);
  return counters;
}

describe("setReaction", () => {
  it("sets, changes and removes a member's reaction, the counters equal to the rows every time", async () => {
    const insight = await publishedInsight();
    const [reader, other] = await members(2);

    const liked = await setReaction(reader!, { insightId: insight.id, kind: "LIKE" });
    expect(liked).toMatchObject({
      counts: { ...ZERO, LIKE: 1 },
      mine: "LIKE",
      authorId: insight.author.id,
      changedKinds: ["LIKE"],
      tags: [`article:${insight.article.id}`],
    });
    expect(await expectCountersMatchRows(insight.id)).toEqual({ ...ZERO, LIKE: 1 });

    await setReaction(other!, { insightId: insight.id, kind: "LIKE" });
    expect(await expectCountersMatchRows(insight.id)).toEqual({ ...ZERO, LIKE: 2 });

    const changed = await setReaction(reader!, { insightId: insight.id, kind: "HELPFUL" });
    expect(changed.counts).toEqual({ ...ZERO, LIKE: 1, HELPFUL: 1 });
    expect(changed.mine).toBe("HELPFUL");
    expect([...changed.changedKinds].sort()).toEqual(["HELPFUL", "LIKE"]);
    expect(await expectCountersMatchRows(insight.id)).toEqual({ ...ZERO, LIKE: 1, HELPFUL: 1 });
    // One reaction per member: the change replaced the row.
    expect(await db.reaction.count({ where: { insightId: insight.id, userId: reader!.id } })).toBe(1);

    const same = await setReaction(reader!, { insightId: insight.id, kind: "HELPFUL" });
    expect(same.counts).toEqual({ ...ZERO, LIKE: 1, HELPFUL: 1 });
    expect(same.changedKinds).toEqual([]);

    const removed = await setReaction(reader!, { insightId: insight.id, kind: null });
    expect(removed.counts).toEqual({ ...ZERO, LIKE: 1 });
    expect(removed.mine).toBeNull();
    expect(removed.changedKinds).toEqual(["HELPFUL"]);
    expect(await expectCountersMatchRows(insight.id)).toEqual({ ...ZERO, LIKE: 1 });
    expect(await db.reaction.count({ where: { insightId: insight.id, userId: reader!.id } })).toBe(0);

    // Removing a reaction that is not there changes nothing.
    const again = await setReaction(reader!, { insightId: insight.id, kind: null });
    expect(again.counts).toEqual({ ...ZERO, LIKE: 1 });
    expect(again.changedKinds).toEqual([]);

    const unhelpful = await setReaction(other!, { insightId: insight.id, kind: "UNHELPFUL" });
    expect(unhelpful.counts).toEqual({ ...ZERO, UNHELPFUL: 1 });
    expect(await expectCountersMatchRows(insight.id)).toEqual({ ...ZERO, UNHELPFUL: 1 });
  });

  it("refuses a reaction to one's own insight (FORBIDDEN) and records nothing", async () => {
    const insight = await publishedInsight();
    expect(await codeOf(setReaction(insight.author, { insightId: insight.id, kind: "LIKE" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(setReaction(insight.author, { insightId: insight.id, kind: null }))).toBe(
      "FORBIDDEN",
    );
    const { counters, rows } = await countersAndRows(insight.id);
    expect(rows).toEqual([]);
    expect(counters).toEqual(ZERO);
  });

  it("holds the insight rules for a suspended member's account as well", async () => {
    const suspended = await member({
      status: "SUSPENDED",
      statusReason: "Cooling off",
      statusUntil: new Date(Date.now() + 24 * HOUR),
    });
    const author = await createUser(db, { status: "SUSPENDED", statusUntil: new Date(Date.now() + HOUR) });
    const article = await createArticle(db);
    const own = await createInsight(db, { sectionId: article.sections[0]!.id, authorId: author.id });
    const pending = await createInsight(db, {
      sectionId: article.sections[0]!.id,
      authorId: suspended.id,
      status: "PENDING",
    });
    // A suspended author's insights are hidden from readers, so there is nothing to react to.
    expect(await codeOf(setReaction(sessionUserOf(author), { insightId: own.id, kind: "LIKE" }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(setReaction(suspended, { insightId: pending.id, kind: "LIKE" }))).toBe("NOT_FOUND");
    expect(await db.reaction.count({ where: { insightId: { in: [own.id, pending.id] } } })).toBe(0);
  });

  describe("refuses an insight that is not published on a published article (NOT_FOUND)", () => {
    let reader: SessionUser;
    beforeAll(async () => {
      reader = await member();
    });

    async function expectNotFound(insightId: string) {
      for (const kind of ["INSIGHTFUL", null] as const) {
        expect(await codeOf(setReaction(reader, { insightId, kind }))).toBe("NOT_FOUND");
      }
      expect(await db.reaction.count({ where: { insightId } })).toBe(0);
    }

    it.each(["PENDING", "REMOVED", "REJECTED"] as const)("a %s insight", async (status) => {
      const author = await member();
      const article = await createArticle(db);
      const insight = await createInsight(db, {
        sectionId: article.sections[0]!.id,
        authorId: author.id,
        status,
      });
      await expectNotFound(insight.id);
      expect(await expectCountersMatchRows(insight.id)).toEqual(ZERO);
    });

    it("an insight its author deleted", async () => {
      const insight = await publishedInsight();
      await db.insight.update({
        where: { id: insight.id },
        data: { deletedAt: new Date(), liveSectionId: null },
      });
      await expectNotFound(insight.id);
    });

    it("a published insight on a draft article", async () => {
      const author = await member();
      const draft = await createArticle(db, { status: "DRAFT" });
      const insight = await createInsight(db, { sectionId: draft.sections[0]!.id, authorId: author.id });
      await expectNotFound(insight.id);
    });

    it("an insight that does not exist", async () => {
      expect(await codeOf(setReaction(reader, { insightId: "no-such-insight", kind: "LIKE" }))).toBe(
        "NOT_FOUND",
      );
    });

    it("an insight once reacted to, after it was removed: the reaction cannot be changed any more", async () => {
      const insight = await publishedInsight();
      await setReaction(reader, { insightId: insight.id, kind: "LIKE" });
      await db.insight.update({ where: { id: insight.id }, data: { status: "REMOVED" } });
      expect(await codeOf(setReaction(reader, { insightId: insight.id, kind: "HELPFUL" }))).toBe("NOT_FOUND");
      const { rows } = await countersAndRows(insight.id);
      expect(rows.map((row) => row.kind)).toEqual(["LIKE"]);
    });
  });

  describe("under concurrency", () => {
    it("counts 20 members reacting Insightful at once: 20 rows, insightfulCount 20", async () => {
      const insight = await publishedInsight();
      const readers = await members(20);
      const results = await Promise.allSettled(
        readers.map((reader) => setReaction(reader, { insightId: insight.id, kind: "INSIGHTFUL" })),
      );
      expect(results.filter((result) => result.status === "rejected")).toEqual([]);

      const { counters, fromRows, rows } = await countersAndRows(insight.id);
      expect(rows).toHaveLength(20);
      expect(new Set(rows.map((row) => row.userId))).toEqual(new Set(readers.map((reader) => reader.id)));
      expect(fromRows).toEqual({ ...ZERO, INSIGHTFUL: 20 });
      expect(counters).toEqual({ ...ZERO, INSIGHTFUL: 20 });
      // The transaction that committed last saw every other one's reaction.
      const highest = Math.max(
        ...results.map((result) => (result.status === "fulfilled" ? result.value.counts.INSIGHTFUL : 0)),
      );
      expect(highest).toBe(20);
      // …and so does the author's grouped notification.
      const notification = await db.notification.findUnique({
        where: {
          userId_groupKey: { userId: insight.author.id, groupKey: `reactions:${insight.id}:INSIGHTFUL` },
        },
        select: { actorCount: true },
      });
      expect(notification?.actorCount).toBe(20);
    });

    it("keeps one member's 10 racing changes to exactly one row, the counters matching it", async () => {
      const insight = await publishedInsight();
      const reader = await member();
      const kinds: ReactionKind[] = ["INSIGHTFUL", "HELPFUL", "LIKE", "UNHELPFUL", "CELEBRATE"];
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          setReaction(reader, { insightId: insight.id, kind: kinds[i % kinds.length]! }),
        ),
      );
      expect(results.filter((result) => result.status === "rejected")).toEqual([]);

      const { counters, rows } = await countersAndRows(insight.id);
      expect(rows).toHaveLength(1);
      expect(counters).toEqual({ ...ZERO, [rows[0]!.kind]: 1 });
      // The author is told about the surviving reaction only.
      const notifications = await db.notification.findMany({
        where: { userId: insight.author.id, kind: "INSIGHT_REACTIONS" },
        select: { groupKey: true, actorCount: true },
      });
      expect(notifications).toEqual([
        { groupKey: `reactions:${insight.id}:${rows[0]!.kind}`, actorCount: 1 },
      ]);
    });

    it("keeps the counters right when members add, change and remove reactions at once", async () => {
      const insight = await publishedInsight();
      const readers = await members(8);
      await Promise.all(
        readers.map((reader) => setReaction(reader, { insightId: insight.id, kind: "LIKE" })),
      );
      const changes: (ReactionKind | null)[] = ["HELPFUL", null, "UNHELPFUL", "LIKE"];
      await Promise.all(
        readers.map((reader, i) => setReaction(reader, { insightId: insight.id, kind: changes[i % 4]! })),
      );
      expect(await expectCountersMatchRows(insight.id)).toEqual({
        ...ZERO,
        LIKE: 2,
        HELPFUL: 2,
        UNHELPFUL: 2,
      });
    });
  });

  it("groups the author's notification: 3 members' Insightful make one notification for 3", async () => {
    const insight = await publishedInsight();
    const readers = await members(3);
    for (const reader of readers) await setReaction(reader, { insightId: insight.id, kind: "INSIGHTFUL" });

    const groupKey = `reactions:${insight.id}:INSIGHTFUL`;
    const notifications = await db.notification.findMany({
      where: { userId: insight.author.id },
      select: {
        kind: true,
        groupKey: true,
        insightId: true,
        reactionKind: true,
        actorCount: true,
        readAt: true,
      },
    });
    expect(notifications).toEqual([
      {
        kind: "INSIGHT_REACTIONS",
        groupKey,
        insightId: insight.id,
        reactionKind: "INSIGHTFUL",
        actorCount: 3,
        readAt: null,
      },
    ]);

    // One changes their mind: the Insightful group shrinks and a Like group appears.
    await setReaction(readers[0]!, { insightId: insight.id, kind: "LIKE" });
    const after = await db.notification.findMany({
      where: { userId: insight.author.id },
      select: { groupKey: true, actorCount: true },
      orderBy: { groupKey: "asc" },
    });
    expect(after).toEqual([
      { groupKey, actorCount: 2 },
      { groupKey: `reactions:${insight.id}:LIKE`, actorCount: 1 },
    ]);
    // No reactor is notified of anything.
    expect(
      await db.notification.count({ where: { userId: { in: readers.map((reader) => reader.id) } } }),
    ).toBe(0);
  });
});

describe("setReaction and the author's own writes", () => {
  /** Resolves once some session of this database waits for a row lock, or `settled` is. */
  async function someoneWaitsForALock(settled: Promise<unknown>): Promise<void> {
    let done = false;
    void settled.finally(() => (done = true));
    while (!done) {
      const [row] = await db.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS "waiting" FROM pg_stat_activity
        WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`;
      if (row && row.waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it("does not deadlock with the author editing the insight at the same moment", async () => {
    const { id, author } = await publishedInsight();
    const reactor = await member();
    let reaction: Promise<string> | undefined;

    // The author's edit as lib/data/insights.ts takes its locks: the member's row, then the insight's. The
    // reaction locks the insight and then writes the author's notification in between.
    await db.$transaction(
      async (tx) => {
        await lockMember(tx, author.id);
        reaction = setReaction(reactor, { insightId: id, kind: "INSIGHTFUL" }).then(
          () => "reacted",
          (error: unknown) => `failed: ${String(error)}`,
        );
        // Either the reaction finishes, or it waits for a lock this transaction holds.
        await someoneWaitsForALock(reaction);
        await tx.$queryRaw`SELECT "id" FROM "Insight" WHERE "id" = ${id} FOR UPDATE`;
      },
      { timeout: 20_000 },
    );

    expect(await reaction).toBe("reacted");
    expect((await countersAndRows(id)).counters.INSIGHTFUL).toBe(1);
  });
});

describe("listOwnReactionsOnArticle", () => {
  it("returns the actor's reactions on that article's insights, nobody else's and no other article's", async () => {
    const article = await createArticle(db);
    const elsewhere = await publishedInsight();
    const [first, second] = article.sections;
    const insights: string[] = [];
    for (const sectionId of [first!.id, first!.id, second!.id]) {
      const author = await member();
      insights.push((await createInsight(db, { sectionId, authorId: author.id })).id);
    }
    const [actor, other] = await members(2);

    expect(await listOwnReactionsOnArticle(actor!, article.id)).toEqual({});

    await setReaction(actor!, { insightId: insights[0]!, kind: "CELEBRATE" });
    await setReaction(actor!, { insightId: insights[2]!, kind: "UNHELPFUL" });
    await setReaction(actor!, { insightId: elsewhere.id, kind: "LIKE" });
    await setReaction(other!, { insightId: insights[1]!, kind: "HELPFUL" });
    await setReaction(other!, { insightId: insights[0]!, kind: "LIKE" });

    expect(await listOwnReactionsOnArticle(actor!, article.id)).toEqual({
      [insights[0]!]: "CELEBRATE",
      [insights[2]!]: "UNHELPFUL",
    });
    expect(await listOwnReactionsOnArticle(other!, article.id)).toEqual({
      [insights[0]!]: "LIKE",
      [insights[1]!]: "HELPFUL",
    });
    expect(await listOwnReactionsOnArticle(actor!, elsewhere.article.id)).toEqual({ [elsewhere.id]: "LIKE" });

    await setReaction(actor!, { insightId: insights[0]!, kind: null });
    expect(await listOwnReactionsOnArticle(actor!, article.id)).toEqual({ [insights[2]!]: "UNHELPFUL" });
  });
});

describe("setArticleFeedback", () => {
  it("remembers one answer per member, changeable; a reason is kept with No only", async () => {
    const article = await createArticle(db);
    const [reader, other] = await members(2);
    const rowsOf = () =>
      db.articleFeedback.findMany({
        where: { articleId: article.id, userId: reader!.id },
        select: { liked: true, reason: true },
      });

    expect(await getOwnArticleFeedback(reader!, article.id)).toBeNull();

    // The article page shows how many said yes: it is expired at once.
    expect(await setArticleFeedback(reader!, { articleId: article.id, liked: true })).toEqual({
      liked: true,
      yesCount: 1,
      tags: [`article:${article.id}`],
      eventualTags: [],
    });
    expect(await rowsOf()).toEqual([{ liked: true, reason: null }]);

    expect(
      await setArticleFeedback(reader!, { articleId: article.id, liked: false, reason: "Needs examples." }),
    ).toEqual({ liked: false, yesCount: 0, tags: [`article:${article.id}`], eventualTags: [] });
    expect(await rowsOf()).toEqual([{ liked: false, reason: "Needs examples." }]);
    expect(await getOwnArticleFeedback(reader!, article.id)).toEqual({
      liked: false,
      reason: "Needs examples.",
    });

    // Another member's Yes counts; this member's No does not.
    expect((await setArticleFeedback(other!, { articleId: article.id, liked: true })).yesCount).toBe(1);

    // Yes clears the reason, even when one is sent along.
    expect(
      await setArticleFeedback(reader!, {
        articleId: article.id,
        liked: true,
        reason: "Ignored with a Yes.",
      }),
    ).toEqual({ liked: true, yesCount: 2, tags: [`article:${article.id}`], eventualTags: [] });
    expect(await rowsOf()).toEqual([{ liked: true, reason: null }]);

    // A blank reason is no reason.
    await setArticleFeedback(reader!, { articleId: article.id, liked: false, reason: "" });
    expect(await rowsOf()).toEqual([{ liked: false, reason: null }]);

    expect((await getArticleView(article.id))?.yesCount).toBe(1);
    expect(await db.articleFeedback.count({ where: { articleId: article.id } })).toBe(2);
  });

  it("refuses an unknown or a draft article (NOT_FOUND) and records nothing", async () => {
    const reader = await member();
    const draft = await createArticle(db, { status: "DRAFT" });
    expect(await codeOf(setArticleFeedback(reader, { articleId: "no-such-article", liked: true }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(setArticleFeedback(reader, { articleId: draft.id, liked: false, reason: "x" }))).toBe(
      "NOT_FOUND",
    );
    expect(await db.articleFeedback.count({ where: { userId: reader.id } })).toBe(0);
  });
});

describe("the article's insights, ranked", () => {
  type Ranked = { id: string; counts: ReactionCounts; publishedAt: Date };
  let article: Awaited<ReturnType<typeof createArticle>>;
  let otherArticle: Awaited<ReturnType<typeof createArticle>>;
  /** the section's visible insights, by name */
  const named: Record<string, string> = {};
  let hiddenIds: string[] = [];
  let lonely: string;

  beforeAll(async () => {
    article = await createArticle(db);
    otherArticle = await createArticle(db);
    const [section, second] = article.sections;
    const now = Date.now();
    for (const [name, hoursAgo] of [
      ["popular", 100],
      ["fresh", 1],
      ["disputed", 200],
      ["helpful", 80],
      ["mixed", 10],
    ] as const) {
      const author = await member();
      const insight = await createInsight(db, {
        sectionId: section!.id,
        authorId: author.id,
        createdAt: new Date(now - hoursAgo * HOUR),
      });
      named[name] = insight.id;
    }
    const hidden = await Promise.all(
      (["PENDING", "REMOVED"] as const).map(async (status) =>
        createInsight(db, { sectionId: section!.id, authorId: (await member()).id, status }),
      ),
    );
    const deleted = await createInsight(db, { sectionId: section!.id, authorId: (await member()).id });
    await db.insight.update({
      where: { id: deleted.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });
    hiddenIds = [...hidden.map((insight) => insight.id), deleted.id];
    lonely = (await createInsight(db, { sectionId: second!.id, authorId: (await member()).id })).id;

    // Scores: popular 6, fresh ≈ 3 (its head start), helpful 2, mixed ≈ -1 + 2.6, disputed 0.
    const [a, b, c] = await members(3);
    const reactions: [SessionUser, string, ReactionKind][] = [
      [a!, "popular", "INSIGHTFUL"],
      [b!, "popular", "INSIGHTFUL"],
      [c!, "popular", "INSIGHTFUL"],
      [a!, "disputed", "LIKE"],
      [b!, "disputed", "LIKE"],
      [c!, "disputed", "UNHELPFUL"],
      [a!, "helpful", "HELPFUL"],
      [b!, "mixed", "LIKE"],
      [c!, "mixed", "UNHELPFUL"],
      [a!, "lonely", "CELEBRATE"],
    ];
    for (const [reader, name, kind] of reactions) {
      await setReaction(reader, { insightId: named[name] ?? lonely, kind });
    }
  });

  async function visibleInsights(sectionId: string): Promise<Ranked[]> {
    const rows = await db.insight.findMany({
      where: { sectionId, status: "PUBLISHED", deletedAt: null },
      select: {
        id: true,
        publishedAt: true,
        likeCount: true,
        insightfulCount: true,
        helpfulCount: true,
        celebrateCount: true,
        unhelpfulCount: true,
      },
    });
    return rows.map((row) => ({ id: row.id, counts: countsOf(row), publishedAt: row.publishedAt! }));
  }

  const namesOf = (ids: string[]) =>
    ids.map((id) => Object.entries(named).find(([, value]) => value === id)?.[0] ?? id);

  it("shows the top 3 insights of a section by rank, with their reaction counts and the section's total", async () => {
    const view = await getArticleView(article.id);
    const [section, second] = view!.sections;
    expect(SECTION_INSIGHT_LIMIT).toBe(3);

    const expected = rankInsights(await visibleInsights(article.sections[0]!.id), "top");
    expect(section!.insightCount).toBe(5);
    expect(section!.insights).toHaveLength(3);
    expect(section!.insights.map((insight) => insight.id)).toEqual(
      expected.slice(0, 3).map((insight) => insight.id),
    );
    expect(namesOf(section!.insights.map((insight) => insight.id))).toEqual(["popular", "fresh", "helpful"]);
    expect(section!.insights.map((insight) => insight.reactions)).toEqual([
      { ...ZERO, INSIGHTFUL: 3 },
      ZERO,
      { ...ZERO, HELPFUL: 1 },
    ]);
    for (const hidden of hiddenIds) {
      expect(section!.insights.map((insight) => insight.id)).not.toContain(hidden);
    }

    expect(second!.insightCount).toBe(1);
    expect(second!.insights.map((insight) => [insight.id, insight.reactions])).toEqual([
      [lonely, { ...ZERO, CELEBRATE: 1 }],
    ]);
  });

  it("follows a new reaction: an Unhelpful drops an insight out of the top 3", async () => {
    const reader = await member();
    await setReaction(reader, { insightId: named.helpful!, kind: "UNHELPFUL" });
    try {
      const section = (await getArticleView(article.id))!.sections[0]!;
      expect(namesOf(section.insights.map((insight) => insight.id))).toEqual(["popular", "fresh", "mixed"]);
    } finally {
      await setReaction(reader, { insightId: named.helpful!, kind: null });
    }
  });

  it.each([
    ["top", ["popular", "fresh", "helpful", "mixed", "disputed"]],
    ["newest", ["fresh", "mixed", "helpful", "popular", "disputed"]],
  ] as const)("pages through every insight exactly once in %s order", async (order, names) => {
    const sectionId = article.sections[0]!.id;
    const seen: string[] = [];
    for (let offset = 0; offset < 7; offset += 2) {
      const page = await listSectionInsights(article.id, sectionId, { order, offset, limit: 2 });
      expect(page?.total).toBe(5);
      expect(page!.insights.length).toBe(Math.max(0, Math.min(2, 5 - offset)));
      seen.push(...page!.insights.map((insight) => insight.id));
    }
    expect(namesOf(seen)).toEqual(names);
    expect(new Set(seen).size).toBe(5);
    expect(seen).toEqual(rankInsights(await visibleInsights(sectionId), order).map((insight) => insight.id));

    const all = await listSectionInsights(article.id, sectionId, { order, offset: 0, limit: 50 });
    expect(all?.insights.map((insight) => insight.id)).toEqual(seen);
    const popular = all!.insights.find((insight) => insight.id === named.popular);
    expect(popular?.reactions).toEqual({ ...ZERO, INSIGHTFUL: 3 });
  });

  it("continues the article page's top 3 with the rest", async () => {
    const view = await getArticleView(article.id);
    const first = view!.sections[0]!;
    const rest = await listSectionInsights(article.id, first.id, {
      order: "top",
      offset: first.insights.length,
      limit: 10,
    });
    expect([...first.insights, ...rest!.insights].map((insight) => insight.id).sort()).toEqual(
      Object.values(named).sort(),
    );
  });

  it("has no page for a section of another article, or of a draft article", async () => {
    const sectionId = article.sections[0]!.id;
    const query = { order: "top", offset: 0, limit: 10 } as const;
    expect(await listSectionInsights(otherArticle.id, sectionId, query)).toBeNull();
    expect(await listSectionInsights(article.id, otherArticle.sections[0]!.id, query)).toBeNull();
    expect(await listSectionInsights(article.id, "no-such-section", query)).toBeNull();

    await db.article.update({ where: { id: article.id }, data: { status: "DRAFT" } });
    try {
      expect(await listSectionInsights(article.id, sectionId, query)).toBeNull();
      expect(await getArticleView(article.id)).toBeNull();
    } finally {
      await db.article.update({ where: { id: article.id }, data: { status: "PUBLISHED" } });
    }
  });
});
