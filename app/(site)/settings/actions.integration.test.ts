import { afterAll, describe, expect, it, vi } from "vitest";
import { closeAppConnections, revalidateTag, session, updateTag } from "@/lib/testing/integration";
import { createPrismaClient } from "@/prisma/client";
import { createArticle, createDomain, createInsight, createUser } from "@/prisma/factories";
import { updateProfileAction } from "./actions";

// The profile form's action as a browser calls it: the session says who is signed in, and Next's cache is
// stood in for, so a test sees which pages are expired at once and which catch up in the background.
await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(async () => {
  await db.$disconnect();
  await closeAppConnections();
});

describe("updateProfileAction", () => {
  it("expires the profile under both handles and the leaderboards at once, the articles in the background", async () => {
    const member = await createUser(db);
    const domain = await createDomain(db);
    const article = await createArticle(db, { domainId: domain.id });
    await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
    session.userId = member.id;

    const handle = `renamed-${member.handle.slice(-8)}`;
    expect(await updateProfileAction({ name: "Renamed", handle, headline: "New line" })).toEqual({
      ok: true,
      data: { handle },
    });
    expect(updateTag.mock.calls.map(([tag]) => tag as string).sort()).toEqual(
      [`member-handle:${member.handle}`, `member-handle:${handle}`, `leaderboard:${domain.id}`].sort(),
    );
    expect(revalidateTag.mock.calls).toEqual([[`article:${article.id}`, "max"]]);
  });

  it("refuses a signed-out reader and a taken handle, and expires nothing", async () => {
    const [member, other] = [await createUser(db), await createUser(db)];
    const profile = { name: member.name, handle: other.handle, headline: "" };
    expect(await updateProfileAction(profile)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    session.userId = member.id;
    expect(await updateProfileAction(profile)).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { handle: "That handle is taken." },
    });
    expect(updateTag).not.toHaveBeenCalled();
    expect(revalidateTag).not.toHaveBeenCalled();
  });
});
