import { describe, expect, it, vi } from "vitest";
import { tags } from "@/lib/cache-tags";
import { appErrorOf } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createDomain } from "@/prisma/factories";
import { resolveArticleSlug } from "../content";
import * as articles from "./articles";
import * as publishing from "./publishing";
import { auditOf, db, draftWithSections, MINUTE, person } from "./testing";

await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));

describe("drafts are invisible to readers", () => {
  it("an article needs a section before it is published or scheduled", async () => {
    const admin = await person("ADMIN");
    const domain = await createDomain(db);
    const empty = await articles.createArticle(admin, {
      domainId: domain.id,
      kind: "GUIDE",
      title: "Empty",
      slug: "",
      summary: "S",
    });
    expect((await appErrorOf(publishing.publishArticle(admin, { id: empty.id }))).message).toMatch(
      /at least one section/,
    );
    expect(
      (
        await appErrorOf(
          publishing.scheduleArticle(admin, { id: empty.id, scheduledAt: new Date(Date.now() + MINUTE) }),
        )
      ).message,
    ).toMatch(/at least one section/);
  });
});

describe("scheduled publishing", () => {
  it("a due draft is published once, even by two runs at the same moment; a later one waits", async () => {
    const admin = await person("ADMIN");
    const now = new Date();
    const due = await draftWithSections();
    const later = await draftWithSections();
    await publishing.scheduleArticle(
      admin,
      { id: due.id, scheduledAt: new Date(now.getTime() + MINUTE) },
      now,
    );
    await publishing.scheduleArticle(
      admin,
      { id: later.id, scheduledAt: new Date(now.getTime() + 10 * 24 * 60 * MINUTE) },
      now,
    );
    expect(await resolveArticleSlug(due.slug)).toBeNull();

    // Before its time nothing happens.
    expect((await publishing.publishDueArticles(now)).published.map((a) => a.id)).not.toContain(due.id);

    const runAt = new Date(now.getTime() + 2 * MINUTE);
    const runs = await Promise.all([
      publishing.publishDueArticles(runAt),
      publishing.publishDueArticles(runAt),
    ]);
    const publishedIds = runs.flatMap((run) => run.published.map((a) => a.id));
    expect(publishedIds.filter((id) => id === due.id)).toHaveLength(1);
    expect(publishedIds).not.toContain(later.id);
    const winner = runs.find((run) => run.published.some((a) => a.id === due.id))!;
    expect(winner.tags).toEqual(
      expect.arrayContaining([tags.article(due.id), tags.articleSlug(due.slug), tags.articles]),
    );

    const row = await db.article.findUniqueOrThrow({
      where: { id: due.id },
      select: { status: true, scheduledAt: true, publishedAt: true },
    });
    expect(row).toEqual({
      status: "PUBLISHED",
      scheduledAt: null,
      publishedAt: new Date(now.getTime() + MINUTE),
    });
    expect(await resolveArticleSlug(due.slug)).toBe(due.id);
    // One publish entry, in the name of the admin who scheduled it.
    const entries = await auditOf(due.id);
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ["article.schedule", admin.id],
      ["article.publish", admin.id],
    ]);
    expect(await db.article.findUniqueOrThrow({ where: { id: later.id }, select: { status: true } })).toEqual(
      {
        status: "DRAFT",
      },
    );
  });

  it("write UTC times whatever the database session's time zone", async () => {
    // The app's client, connected as a server whose default zone is New York would connect.
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("options", "-c TimeZone=America/New_York");
    const app = globalThis as unknown as { roundtableDb?: unknown };
    const before = app.roundtableDb;
    const newYork = createPrismaClient(url.toString(), { max: 2 });
    app.roundtableDb = newYork;
    try {
      const [zone] = await newYork.$queryRaw<{ TimeZone: string }[]>`SHOW TIME ZONE`;
      expect(zone?.TimeZone).toBe("America/New_York");
      const admin = await person("ADMIN");
      const close = (date: Date | null | undefined, to: number) =>
        expect(Math.abs((date?.getTime() ?? Number.NaN) - to)).toBeLessThan(10_000);

      const now = await draftWithSections();
      await publishing.publishArticle(admin, { id: now.id });
      const published = await db.article.findUniqueOrThrow({
        where: { id: now.id },
        select: { publishedAt: true, updatedAt: true },
      });
      close(published.publishedAt, Date.now());
      close(published.updatedAt, Date.now());

      const start = new Date();
      const scheduled = await draftWithSections();
      await publishing.scheduleArticle(
        admin,
        { id: scheduled.id, scheduledAt: new Date(start.getTime() + MINUTE) },
        start,
      );
      const run = await publishing.publishDueArticles(new Date(start.getTime() + 2 * MINUTE));
      expect(run.published.map((a) => a.id)).toContain(scheduled.id);
      const row = await db.article.findUniqueOrThrow({
        where: { id: scheduled.id },
        select: { publishedAt: true, updatedAt: true },
      });
      expect(row.publishedAt).toEqual(new Date(start.getTime() + MINUTE));
      close(row.updatedAt, Date.now());
    } finally {
      app.roundtableDb = before;
      await newYork.$disconnect();
    }
  });

  it("refuses a moment in the past and a published article; a schedule can be cancelled", async () => {
    const admin = await person("ADMIN");
    const draft = await draftWithSections();
    const past = await appErrorOf(
      publishing.scheduleArticle(admin, { id: draft.id, scheduledAt: new Date(Date.now() - MINUTE) }),
    );
    expect(past).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { scheduledAt: expect.any(String) } });
    const published = await createArticle(db);
    expect(
      (
        await appErrorOf(
          publishing.scheduleArticle(admin, { id: published.id, scheduledAt: new Date(Date.now() + MINUTE) }),
        )
      ).code,
    ).toBe("CONFLICT");

    const at = new Date(Date.now() + 60 * MINUTE);
    expect(
      (await publishing.scheduleArticle(admin, { id: draft.id, scheduledAt: at })).article.scheduledAt,
    ).toBe(at.toISOString());
    expect((await publishing.cancelSchedule(admin, { id: draft.id })).article.scheduledAt).toBeNull();
    expect(
      (await publishing.publishDueArticles(new Date(at.getTime() + MINUTE))).published.map((a) => a.id),
    ).not.toContain(draft.id);
    expect((await auditOf(draft.id)).map((e) => e.action)).toEqual(["article.schedule", "article.schedule"]);
  });
});
