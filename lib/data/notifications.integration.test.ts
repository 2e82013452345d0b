import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { ReactionKind } from "@/lib/generated/prisma/enums";
import { closeAppConnections, rejectionOf } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createInsight, createUser } from "@/prisma/factories";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notifyInsightPublished,
  syncReactionNotification,
} from "./notifications";
import type { SessionUser } from "./users";

// Room for the concurrent transactions below: each holds a connection until it commits.
const db = createPrismaClient(process.env.DATABASE_URL!, { max: 8 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

type InsightRef = { id: string; authorId: string };

function sessionUserOf(user: Awaited<ReturnType<typeof createUser>>): SessionUser {
  return { id: user.id, name: user.name, handle: user.handle, headline: "", role: user.role };
}

/** A member with a published insight in the first section of a fresh article. */
async function authorWithInsight() {
  const author = await createUser(db);
  const article = await createArticle(db, { sections: [{ title: "Getting started", body: "Body." }] });
  const section = article.sections[0]!;
  const insight = await createInsight(db, { sectionId: section.id, authorId: author.id });
  return {
    author: sessionUserOf(author),
    insight: { id: insight.id, authorId: author.id } satisfies InsightRef,
    href: `/articles/${article.slug}#${section.anchor}`,
  };
}

/** A new member reacts, and the reaction's transaction syncs the notification: what the reactions code does. */
async function reactAndSync(insight: InsightRef, kind: ReactionKind): Promise<string> {
  const reactor = await createUser(db);
  await db.$transaction(async (tx) => {
    await tx.reaction.create({ data: { insightId: insight.id, userId: reactor.id, kind } });
    await syncReactionNotification(tx, insight, kind);
  });
  return reactor.id;
}

async function unreactAndSync(insight: InsightRef, userId: string, kind: ReactionKind) {
  await db.$transaction(async (tx) => {
    await tx.reaction.delete({ where: { insightId_userId: { insightId: insight.id, userId } } });
    await syncReactionNotification(tx, insight, kind);
  });
}

function stored(userId: string) {
  return db.notification.findMany({
    where: { userId },
    select: {
      id: true,
      kind: true,
      groupKey: true,
      reactionKind: true,
      actorCount: true,
      readAt: true,
      updatedAt: true,
    },
    orderBy: { createdAt: "asc" },
  });
}

describe("notifyInsightPublished", () => {
  it("tells the author once, however often and however concurrently it is called", async () => {
    const { author, insight, href } = await authorWithInsight();
    await db.$transaction((tx) => notifyInsightPublished(tx, insight));
    await db.$transaction((tx) => notifyInsightPublished(tx, insight));
    await Promise.all(
      Array.from({ length: 3 }, () => db.$transaction((tx) => notifyInsightPublished(tx, insight))),
    );

    const rows = await stored(author.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "INSIGHT_PUBLISHED", groupKey: `published:${insight.id}` });
    const { items } = await listNotifications(author);
    expect(items).toEqual([
      {
        id: rows[0]!.id,
        kind: "INSIGHT_PUBLISHED",
        text: "Your insight on “Getting started” was published.",
        href,
        unread: true,
        updatedAt: rows[0]!.updatedAt.toISOString(),
      },
    ]);
    expect(await countUnreadNotifications(author)).toBe(1);
  });

  it("does not make a read notification unread again when called once more", async () => {
    const { author, insight } = await authorWithInsight();
    await db.$transaction((tx) => notifyInsightPublished(tx, insight));
    await markAllNotificationsRead(author);
    await db.$transaction((tx) => notifyInsightPublished(tx, insight));
    expect(await countUnreadNotifications(author)).toBe(0);
  });
});

describe("syncReactionNotification", () => {
  it("groups one kind of reaction into one notification that counts the members", async () => {
    const { author, insight, href } = await authorWithInsight();
    for (let i = 0; i < 3; i++) await reactAndSync(insight, "INSIGHTFUL");
    await reactAndSync(insight, "LIKE");

    const rows = await stored(author.id);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.reactionKind === "INSIGHTFUL")).toMatchObject({
      kind: "INSIGHT_REACTIONS",
      groupKey: `reactions:${insight.id}:INSIGHTFUL`,
      actorCount: 3,
    });
    const { items } = await listNotifications(author);
    expect(items.map((item) => item.text)).toEqual([
      "1 person liked your insight",
      "3 people found your insight insightful",
    ]);
    expect(items.every((item) => item.href === href && item.unread)).toBe(true);
    expect(await countUnreadNotifications(author)).toBe(2);
  });

  it("makes a read group unread again, at the top, when more members react", async () => {
    const { author, insight } = await authorWithInsight();
    for (let i = 0; i < 3; i++) await reactAndSync(insight, "INSIGHTFUL");
    await reactAndSync(insight, "HELPFUL");
    await markAllNotificationsRead(author);
    const before = (await stored(author.id)).find((row) => row.reactionKind === "INSIGHTFUL")!;

    await reactAndSync(insight, "INSIGHTFUL");

    const after = (await stored(author.id)).find((row) => row.reactionKind === "INSIGHTFUL")!;
    expect(after).toMatchObject({ id: before.id, actorCount: 4, readAt: null });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    const { items } = await listNotifications(author);
    expect(items[0]).toMatchObject({ text: "4 people found your insight insightful", unread: true });
    expect(items[1]).toMatchObject({ text: "1 person found your insight helpful", unread: false });
    expect(await countUnreadNotifications(author)).toBe(1);
  });

  it("corrects the count in place when a member takes a reaction back", async () => {
    const { author, insight } = await authorWithInsight();
    const first = await reactAndSync(insight, "CELEBRATE");
    await reactAndSync(insight, "CELEBRATE");
    await markAllNotificationsRead(author);
    const [before] = await stored(author.id);

    await unreactAndSync(insight, first, "CELEBRATE");

    const [after] = await stored(author.id);
    expect(after).toMatchObject({ id: before!.id, actorCount: 1, readAt: before!.readAt });
    expect(after!.updatedAt).toEqual(before!.updatedAt);
  });

  it("deletes an unread group when its last reaction goes, and keeps a read one", async () => {
    const { author, insight } = await authorWithInsight();
    const liker = await reactAndSync(insight, "LIKE");
    const helper = await reactAndSync(insight, "HELPFUL");
    await markNotificationRead(
      author,
      (await stored(author.id)).find((r) => r.reactionKind === "HELPFUL")!.id,
    );

    await unreactAndSync(insight, liker, "LIKE");
    await unreactAndSync(insight, helper, "HELPFUL");

    const rows = await stored(author.id);
    expect(rows.map((row) => row.reactionKind)).toEqual(["HELPFUL"]);
    expect(rows[0]!.readAt).not.toBeNull();
    expect(await countUnreadNotifications(author)).toBe(0);
  });

  it("ignores a reaction by the author", async () => {
    const { author, insight } = await authorWithInsight();
    await db.reaction.create({ data: { insightId: insight.id, userId: author.id, kind: "LIKE" } });
    await db.$transaction((tx) => syncReactionNotification(tx, insight, "LIKE"));
    expect(await stored(author.id)).toEqual([]);
  });

  it("leaves exactly one notification when five syncs of one group run at once", async () => {
    const { author, insight } = await authorWithInsight();
    for (let i = 0; i < 3; i++) {
      const reactor = await createUser(db);
      await db.reaction.create({ data: { insightId: insight.id, userId: reactor.id, kind: "INSIGHTFUL" } });
    }

    await Promise.all(
      Array.from({ length: 5 }, () =>
        db.$transaction((tx) => syncReactionNotification(tx, insight, "INSIGHTFUL")),
      ),
    );

    const rows = await stored(author.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorCount: 3, readAt: null });
  });

  it("counts every reaction when five members react at the same moment", async () => {
    const { author, insight } = await authorWithInsight();
    const reactors = await Promise.all(Array.from({ length: 5 }, () => createUser(db)));

    await Promise.all(
      reactors.map((reactor) =>
        db.$transaction(async (tx) => {
          await tx.reaction.create({ data: { insightId: insight.id, userId: reactor.id, kind: "LIKE" } });
          await syncReactionNotification(tx, insight, "LIKE");
        }),
      ),
    );

    const rows = await stored(author.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorCount).toBe(5);
    expect((await listNotifications(author)).items[0]!.text).toBe("5 people liked your insight");
  });
});

