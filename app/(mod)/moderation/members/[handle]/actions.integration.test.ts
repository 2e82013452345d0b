import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { session, updateTag } from "@/lib/testing/integration";
import { tags } from "@/lib/cache-tags";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createInsight, createUser } from "@/prisma/factories";
import { banMemberAction, suspendMemberAction, warnMemberAction } from "./actions";

// The sanction actions as a browser calls them: the session says who is signed in, Next's cache and after()
// are stood in for, and the badge queue is recorded.
await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));
const requestBadgeEvaluation = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock("@/lib/jobs/badges", () => ({ requestBadgeEvaluation }));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());
beforeEach(() => {
  requestBadgeEvaluation.mockClear();
});

/** A member with a published insight on an article in a child domain. */
async function memberWithInsight() {
  const member = await createUser(db);
  const article = await createArticle(db);
  await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
  const domain = await db.article.findUniqueOrThrow({
    where: { id: article.id },
    select: { domain: { select: { id: true, parentId: true } } },
  });
  return { member, article, domain: domain.domain };
}

describe("sanction actions", () => {
  it("refuses members and signed-out visitors, and changes nothing", async () => {
    const { member } = await memberWithInsight();
    const other = await createUser(db);
    const attempts = () => [
      warnMemberAction({ userId: member.id, message: "Please keep to the topic." }),
      suspendMemberAction({ userId: member.id, days: 7, reason: "Repeated spam links." }),
      banMemberAction({ userId: member.id, reason: "Spam account.", removeInsights: true }),
    ];
    for (const result of await Promise.all(attempts()))
      expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    session.userId = other.id;
    for (const result of await Promise.all(attempts()))
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.sanction.count({ where: { userId: member.id } })).toBe(0);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("answers bad input with field errors", async () => {
    const { member } = await memberWithInsight();
    session.userId = (await createUser(db, { role: "MODERATOR" })).id;
    const result = await suspendMemberAction({ userId: member.id, days: 3, reason: "" });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(result.ok ? {} : result.fieldErrors).toHaveProperty("days");
    expect(await db.sanction.count({ where: { userId: member.id } })).toBe(0);
  });

  it("a suspension expires the member's article, profile, insight history and leaderboard pages", async () => {
    const { member, article, domain } = await memberWithInsight();
    session.userId = (await createUser(db, { role: "MODERATOR" })).id;

    const result = await suspendMemberAction({ userId: member.id, days: 1, reason: "Cooling off." });

    expect(result).toMatchObject({ ok: true });
    const expired = updateTag.mock.calls.map(([tag]) => tag as string);
    expect(expired).toEqual(
      expect.arrayContaining([
        tags.article(article.id),
        tags.memberHandle(member.handle),
        tags.member(member.id),
        tags.leaderboard(domain.id),
        ...(domain.parentId ? [tags.leaderboard(domain.parentId)] : []),
      ]),
    );
    expect(requestBadgeEvaluation).toHaveBeenCalledWith([member.id]);
  });

  it("a ban that removes the insights still expires the leaderboards they counted on", async () => {
    const { member, domain } = await memberWithInsight();
    session.userId = (await createUser(db, { role: "MODERATOR" })).id;

    const result = await banMemberAction({
      userId: member.id,
      reason: "Spam account.",
      removeInsights: true,
    });

    expect(result).toMatchObject({ ok: true });
    const expired = updateTag.mock.calls.map(([tag]) => tag as string);
    expect(expired).toContain(tags.leaderboard(domain.id));
    expect(expired).toContain(tags.member(member.id));
  });
});
