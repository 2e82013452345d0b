import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { MeResponse } from "@/lib/domain/viewer";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createInsight, createUser, distinctInsightText } from "@/prisma/factories";
import { GET } from "./route";

// The header's viewer data: the moderation queue's count is for moderators and admins only.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: () => Promise.resolve(session.userId ? { user: { id: session.userId } } : null),
}));
vi.mock("@/lib/auth", () => ({ authOptions: {} }));
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T): T => fn, updateTag: vi.fn() }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => {
  session.userId = null;
});

async function me(userId: string | null): Promise<MeResponse> {
  session.userId = userId;
  const response = await GET();
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  return (await response.json()) as MeResponse;
}

describe("GET /api/me", () => {
  it("counts the moderation queue for moderators and admins, and for nobody else", async () => {
    const [member, moderator, admin] = await Promise.all([
      createUser(db),
      createUser(db, { role: "MODERATOR" }),
      createUser(db, { role: "ADMIN" }),
    ]);
    const before = (await me(moderator.id)).moderationQueueCount;
    expect(before).toEqual(expect.any(Number));

    const article = await createArticle(db);
    const held = await createInsight(db, {
      sectionId: article.sections[0]!.id,
      authorId: member.id,
      body: distinctInsightText("Queue count"),
      status: "PENDING",
    });
    await db.insight.update({ where: { id: held.id }, data: { queuedAt: new Date() } });

    expect((await me(moderator.id)).moderationQueueCount).toBe(before! + 1);
    expect((await me(admin.id)).moderationQueueCount).toBe(before! + 1);
    expect((await me(member.id)).moderationQueueCount).toBeNull();
    expect((await me(null)).moderationQueueCount).toBeNull();
  });

  it("hands the header the staff links each reader may open", async () => {
    const [member, moderator, admin] = await Promise.all([
      createUser(db),
      createUser(db, { role: "MODERATOR" }),
      createUser(db, { role: "ADMIN" }),
    ]);
    const none = { moderate: false, editContent: false, manageMembers: false, manageSponsorship: false };
    expect((await me(member.id)).user).toMatchObject({ role: "MEMBER", permissions: none });
    expect((await me(moderator.id)).user).toMatchObject({
      role: "MODERATOR",
      permissions: { ...none, moderate: true },
    });
    expect((await me(admin.id)).user).toMatchObject({
      role: "ADMIN",
      permissions: { moderate: true, editContent: true, manageMembers: true, manageSponsorship: true },
    });
    expect((await me(null)).user).toBeNull();
  });
});