describe("marking notifications read", () => {
  it("marks one read without moving it in the list", async () => {
    const { author, insight } = await authorWithInsight();
    await db.$transaction((tx) => notifyInsightPublished(tx, insight));
    await reactAndSync(insight, "LIKE");
    const { items: before } = await listNotifications(author);
    const published = before.find((item) => item.kind === "INSIGHT_PUBLISHED")!;

    const started = Date.now();
    await markNotificationRead(author, published.id);
    await markNotificationRead(author, published.id);

    const { items: after } = await listNotifications(author);
    expect(after.map((item) => item.id)).toEqual(before.map((item) => item.id));
    expect(after.find((item) => item.id === published.id)).toEqual({ ...published, unread: false });
    expect(await countUnreadNotifications(author)).toBe(1);
    const [row] = (await stored(author.id)).filter((r) => r.id === published.id);
    // Stored as UTC like every other timestamp: within a few seconds of now, not hours off.
    expect(Math.abs(row!.readAt!.getTime() - started)).toBeLessThan(5_000);
  });

  it("refuses another member's notification, and an unknown one, with NOT_FOUND", async () => {
    const { author, insight } = await authorWithInsight();
    const other = sessionUserOf(await createUser(db));
    await db.$transaction((tx) => notifyInsightPublished(tx, insight));
    const [notification] = await stored(author.id);

    for (const id of [notification!.id, "no-such-notification"]) {
      const error = await rejectionOf(markNotificationRead(other, id));
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await countUnreadNotifications(author)).toBe(1);
  });

  it("marks all of the actor's notifications read and nobody else's", async () => {
    const mine = await authorWithInsight();
    const theirs = await authorWithInsight();
    for (const { insight } of [mine, theirs]) {
      await db.$transaction((tx) => notifyInsightPublished(tx, insight));
      await reactAndSync(insight, "HELPFUL");
    }

    expect(await markAllNotificationsRead(mine.author)).toEqual({ count: 2 });

    expect(await countUnreadNotifications(mine.author)).toBe(0);
    expect((await listNotifications(mine.author)).items.map((item) => item.unread)).toEqual([false, false]);
    expect(await countUnreadNotifications(theirs.author)).toBe(2);
    expect(await markAllNotificationsRead(mine.author)).toEqual({ count: 0 });
  });
});

