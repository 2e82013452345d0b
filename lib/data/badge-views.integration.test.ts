import { afterAll, describe, expect, it, vi } from "vitest";
import { closeAppConnections } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createDomain, createInsight, createUser } from "@/prisma/factories";
import {
  BADGE_HOLDERS_PAGE_SIZE,
  getBadgeHolders,
  listBadges,
  listMenuBadges,
  type BadgeSummary,
} from "./badge-views";
import { getArticleView, listSectionInsights } from "./content";
import { getMemberProfile } from "./members";

// Caching is Next.js's job; outside Next.js unstable_cache has no incremental cache, so call straight through.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn }));

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });

afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

const DAY = 24 * 60 * 60 * 1000;

/** A UserBadge row as the granting job would write it (the grant SQL itself is tested in badges.integration). */
function grant(
  userId: string,
  badgeSlug: string,
  options: { domainId?: string; grantedAt?: Date; revokedAt?: Date } = {},
) {
  return db.userBadge.create({
    data: {
      userId,
      badgeSlug,
      scope: options.domainId ?? "",
      domainId: options.domainId ?? null,
      grantedAt: options.grantedAt ?? new Date(),
      revokedAt: options.revokedAt ?? null,
    },
    select: { id: true },
  });
}

async function holderCounts(): Promise<Record<string, number>> {
  const badges: BadgeSummary[] = await listBadges();
  return Object.fromEntries(badges.map((badge) => [badge.slug, badge.holderCount]));
}

describe("listBadges", () => {
  it("lists every seeded badge in order, with criteria and tier", async () => {
    const badges = await listBadges();
    expect(badges.map((badge) => badge.slug)).toEqual([
      "first-insight",
      "contributor-bronze",
      "contributor-silver",
      "contributor-gold",
      "top-voice",
      "helpful",
    ]);
    expect(badges.find((badge) => badge.slug === "contributor-gold")).toMatchObject({
      family: "contributor",
      label: "Contributor · Gold",
      tier: "GOLD",
      criteria: "Published insights on 25 or more different articles, in any domain.",
    });
    expect(badges.find((badge) => badge.slug === "top-voice")).toMatchObject({
      label: "Top Voice",
      perDomain: true,
    });
  });

  it("counts current holders only: not revoked grants, not banned members, a member once across domains", async () => {
    const before = await holderCounts();
    const [holder, lost, banned, voice] = await Promise.all([
      createUser(db),
      createUser(db),
      createUser(db, { status: "BANNED" }),
      createUser(db),
    ]);
    const [first, second] = await Promise.all([createDomain(db), createDomain(db)]);
    await grant(holder.id, "contributor-bronze");
    await grant(lost.id, "contributor-bronze", { revokedAt: new Date() });
    await grant(banned.id, "contributor-bronze");
    await grant(voice.id, "top-voice", { domainId: first.id });
    await grant(voice.id, "top-voice", { domainId: second.id });
    await grant(lost.id, "top-voice", { domainId: first.id, revokedAt: new Date() });

    const after = await holderCounts();
    expect(after["contributor-bronze"]! - before["contributor-bronze"]!).toBe(1);
    expect(after["top-voice"]! - before["top-voice"]!).toBe(1);
    expect(after["contributor-gold"]).toBe(before["contributor-gold"]);
  });
});

