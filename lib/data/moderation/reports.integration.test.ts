import { describe, expect, it, vi } from "vitest";
import { tags } from "@/lib/cache-tags";
import { sessionOf } from "@/lib/testing/integration";
import { createDomain } from "@/prisma/factories";
import { approveInsight } from "./decisions";
import { listModerationQueue } from "./queue";
import { listViewerReportsOnArticle, reportInsight } from "./reports";
import {
  auditRows,
  DAY,
  db,
  expectAppError,
  insightIn,
  member,
  moderator,
  notificationsOf,
  reportedInsight,
  stateOf,
  trusted,
} from "./testing";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

describe("reportInsight", () => {
  it("puts a reported insight in the queue and remembers who reported it", async () => {
    const insight = await insightIn("PUBLISHED");
    const reporter = await member();

    const result = await reportInsight(reporter, {
      insightId: insight.id,
      reason: "OTHER",
      note: "Not true.",
    });

    // Readers see nothing new until a report hides it: no pages to expire.
    expect(result).toEqual({ hidden: false, authorId: insight.authorId, tags: [], eventualTags: [] });
    expect(await stateOf(insight.id)).toMatchObject({
      status: "PUBLISHED",
      openReportCount: 1,
      queuedAt: expect.any(Date) as Date,
    });
    expect(await listViewerReportsOnArticle(reporter, insight.article.id)).toEqual([insight.id]);
    expect(await listViewerReportsOnArticle(await member(), insight.article.id)).toEqual([]);
    // Reports are members' doing, not moderation: no audit row until something is hidden or decided.
    expect(await auditRows(insight.id)).toEqual([]);
  });

  it("refuses one's own insight, a second report, a pending insight and a suspended reporter", async () => {
    const insight = await insightIn("PUBLISHED");
    const author = sessionOf({ ...(await db.user.findUniqueOrThrow({ where: { id: insight.authorId } })) });
    await expectAppError(reportInsight(author, { insightId: insight.id, reason: "SPAM" }), "FORBIDDEN");

    const reporter = await member();
    await reportInsight(reporter, { insightId: insight.id, reason: "SPAM" });
    await expectAppError(
      reportInsight(reporter, { insightId: insight.id, reason: "HARASSMENT" }),
      "CONFLICT",
      "You have already reported this insight.",
    );

    const pending = await insightIn("PENDING");
    await expectAppError(reportInsight(reporter, { insightId: pending.id, reason: "SPAM" }), "NOT_FOUND");

    const suspended = await member({
      status: "SUSPENDED",
      statusReason: "Spam",
      statusUntil: new Date(Date.now() + DAY),
    });
    await expectAppError(reportInsight(suspended, { insightId: insight.id, reason: "SPAM" }), "FORBIDDEN");

    expect((await stateOf(insight.id)).openReportCount).toBe(1);
    expect(await db.report.count({ where: { insightId: insight.id } })).toBe(1);
    expect(await db.report.count({ where: { insightId: pending.id } })).toBe(0);
  });

  it("hides the insight at the third member's report: the author is told, one audit row by that member", async () => {
    const insight = await insightIn("PUBLISHED");
    const [first, second, third, fourth] = [
      await trusted(),
      await trusted(),
      await trusted(),
      await member(),
    ];
    expect((await reportInsight(first, { insightId: insight.id, reason: "SPAM" })).hidden).toBe(false);
    expect((await reportInsight(second, { insightId: insight.id, reason: "SPAM" })).hidden).toBe(false);

    const result = await reportInsight(third, { insightId: insight.id, reason: "HARASSMENT" });

    const { handle: authorHandle } = await db.user.findUniqueOrThrow({ where: { id: insight.authorId } });
    expect(result).toEqual({
      hidden: true,
      authorId: insight.authorId,
      tags: [tags.article(insight.article.id), tags.memberHandle(authorHandle), tags.insight(insight.id)],
      eventualTags: [],
    });
    expect(await stateOf(insight.id)).toMatchObject({ status: "HIDDEN", openReportCount: 3 });
    expect(await notificationsOf(insight.authorId, insight.id)).toEqual([
      { kind: "INSIGHT_HIDDEN", reason: null, message: null },
    ]);
    expect(await auditRows(insight.id)).toEqual([
      { actorId: third.id, action: "insight.hide", targetType: "insight", reason: null, note: null },
    ]);
    // Hidden: readers no longer see it, so there is nothing more to report.
    await expectAppError(reportInsight(fourth, { insightId: insight.id, reason: "SPAM" }), "CONFLICT");
    expect(await db.report.count({ where: { insightId: insight.id } })).toBe(3);
  });

  it("hides exactly once when three members report at the same moment", async () => {
    const insight = await insightIn("PUBLISHED");
    const reporters = [await trusted(), await trusted(), await trusted()];

    const results = await Promise.all(
      reporters.map((reporter) => reportInsight(reporter, { insightId: insight.id, reason: "SPAM" })),
    );

    expect(results.filter((r) => r.hidden)).toHaveLength(1);
    expect(await stateOf(insight.id)).toMatchObject({ status: "HIDDEN", openReportCount: 3 });
    expect(await auditRows(insight.id)).toHaveLength(1);
    expect(await notificationsOf(insight.authorId, insight.id)).toHaveLength(1);
  });

  it("after a moderator approves a hidden insight, reports count from zero again", async () => {
    const insight = await reportedInsight(2);
    await reportInsight(await trusted(), { insightId: insight.id, reason: "SPAM" });
    expect((await stateOf(insight.id)).status).toBe("HIDDEN");

    await approveInsight(await moderator(), { insightId: insight.id });
    expect(await stateOf(insight.id)).toMatchObject({
      status: "PUBLISHED",
      openReportCount: 0,
      queuedAt: null,
    });
    expect((await notificationsOf(insight.authorId, insight.id)).map((n) => n.kind)).toEqual([
      "INSIGHT_HIDDEN",
      "INSIGHT_APPROVED",
    ]);

    await reportInsight(await member(), { insightId: insight.id, reason: "SPAM" });
    expect(await stateOf(insight.id)).toMatchObject({ status: "PUBLISHED", openReportCount: 1 });
    // A member who reported before the approval cannot report again.
    await expectAppError(
      reportInsight(insight.reporters[0]!, { insightId: insight.id, reason: "SPAM" }),
      "CONFLICT",
    );
  });
});

describe("reports from new accounts", () => {
  it("count like anyone's: three different members hide the insight, and the queue shows their trust", async () => {
    const domain = await createDomain(db);
    const insight = await insightIn("PUBLISHED", { domainId: domain.id });
    const [first, second, third] = [await member(), await member(), await member()];
    expect((await reportInsight(first!, { insightId: insight.id, reason: "SPAM" })).hidden).toBe(false);
    expect((await reportInsight(second!, { insightId: insight.id, reason: "SPAM" })).hidden).toBe(false);
    expect(await stateOf(insight.id)).toMatchObject({ status: "PUBLISHED", openReportCount: 2 });
    expect((await reportInsight(third!, { insightId: insight.id, reason: "MISLEADING" })).hidden).toBe(true);
    expect(await stateOf(insight.id)).toMatchObject({ status: "HIDDEN", openReportCount: 3 });
    expect(await auditRows(insight.id)).toEqual([
      { actorId: third!.id, action: "insight.hide", targetType: "insight", reason: null, note: null },
    ]);
    const queued = await listModerationQueue(await moderator(), { domainSlug: domain.slug });
    expect(queued.items.map((item) => [item.insightId, item.kind, item.reports.length])).toEqual([
      [insight.id, "hidden", 3],
    ]);
  });
});
