// Demo moderation content, seeded with the demo accounts only, so that /moderation has something to review:
// a newcomer's two insights held for review and a published insight two members reported (one more report,
// from the demo member say, hides it). Idempotent: matched by handle, author + section and reporter.
import { randomBytes } from "node:crypto";
import { hashBody } from "../../lib/insight-hash";
import { hashPassword } from "../../lib/password";
import type { Database } from "../client";

const HOUR = 60 * 60 * 1000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR);

const CAREER_GROWTH = "frontend-vs-backend-career-growth";

export const demoNewcomer = {
  handle: "nadia-novak",
  name: "Nadia Novak",
  email: "nadia-novak@demo.roundtable.test",
  headline: "Bootcamp graduate · junior web developer",
  joinedHoursAgo: 40,
} as const;

/** The newcomer's insights waiting for a moderator, oldest first. */
export const demoPendingInsights = [
  {
    sectionTitle: "Collaboration Opportunities",
    hoursAgo: 6,
    autoFlags: [] as string[],
    body: `I just finished a bootcamp where we rotated between frontend and backend tickets every week, and the collaboration was completely different on each side. On frontend weeks I spent half my time with our designer going through screens, while on backend weeks most of my conversations were with the person who owned the database. If you are unsure which side suits you, notice which of those conversations leaves you with more energy.`,
  },
  {
    sectionTitle: "Career Progression Paths",
    hoursAgo: 2,
    autoFlags: ["too-fast"],
    body: `From the job boards I have been reading for my first role, junior frontend openings ask for a portfolio while junior backend openings ask about databases and APIs far more often. The progression past junior looks similar on both sides, though: the titles change when you start owning a feature end to end. I would love to hear from people further along whether that matches what they saw.`,
  },
];

/** A published seed insight and the two members who reported it. */
export const demoReport = {
  sectionTitle: "User Impact vs System Impact",
  authorHandle: "dan-whitaker",
  hoursAgo: 1,
  reports: [
    { reporterHandle: "hana-sato", reason: "OFF_TOPIC" as const, note: null },
    {
      reporterHandle: "lucas-ferreira",
      reason: "OTHER" as const,
      note: "Reads like advice for promotions rather than about the section's question.",
    },
  ],
};

/** Seeds the demo moderation content; returns what it created. */
export async function seedDemoModeration(db: Database): Promise<{ members: number; insights: number }> {
  const created = { members: 0, insights: 0 };

  let newcomer = await db.user.findUnique({ where: { email: demoNewcomer.email }, select: { id: true } });
  if (!newcomer) {
    // Nobody knows the newcomer's password: the account exists to have written the held insights.
    newcomer = await db.user.create({
      data: {
        email: demoNewcomer.email,
        name: demoNewcomer.name,
        handle: demoNewcomer.handle,
        headline: demoNewcomer.headline,
        passwordHash: await hashPassword(randomBytes(24).toString("base64url")),
        createdAt: hoursAgo(demoNewcomer.joinedHoursAgo),
      },
      select: { id: true },
    });
    created.members++;
  }

  for (const pending of demoPendingInsights) {
    const section = await db.section.findFirst({
      where: { title: pending.sectionTitle, article: { slug: CAREER_GROWTH } },
      select: { id: true },
    });
    if (!section) throw new Error(`Demo moderation refers to a missing section: ${pending.sectionTitle}`);
    const exists = await db.insight.findFirst({
      where: { sectionId: section.id, authorId: newcomer.id },
      select: { id: true },
    });
    if (exists) continue;
    const at = hoursAgo(pending.hoursAgo);
    await db.insight.create({
      data: {
        sectionId: section.id,
        liveSectionId: section.id,
        authorId: newcomer.id,
        body: pending.body,
        bodyHash: hashBody(pending.body),
        idempotencyKey: `seed-${section.id}-${newcomer.id}`,
        status: "PENDING",
        autoFlags: pending.autoFlags,
        createdAt: at,
        queuedAt: at,
      },
    });
    created.insights++;
  }

  const reported = await db.insight.findFirst({
    where: {
      section: { title: demoReport.sectionTitle, article: { slug: CAREER_GROWTH } },
      author: { handle: demoReport.authorHandle },
    },
    select: { id: true, authorId: true, status: true },
  });
  if (!reported) throw new Error(`Demo moderation refers to a missing insight in ${demoReport.sectionTitle}`);
  if (reported.status !== "PUBLISHED") return created;
  for (const report of demoReport.reports) {
    const reporter = await db.user.findUniqueOrThrow({
      where: { handle: report.reporterHandle },
      select: { id: true },
    });
    const exists = await db.report.findUnique({
      where: { insightId_reporterId: { insightId: reported.id, reporterId: reporter.id } },
      select: { id: true },
    });
    if (exists) continue;
    const at = hoursAgo(demoReport.hoursAgo);
    await db.$transaction([
      db.report.create({
        data: {
          insightId: reported.id,
          reporterId: reporter.id,
          authorId: reported.authorId,
          reason: report.reason,
          note: report.note,
          createdAt: at,
        },
      }),
      db.$executeRaw`UPDATE "Insight" SET "openReportCount" = "openReportCount" + 1,
        "queuedAt" = COALESCE("queuedAt", ${at.toISOString()}::timestamp(3)) WHERE "id" = ${reported.id}`,
    ]);
  }
  return created;
}
