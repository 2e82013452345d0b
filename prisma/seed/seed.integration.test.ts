// Seeds a database of its own on the integration tests' server: the seed must start from nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, ensureDatabase } from "../../lib/cli/embedded-postgres";
import { migrateDeploy } from "../../lib/cli/processes";
import { verifyPassword } from "../../lib/password";
import { withDatabase } from "../../lib/testing/local-database";
import { createPrismaClient } from "../client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { seedArticles, seedInsights, seedMembers } from "./content";
import { demoPendingInsights, demoReport } from "./moderation";
import { seed } from "./index";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("DATABASE_URL is not set: the integration global setup provides it.");
const adminUrl = withDatabase(serverUrl, "postgres");
const database = `seed_check_${process.pid}_${Date.now()}`;
const url = withDatabase(adminUrl, database);
const db = createPrismaClient(url, { max: 2 });

const CAREER_GROWTH = "frontend-vs-backend-career-growth";

beforeAll(async () => {
  await ensureDatabase(adminUrl, database);
  await migrateDeploy(url);
});

afterAll(async () => {
  await db.$disconnect();
  await dropDatabase(adminUrl, database);
});

async function counts() {
  const [domains, articles, sections, users, insights, demoAccounts] = await Promise.all([
    db.domain.count(),
    db.article.count(),
    db.section.count(),
    db.user.count(),
    db.insight.count(),
    db.user.count({ where: { isDemo: true } }),
  ]);
  return { domains, articles, sections, users, insights, demoAccounts };
}

function reported(report: string | null) {
  const match =
    /created (\d+) domains, (\d+) articles, (\d+) members, (\d+) insights, (\d+) demo accounts/.exec(
      report ?? "",
    );
  if (!match) throw new Error(`Unexpected seed report: ${report}`);
  const [domains, articles, members, insights, demoAccounts] = match.slice(1).map(Number);
  return { domains, articles, members, insights, demoAccounts };
}

// The steps build on each other (a fresh database, then seeded, then seeded again), in file order.
describe("seed", () => {
  it("fills a fresh database with the demo content and no demo accounts when they are not asked for", async () => {
    expect(await counts()).toMatchObject({ domains: 0, articles: 0, users: 0 });

    const report = await seed(url, { demoAccounts: false, onlyIfEmpty: true });

    expect(reported(report)).toEqual({
      domains: 7,
      articles: 4,
      members: seedMembers.length,
      insights: seedInsights.length,
      demoAccounts: 0,
    });
    expect(seedMembers.length).toBeGreaterThan(0);
    expect(seedInsights.length).toBeGreaterThan(0);
    expect(await counts()).toMatchObject({
      domains: 7,
      articles: 4,
      users: seedMembers.length,
      insights: seedInsights.length,
      demoAccounts: 0,
    });
    expect(await db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } })).toBe(0);
  });

  it("publishes the articles and the insights", async () => {
    expect(await db.article.count({ where: { status: "PUBLISHED", publishedAt: { not: null } } })).toBe(4);
    expect(await db.insight.count({ where: { status: { not: "PUBLISHED" } } })).toBe(0);
  });

  it("builds a two-level domain tree", async () => {
    const domains = await db.domain.findMany({ select: { slug: true, parent: { select: { slug: true } } } });
    const parentOf = Object.fromEntries(domains.map((d) => [d.slug, d.parent?.slug ?? null]));
    expect(parentOf["software-development"]).toBe("engineering");
    expect(parentOf["career-guides"]).toBe("careers");
    expect(parentOf.engineering).toBeNull();
  });

  it("gives the career-growth article its 11 sections in order, the last being “What else to take into account”", async () => {
    const article = await db.article.findUniqueOrThrow({
      where: { slug: CAREER_GROWTH },
      select: {
        sections: { select: { title: true, anchor: true, position: true }, orderBy: { position: "asc" } },
      },
    });
    const expected = seedArticles.find((a) => a.slug === CAREER_GROWTH)!.sections.map((s) => s.title);
    expect(article.sections).toHaveLength(11);
    expect(article.sections.map((s) => s.title)).toEqual(expected);
    expect(article.sections[0]?.title).toBe("Specialization vs Versatility");
    expect(article.sections.at(-1)).toMatchObject({ title: "What else to take into account", position: 10 });
    expect(article.sections.at(-1)?.anchor).toBe("what-else-to-take-into-account");
  });

  it("adds the three demo accounts when asked, and demo moderation content", async () => {
    const before = await counts();
    const report = await seed(url, { demoAccounts: true, onlyIfEmpty: false });

    const held = demoPendingInsights.length;
    expect(reported(report)).toEqual({
      domains: 0,
      articles: 0,
      members: 1,
      insights: held,
      demoAccounts: 3,
    });
    expect(await counts()).toEqual({
      ...before,
      users: before.users + 3 + 1,
      insights: before.insights + held,
      demoAccounts: 3,
    });
    // The moderation queue has the newcomer's held insights and one reported insight.
    expect(await db.insight.count({ where: { status: "PENDING", queuedAt: { not: null } } })).toBe(held);
    expect(
      await db.insight.findMany({
        where: { status: "PUBLISHED", queuedAt: { not: null } },
        select: { openReportCount: true },
      }),
    ).toEqual([{ openReportCount: demoReport.reports.length }]);
    const accounts = await db.user.findMany({
      where: { isDemo: true },
      select: { email: true, role: true, passwordHash: true },
      orderBy: { email: "asc" },
    });
    expect(accounts.map(({ email, role }) => ({ email, role }))).toEqual(
      [...DEMO_ACCOUNTS]
        .map(({ email, role }) => ({ email, role }))
        .sort((a, b) => a.email.localeCompare(b.email)),
    );
    expect(await verifyPassword(accounts[0]!.passwordHash, DEMO_PASSWORD)).toBe(true);
    // The demo member publishes at once, like an established member (lib/domain/trust.ts).
    const member = await db.user.findUniqueOrThrow({
      where: { email: "member@demo.roundtable.test" },
      select: { trustOverride: true },
    });
    expect(member.trustOverride).toBe("TRUSTED");
  });

  it("creates nothing when run again", async () => {
    const before = await counts();
    const report = await seed(url, { demoAccounts: true, onlyIfEmpty: false });
    expect(reported(report)).toEqual({ domains: 0, articles: 0, members: 0, insights: 0, demoAccounts: 0 });
    expect(await counts()).toEqual(before);
  });

  it("does nothing and reports nothing with onlyIfEmpty on a seeded database", async () => {
    const before = await counts();
    await expect(seed(url, { demoAccounts: true, onlyIfEmpty: true })).resolves.toBeNull();
    expect(await counts()).toEqual(before);
  });
});
