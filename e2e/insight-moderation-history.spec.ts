// The public revision history of a moderated insight: a removed insight keeps its page with the reason and
// the public moderation lines, never its text; an insight still awaiting review has no public page.
import { createArticle, createInsight } from "../prisma/factories";
import { expect, test } from "./fixtures";

test("a removed insight's history says why, without its text", async ({ page, db, makeUser }) => {
  const author = await makeUser();
  const moderator = await makeUser({ role: "MODERATOR" });
  const article = await createArticle(db);
  const insight = await createInsight(db, { sectionId: article.sections[0]!.id, authorId: author.id });
  // What removeInsight (lib/data/moderation/decisions.ts) leaves behind: the decision and its audit entry.
  await db.insight.update({
    where: { id: insight.id },
    data: { status: "REMOVED", decidedById: moderator.id, decidedAt: new Date(), decisionReason: "SPAM" },
  });
  await db.auditEntry.create({
    data: {
      actorId: moderator.id,
      action: "insight.remove",
      targetType: "insight",
      targetId: insight.id,
      reason: "SPAM",
      note: "A private note for the author.",
    },
  });

  const response = await page.goto(`/insights/${insight.id}/history`);

  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Revision history");
  await expect(page.getByRole("status")).toHaveText("This insight was removed by a moderator: Spam.");
  const moderation = page.getByRole("region", { name: "Moderation" });
  await expect(moderation.getByRole("listitem")).toHaveCount(1);
  await expect(moderation.getByRole("listitem")).toContainText("Removed by a moderator: Spam");
  await expect(page.getByRole("main")).not.toContainText(insight.body);
  await expect(page.getByRole("main")).not.toContainText("A private note for the author.");
  await expect(page.getByRole("link", { name: author.name })).toBeVisible();
});

test("an insight awaiting review has no public history", async ({ page, db, makeUser }) => {
  const author = await makeUser();
  const article = await createArticle(db);
  const insight = await createInsight(db, {
    sectionId: article.sections[0]!.id,
    authorId: author.id,
    status: "PENDING",
  });

  const response = await page.goto(`/insights/${insight.id}/history`);

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn’t find that page");
});