describe("listNotifications", () => {
  it("pages through every notification newest first, ties broken by id, none twice", async () => {
    const { author, insight } = await authorWithInsight();
    const kinds: ReactionKind[] = ["LIKE", "INSIGHTFUL", "HELPFUL", "CELEBRATE", "UNHELPFUL"];
    const base = Date.UTC(2026, 0, 15, 12, 0, 0);
    // Two share a timestamp, so the cursor must carry the id as well as the time.
    const times = [base, base + 1_000, base + 1_000, base + 2_000, base + 3_000].map((t) => new Date(t));
    await db.notification.createMany({
      data: kinds.map((kind, index) => ({
        userId: author.id,
        kind: "INSIGHT_REACTIONS" as const,
        groupKey: `reactions:${insight.id}:${kind}`,
        insightId: insight.id,
        reactionKind: kind,
        actorCount: index + 1,
        updatedAt: times[index]!,
      })),
    });
    const expected = (await stored(author.id))
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((row) => ({ id: row.id, updatedAt: row.updatedAt.toISOString() }));

    const seen: { id: string; updatedAt: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listNotifications(author, { cursor, limit: 2 });
      seen.push(...page.items.map(({ id, updatedAt }) => ({ id, updatedAt })));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);

    expect(pages).toBe(3);
    expect(seen).toEqual(expected);
    expect(seen[0]!.updatedAt).toBe(new Date(base + 3_000).toISOString());
  });

  it("says there is no next page when the last page is exactly full", async () => {
    const { author, insight } = await authorWithInsight();
    await db.$transaction((tx) => notifyInsightPublished(tx, insight));
    await reactAndSync(insight, "LIKE");
    const page = await listNotifications(author, { limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBeNull();
  });

  it("hides, and does not count, notifications about an insight its author deleted", async () => {
    const { author, insight } = await authorWithInsight();
    await db.$transaction((tx) => notifyInsightPublished(tx, insight));
    await reactAndSync(insight, "LIKE");
    await db.insight.update({
      where: { id: insight.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });

    expect(await listNotifications(author)).toEqual({ items: [], nextCursor: null });
    expect(await countUnreadNotifications(author)).toBe(0);
  });

  it("shows only the actor's own notifications", async () => {
    const { insight } = await authorWithInsight();
    await db.$transaction((tx) => notifyInsightPublished(tx, insight));
    const stranger = sessionUserOf(await createUser(db));
    expect((await listNotifications(stranger)).items).toEqual([]);
    expect(await countUnreadNotifications(stranger)).toBe(0);
  });

  it("refuses a cursor it did not make with INVALID_INPUT", async () => {
    const { author } = await authorWithInsight();
    for (const cursor of ["not-a-cursor", Buffer.from("yesterday|abc").toString("base64url")]) {
      const error = await rejectionOf(listNotifications(author, { cursor }));
      expect(error).toMatchObject({ code: "INVALID_INPUT" });
    }
  });
});
