// Demo content for a newcomer: domains, the four articles, demo members with insights and (outside
// production) three demo accounts. Idempotent: everything is matched by its natural key (slug, email,
// author + section), so running it twice creates nothing twice.
import { randomBytes } from "node:crypto";
import { slugify } from "../../lib/domain/slug";
import { hashBody } from "../../lib/insight-hash";
import { hashPassword } from "../../lib/password";
import { createPrismaClient, type Database } from "../client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { seedArticles, seedDomains, seedInsights, seedMembers } from "./content";
import { seedDemoModeration } from "./moderation";
import { seedDemoSponsor } from "./sponsors";

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

type SeedOptions = { demoAccounts: boolean; onlyIfEmpty: boolean };

export async function seed(databaseUrl: string, options: SeedOptions): Promise<string | null> {
  const db = createPrismaClient(databaseUrl, { max: 2 });
  try {
    if (options.onlyIfEmpty && (await db.domain.count()) > 0) return null;
    const created = { domains: 0, articles: 0, members: 0, insights: 0, demoAccounts: 0 };
    created.domains = await seedDomainTree(db);
    created.articles = await seedArticleContent(db);
    created.members = await seedDemoMembers(db);
    created.insights = await seedDemoInsights(db);
    await seedDemoSponsor(db);
    if (options.demoAccounts) created.demoAccounts = await seedDemoAccounts(db);
    if (options.demoAccounts) {
      // Something for the demo moderator to review: counted with the members and insights it adds.
      const moderation = await seedDemoModeration(db);
      created.members += moderation.members;
      created.insights += moderation.insights;
    }
    return `seed: created ${created.domains} domains, ${created.articles} articles, ${created.members} members, ${created.insights} insights, ${created.demoAccounts} demo accounts`;
  } finally {
    await db.$disconnect();
  }
}

async function seedDomainTree(db: Database): Promise<number> {
  let created = 0;
  // Parents first: the content lists them before their children.
  for (const domain of seedDomains) {
    const exists = await db.domain.findUnique({ where: { slug: domain.slug }, select: { id: true } });
    if (exists) continue;
    const parent = domain.parentSlug
      ? await db.domain.findUniqueOrThrow({ where: { slug: domain.parentSlug }, select: { id: true } })
      : null;
    await db.domain.create({
      data: {
        slug: domain.slug,
        name: domain.name,
        description: domain.description,
        position: domain.position,
        parentId: parent?.id ?? null,
      },
    });
    created++;
  }
  return created;
}

async function seedArticleContent(db: Database): Promise<number> {
  let created = 0;
  for (const article of seedArticles) {
    const exists = await db.article.findUnique({ where: { slug: article.slug }, select: { id: true } });
    if (exists) continue;
    const domain = await db.domain.findUniqueOrThrow({
      where: { slug: article.domainSlug },
      select: { id: true },
    });
    const publishedAt = daysAgo(article.publishedDaysAgo);
    await db.article.create({
      data: {
        slug: article.slug,
        title: article.title,
        summary: article.summary,
        kind: article.kind,
        status: "PUBLISHED",
        publishedAt,
        createdAt: publishedAt,
        domainId: domain.id,
        sections: {
          create: article.sections.map((section, position) => ({
            position,
            title: section.title,
            anchor: slugify(section.title),
            body: section.body,
            acceptsInsights: section.acceptsInsights,
          })),
        },
      },
    });
    created++;
  }
  return created;
}

async function createAccountIfMissing(
  db: Database,
  account: {
    email: string;
    name: string;
    handle: string;
    headline?: string;
    role?: "MEMBER" | "MODERATOR" | "ADMIN";
    trustOverride?: "NEW" | "TRUSTED";
  },
  password: string,
  extra: { isDemo?: boolean; createdAt?: Date } = {},
): Promise<boolean> {
  const exists = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
  if (exists) return false;
  await db.user.create({
    data: {
      email: account.email,
      name: account.name,
      handle: account.handle,
      headline: account.headline ?? "",
      role: account.role ?? "MEMBER",
      trustOverride: account.trustOverride ?? null,
      passwordHash: await hashPassword(password),
      isDemo: extra.isDemo ?? false,
      ...(extra.createdAt ? { createdAt: extra.createdAt } : {}),
    },
  });
  return true;
}

async function seedDemoMembers(db: Database): Promise<number> {
  let created = 0;
  for (const member of seedMembers) {
    // Demo members exist only to have written the demo insights: nobody knows their passwords.
    const unusablePassword = randomBytes(24).toString("base64url");
    if (
      await createAccountIfMissing(db, member, unusablePassword, { createdAt: daysAgo(member.joinedDaysAgo) })
    ) {
      created++;
    }
  }
  return created;
}

async function seedDemoInsights(db: Database): Promise<number> {
  let created = 0;
  for (const insight of seedInsights) {
    const section = await db.section.findFirst({
      where: { title: insight.sectionTitle, article: { slug: insight.articleSlug } },
      select: { id: true },
    });
    const author = await db.user.findUnique({
      where: { handle: insight.authorHandle },
      select: { id: true },
    });
    if (!section || !author)
      throw new Error(`Seed insight refers to a missing section or member: ${insight.sectionTitle}`);
    const exists = await db.insight.findFirst({
      where: { sectionId: section.id, authorId: author.id },
      select: { id: true },
    });
    if (exists) continue;
    const at = daysAgo(insight.daysAgo);
    await db.insight.create({
      data: {
        sectionId: section.id,
        liveSectionId: section.id,
        authorId: author.id,
        body: insight.body.trim(),
        bodyHash: hashBody(insight.body),
        idempotencyKey: `seed-${section.id}-${author.id}`,
        status: "PUBLISHED",
        createdAt: at,
        publishedAt: at,
      },
    });
    created++;
  }
  return created;
}

async function seedDemoAccounts(db: Database): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await createAccountIfMissing(db, account, DEMO_PASSWORD, { isDemo: true })) created++;
  }
  return created;
}
