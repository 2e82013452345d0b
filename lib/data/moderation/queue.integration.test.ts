import { describe, expect, it, vi } from "vitest";
import { AUTO_FLAG_LABELS } from "@/lib/domain/auto-checks";
import { sessionOf } from "@/lib/testing/integration";
import { createDomain } from "@/prisma/factories";
import { appealDecision } from "./appeals";
import { approveInsight, rejectInsight } from "./decisions";
import { countModerationQueue, listModerationQueue, QUEUE_PAGE_SIZE } from "./queue";
import { reportInsight } from "./reports";
import {
  ago,
  DAY,
  db,
  expectAppError,
  insightIn,
  member,
  MINUTE,
  moderator,
  reportedInsight,
} from "./testing";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

describe("listModerationQueue", () => {
  it("lists pending, reported, hidden and appealed items oldest first, with filters by kind", async () => {
    const mod = await moderator();
    const domain = await createDomain(db);
    const pending = await insightIn("PENDING", { domainId: domain.id, queuedAt: ago(40 * MINUTE) });
    const reported = await reportedInsight(1, { domainId: domain.id });
    const hidden = await insightIn("HIDDEN", { domainId: domain.id, queuedAt: ago(50 * MINUTE) });
    const appealed = await insightIn("PENDING", { domainId: domain.id, queuedAt: ago(60 * MINUTE) });
    const decider = await moderator();
    await rejectInsight(decider, { insightId: appealed.id, reason: "SPAM", note: "Ads." });
    const author = sessionOf(await db.user.findUniqueOrThrow({ where: { id: appealed.authorId } }));
    const { appealId } = await appealDecision(author, { insightId: appealed.id, message: "Not ads." });
    // Decided items and deleted ones are not in the queue.
    const decided = await insightIn("PENDING", { domainId: domain.id });
    await approveInsight(mod, { insightId: decided.id });
    const deleted = await insightIn("PENDING", { domainId: domain.id });
    await db.insight.update({
      where: { id: deleted.id },
      data: { deletedAt: new Date(), liveSectionId: null },
    });

    const page = await listModerationQueue(mod, { domainSlug: domain.slug });

    expect(page.items.map((i) => [i.insightId, i.kind])).toEqual([
      [hidden.id, "hidden"],
      [pending.id, "pending"],
      [reported.id, "reported"],
      [appealed.id, "appeal"],
    ]);
    expect(page.nextCursor).toBeNull();
    const appealItem = page.items[3]!;
    expect(appealItem.appeal).toMatchObject({ id: appealId, message: "Not ads.", moderatorId: decider.id });
    expect(appealItem.decision).toMatchObject({ reason: "SPAM", note: "Ads.", moderatorName: decider.name });
    expect(page.items[2]!.reports).toEqual([
      expect.objectContaining({ reason: "SPAM", reporterHandle: reported.reporters[0]!.handle }),
    ]);
    expect(page.items[1]!.decision).toBeNull();

    for (const kind of ["pending", "reported", "hidden", "appeal"] as const) {
      const filtered = await listModerationQueue(mod, { domainSlug: domain.slug, kind });
      expect(filtered.items.map((i) => i.kind)).toEqual([kind]);
    }
  });

  it("filters by report reason and by domain, a parent domain including its child domains", async () => {
    const mod = await moderator();
    const parent = await createDomain(db);
    const child = await createDomain(db, { parentId: parent.id });
    const spam = await insightIn("PUBLISHED", { domainId: child.id });
    await reportInsight(await member(), { insightId: spam.id, reason: "SPAM" });
    const harassment = await insightIn("PUBLISHED", { domainId: parent.id });
    await reportInsight(await member(), { insightId: harassment.id, reason: "HARASSMENT" });

    const inParent = await listModerationQueue(mod, { domainSlug: parent.slug });
    expect(inParent.items.map((i) => i.insightId).sort()).toEqual([spam.id, harassment.id].sort());
    const inChild = await listModerationQueue(mod, { domainSlug: child.slug });
    expect(inChild.items.map((i) => i.insightId)).toEqual([spam.id]);
    const bySpam = await listModerationQueue(mod, { domainSlug: parent.slug, reason: "SPAM" });
    expect(bySpam.items.map((i) => i.insightId)).toEqual([spam.id]);
    expect(bySpam.items[0]!.domain).toEqual({ name: child.name, slug: child.slug });
  });

  it("pages through the queue without gaps or repeats, and refuses a forged cursor", async () => {
    const mod = await moderator();
    const domain = await createDomain(db);
    const sameMoment = ago(10 * MINUTE);
    const ids: string[] = [];
    for (let i = 0; i < QUEUE_PAGE_SIZE + 5; i++) {
      // Several share one queuedAt: the id breaks the tie.
      const queuedAt = i % 3 === 0 ? sameMoment : ago((30 - i) * MINUTE);
      ids.push((await insightIn("PENDING", { domainId: domain.id, queuedAt })).id);
    }

    const first = await listModerationQueue(mod, { domainSlug: domain.slug });
    expect(first.items).toHaveLength(QUEUE_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listModerationQueue(mod, { domainSlug: domain.slug }, first.nextCursor!);
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();

    const listed = [...first.items, ...second.items];
    expect(new Set(listed.map((i) => i.insightId))).toEqual(new Set(ids));
    const order = listed.map((i) => `${i.queuedAt}|${i.insightId}`);
    expect(order).toEqual([...order].sort());

    await expectAppError(listModerationQueue(mod, {}, "not-a-cursor"), "INVALID_INPUT");
  });

  it("shows the author's standing: trust, and how many insights were published, rejected and removed", async () => {
    const mod = await moderator();
    const domain = await createDomain(db);
    const veteran = await member({ createdAt: ago(60 * DAY) });
    for (let i = 0; i < 3; i++) await insightIn("PUBLISHED", { authorId: veteran.id });
    await insightIn("REJECTED", { authorId: veteran.id });
    await insightIn("REMOVED", { authorId: veteran.id });
    await insightIn("REMOVED", { authorId: veteran.id });
    const newcomer = await member();
    await insightIn("PENDING", { authorId: veteran.id, domainId: domain.id, queuedAt: ago(2 * MINUTE) });
    await insightIn("PENDING", {
      authorId: newcomer.id,
      domainId: domain.id,
      queuedAt: ago(MINUTE),
      autoFlags: ["too-many-links"],
    });

    const { items } = await listModerationQueue(mod, { domainSlug: domain.slug });

    expect(items.map((i) => i.author)).toEqual([
      expect.objectContaining({ id: veteran.id, trust: "TRUSTED", published: 3, rejected: 1, removed: 2 }),
      expect.objectContaining({ id: newcomer.id, trust: "NEW", published: 0, rejected: 0, removed: 0 }),
    ]);
    expect(items[1]!.autoFlags).toEqual([
      { code: "too-many-links", label: AUTO_FLAG_LABELS["too-many-links"] },
    ]);
    expect(items[0]!.section).toEqual({
      title: "The section",
      anchor: "section-1",
      body: "The section's own text.",
    });
  });

  it("counts what waits: the header's number follows items joining and leaving", async () => {
    const mod = await moderator();
    const before = await countModerationQueue(mod);
    const insight = await insightIn("PENDING");
    expect(await countModerationQueue(mod)).toBe(before + 1);
    await approveInsight(mod, { insightId: insight.id });
    expect(await countModerationQueue(mod)).toBe(before);
  });
});
