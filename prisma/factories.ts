// Test and seed data builders. Each call makes unique values, so tests never collide with one another.
import { randomBytes } from "node:crypto";
import type { Role, TrustLevel, UserStatus } from "../lib/generated/prisma/enums";
import { hashBody } from "../lib/insight-hash";
import { hashPassword } from "../lib/password";
import type { Database } from "./client";

export const FACTORY_PASSWORD = "correct-horse-battery";

let passwordHashOnce: Promise<string> | undefined;

function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}

export type UserOverrides = {
  name?: string;
  email?: string;
  handle?: string;
  password?: string;
  role?: Role;
  status?: UserStatus;
  statusReason?: string | null;
  statusUntil?: Date | null;
  headline?: string;
  createdAt?: Date;
  isDemo?: boolean;
  /** an admin's hand-set trust level: "TRUSTED" publishes at once (lib/domain/trust.ts) */
  trustOverride?: TrustLevel | null;
};

export async function createUser(db: Database, overrides: UserOverrides = {}) {
  const handle = overrides.handle ?? unique("member");
  const password = overrides.password ?? FACTORY_PASSWORD;
  const passwordHash =
    password === FACTORY_PASSWORD
      ? await (passwordHashOnce ??= hashPassword(password))
      : await hashPassword(password);
  const user = await db.user.create({
    data: {
      name: overrides.name ?? `Test ${handle}`,
      email: (overrides.email ?? `${handle}@example.test`).toLowerCase(),
      handle,
      passwordHash,
      role: overrides.role ?? "MEMBER",
      status: overrides.status ?? "ACTIVE",
      statusReason: overrides.statusReason ?? null,
      statusUntil: overrides.statusUntil ?? null,
      headline: overrides.headline ?? "",
      isDemo: overrides.isDemo ?? false,
      trustOverride: overrides.trustOverride ?? null,
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
    select: { id: true, name: true, email: true, handle: true, role: true },
  });
  return { ...user, password };
}

export async function createDomain(db: Database, overrides: { name?: string; parentId?: string } = {}) {
  const slug = unique("domain");
  return db.domain.create({
    data: {
      name: overrides.name ?? `Domain ${slug}`,
      slug,
      description: "A test domain.",
      parentId: overrides.parentId,
    },
    select: { id: true, slug: true, name: true },
  });
}

export async function createArticle(
  db: Database,
  overrides: {
    domainId?: string;
    title?: string;
    status?: "DRAFT" | "PUBLISHED";
    sections?: { title: string; body: string; acceptsInsights?: boolean }[];
  } = {},
) {
  const domainId = overrides.domainId ?? (await createDomain(db)).id;
  const slug = unique("article");
  const status = overrides.status ?? "PUBLISHED";
  const sections = overrides.sections ?? [
    { title: "First section", body: "The first section's body." },
    { title: "Second section", body: "The second section's body." },
  ];
  return db.article.create({
    data: {
      domainId,
      slug,
      title: overrides.title ?? `Article ${slug}`,
      summary: "A test article.",
      status,
      publishedAt: status === "PUBLISHED" ? new Date() : null,
      sections: {
        create: sections.map((s, position) => ({
          position,
          title: s.title,
          anchor: `section-${position + 1}`,
          body: s.body,
          acceptsInsights: s.acceptsInsights ?? true,
        })),
      },
    },
    select: {
      id: true,
      slug: true,
      title: true,
      sections: { select: { id: true, anchor: true, title: true } },
    },
  });
}

export const FACTORY_INSIGHT_BODY =
  "In my experience the most useful habit here is writing down what you tried, what happened and what you would change next time, then sharing it with the team.";

const WORDS = (
  "team review deploy mentor backlog sprint outage design pairing budget roadmap metric customer pager " +
  "schema query cache queue retry latency incident rollback feature release contract hiring manager " +
  "career promotion feedback interview portfolio course mentor junior senior staff architect product " +
  "tester support startup agency freelance remote office meeting estimate deadline scope vendor " +
  "library framework language compiler browser server cloud cluster budget invoice audit policy"
).split(" ");

/**
 * An insight text (125–750 characters) made of random words, so that no two share the word runs the
 * near-duplicate check compares (lib/domain/auto-checks.ts): posting it through the app is never held as a
 * copy of another test's text.
 */
export function distinctInsightText(label = "Note"): string {
  const words = Array.from({ length: 30 }, () => WORDS[randomBytes(1)[0]! % WORDS.length]!);
  return `${label}: ${words.join(" ")}.`;
}

export async function createInsight(
  db: Database,
  overrides: {
    sectionId: string;
    authorId: string;
    body?: string;
    status?: "PENDING" | "PUBLISHED" | "REJECTED" | "REMOVED";
    createdAt?: Date;
  },
) {
  const body = overrides.body ?? `${FACTORY_INSIGHT_BODY} (${unique("note")})`;
  const status = overrides.status ?? "PUBLISHED";
  const createdAt = overrides.createdAt ?? new Date();
  return db.insight.create({
    data: {
      sectionId: overrides.sectionId,
      liveSectionId: overrides.sectionId,
      authorId: overrides.authorId,
      body,
      bodyHash: hashBody(body),
      idempotencyKey: unique("key"),
      status,
      createdAt,
      publishedAt: status === "PUBLISHED" ? createdAt : null,
    },
    select: { id: true, body: true, status: true },
  });
}