describe("getBadgeHolders", () => {
  it("pages through current holders, most recently earned first, with the domain of a Top Voice", async () => {
    // Granted "in the future", so these are the newest holders whatever other tests granted.
    const base = Date.now() + 30 * DAY;
    const members = [];
    for (let i = 0; i < BADGE_HOLDERS_PAGE_SIZE + 5; i++) {
      const member = await createUser(db, { name: `Holder ${String(i).padStart(2, "0")}` });
      await grant(member.id, "contributor-silver", { grantedAt: new Date(base + i * 60_000) });
      members.push(member);
    }
    // Newer than all of them, but revoked: never listed.
    const revoked = await createUser(db);
    await grant(revoked.id, "contributor-silver", { grantedAt: new Date(base + DAY), revokedAt: new Date() });

    const newestFirst = [...members].reverse().map((member) => member.handle);
    const first = await getBadgeHolders("contributor-silver", 1);
    expect(first?.badge).toMatchObject({ slug: "contributor-silver", label: "Contributor · Silver" });
    expect(first?.holders.map((holder) => holder.handle)).toEqual(
      newestFirst.slice(0, BADGE_HOLDERS_PAGE_SIZE),
    );
    expect(first?.holders[0]).toMatchObject({
      name: "Holder 24",
      grantedAt: new Date(base + 24 * 60_000).toISOString(),
      domain: null,
    });
    expect(first?.grantCount).toBeGreaterThanOrEqual(members.length);
    expect(first?.pageCount).toBe(Math.ceil(first!.grantCount / BADGE_HOLDERS_PAGE_SIZE));

    const second = await getBadgeHolders("contributor-silver", 2);
    expect(second?.holders.slice(0, 5).map((holder) => holder.handle)).toEqual(
      newestFirst.slice(BADGE_HOLDERS_PAGE_SIZE),
    );
    expect(second?.holders.map((holder) => holder.handle)).not.toContain(revoked.handle);

    const voice = await createUser(db);
    const domain = await createDomain(db, { name: "Platform engineering" });
    await grant(voice.id, "top-voice", { domainId: domain.id, grantedAt: new Date(base) });
    const topVoice = await getBadgeHolders("top-voice", 1);
    expect(topVoice?.holders[0]).toMatchObject({
      handle: voice.handle,
      domain: { name: "Platform engineering", slug: domain.slug },
    });
  });

  it("answers null for an unknown badge and an empty page past the end", async () => {
    await expect(getBadgeHolders("no-such-badge", 1)).resolves.toBeNull();
    const past = await getBadgeHolders("contributor-gold", 10_000);
    expect(past?.holders).toEqual([]);
    expect(past?.pageCount).toBeLessThan(10_000);
  });
});

describe("getMemberProfile: badges, counts and progress", () => {
  it("shows held badges with their dates, lost Top Voice as history, counts and the way to the next tier", async () => {
    const member = await createUser(db);
    const domain = await createDomain(db, { name: "Career growth" });
    const articles = await Promise.all([
      createArticle(db, { domainId: domain.id }),
      createArticle(db, { domainId: domain.id }),
      createArticle(db, { domainId: domain.id }),
      createArticle(db, { status: "DRAFT" }),
    ]);
    const [a, b, c, draft] = articles;
    const onA = await createInsight(db, { sectionId: a!.sections[0]!.id, authorId: member.id });
    await createInsight(db, { sectionId: a!.sections[1]!.id, authorId: member.id });
    await createInsight(db, { sectionId: b!.sections[0]!.id, authorId: member.id });
    await createInsight(db, { sectionId: c!.sections[0]!.id, authorId: member.id, status: "PENDING" });
    await createInsight(db, { sectionId: draft!.sections[0]!.id, authorId: member.id });
    await db.insight.update({
      where: { id: onA.id },
      data: { helpfulCount: 2, likeCount: 1, unhelpfulCount: 4 },
    });

    const earned = new Date("2026-03-03T10:00:00Z");
    const voiceFrom = new Date("2026-01-05T10:00:00Z");
    const voiceTo = new Date("2026-02-20T10:00:00Z");
    await grant(member.id, "contributor-bronze", { grantedAt: earned });
    await grant(member.id, "top-voice", { domainId: domain.id, grantedAt: voiceFrom, revokedAt: voiceTo });

    const profile = await getMemberProfile(member.handle);
    expect(profile).toMatchObject({
      articleCount: 2,
      insightCount: 3,
      // Unhelpful does not count as a reaction received
      reactionCount: 3,
      progress: { articles: 2, tier: null, next: { tier: "BRONZE", articles: 3 } },
    });
    expect(profile?.badges).toEqual([
      expect.objectContaining({
        slug: "contributor-bronze",
        label: "Contributor · Bronze",
        tier: "BRONZE",
        grantedAt: earned.toISOString(),
        domain: null,
      }),
    ]);
    expect(profile?.pastBadges).toEqual([
      expect.objectContaining({
        slug: "top-voice",
        label: "Top Voice",
        grantedAt: voiceFrom.toISOString(),
        revokedAt: voiceTo.toISOString(),
        domain: { name: "Career growth", slug: domain.slug },
      }),
    ]);
  });

  it("lists the header menu's badges: the highest Contributor tier and each Top Voice domain", async () => {
    const member = await createUser(db);
    const [first, second] = await Promise.all([
      createDomain(db, { name: "Data" }),
      createDomain(db, { name: "Design" }),
    ]);
    await grant(member.id, "contributor-bronze");
    await grant(member.id, "contributor-silver");
    await grant(member.id, "contributor-gold", { revokedAt: new Date() });
    await grant(member.id, "first-insight");
    await grant(member.id, "top-voice", { domainId: first.id });
    await grant(member.id, "top-voice", { domainId: second.id, revokedAt: new Date() });

    expect(await listMenuBadges({ id: member.id })).toEqual([
      { slug: "first-insight", name: "First insight", tier: "NONE", domainName: null },
      { slug: "contributor-silver", name: "Contributor", tier: "SILVER", domainName: null },
      { slug: "top-voice", name: "Top Voice", tier: "NONE", domainName: "Data" },
    ]);
  });
});

describe("author badge chips on an article", () => {
  it("shows each author's highest Contributor tier and Top Voice of the article's own domain only", async () => {
    const [domain, elsewhere] = await Promise.all([createDomain(db), createDomain(db)]);
    const article = await createArticle(db, { domainId: domain.id });
    const sectionId = article.sections[0]!.id;
    const [silver, voice, lapsed, plain] = await Promise.all([
      createUser(db, { name: "Silver Author" }),
      createUser(db, { name: "Voice Author" }),
      createUser(db, { name: "Lapsed Author" }),
      createUser(db, { name: "Plain Author" }),
    ]);
    for (const author of [silver, voice, lapsed, plain])
      await createInsight(db, { sectionId, authorId: author.id });
    await grant(silver.id, "contributor-bronze");
    await grant(silver.id, "contributor-silver");
    await grant(silver.id, "top-voice", { domainId: elsewhere.id });
    await grant(silver.id, "helpful");
    await grant(voice.id, "top-voice", { domainId: domain.id });
    await grant(voice.id, "contributor-gold");
    await grant(lapsed.id, "contributor-bronze");
    await grant(lapsed.id, "contributor-gold", { revokedAt: new Date() });
    await grant(lapsed.id, "top-voice", { domainId: domain.id, revokedAt: new Date() });

    const expected = {
      "Silver Author": [{ label: "Contributor · Silver", tier: "SILVER" }],
      "Voice Author": [
        { label: "Contributor · Gold", tier: "GOLD" },
        { label: "Top Voice", tier: "NONE" },
      ],
      "Lapsed Author": [{ label: "Contributor · Bronze", tier: "BRONZE" }],
      "Plain Author": [],
    };
    const chipsOf = (insights: { author: { name: string; badges: unknown } }[]) =>
      Object.fromEntries(insights.map((insight) => [insight.author.name, insight.author.badges]));

    const view = await getArticleView(article.id);
    const shown = view!.sections[0]!;
    expect(shown.insightCount).toBe(4);
    // The page shows the top three; "Show more insights" loads the rest through listSectionInsights.
    const more = await listSectionInsights(article.id, sectionId, { order: "newest", offset: 0, limit: 10 });
    expect(chipsOf(more!.insights)).toEqual(expected);
    for (const insight of shown.insights) {
      expect(insight.author.badges).toEqual(expected[insight.author.name as keyof typeof expected]);
    }
  });
});
