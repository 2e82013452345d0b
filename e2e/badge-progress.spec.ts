// A member watches their progress toward the Contributor badge move as they post, and gets the badge
// within a minute from the background job, without anyone running anything by hand.
import { createArticle, createInsight, distinctInsightText } from "../prisma/factories";
import { expect, test } from "./fixtures";

const DAY = 24 * 60 * 60 * 1000;

// Each text its own: two posts from one template would be held as near-duplicates.
function insightText(topic: string): string {
  return distinctInsightText(topic);
}

test("progress reads 1, then 2 of 3 articles, then the Contributor badge arrives with a notification", async ({
  page,
  db,
  makeUser,
  signIn,
}) => {
  test.setTimeout(120_000);
  // A trusted member (30 days old, three published insights) publishes at once and is not rate limited;
  // all three earlier insights sit on one article, so they count as one article.
  const member = await makeUser({ createdAt: new Date(Date.now() - 30 * DAY) });
  const earlier = await createArticle(db, {
    sections: [
      { title: "One", body: "First." },
      { title: "Two", body: "Second." },
      { title: "Three", body: "Third." },
    ],
  });
  for (const section of earlier.sections) {
    await createInsight(db, {
      sectionId: section.id,
      authorId: member.id,
      createdAt: new Date(Date.now() - 20 * DAY),
    });
  }
  const targets = await Promise.all(
    ["Career moves", "Team habits"].map((title) =>
      createArticle(db, { title, sections: [{ title: "Your experience", body: "Tell us what worked." }] }),
    ),
  );

  await signIn(page, member);
  // Playwright fills the text box at once, which the server would hold as pasted text: with the page's
  // clock installed, a minute of writing passes before each post.
  await page.clock.install();
  for (const [index, article] of targets.entries()) {
    await page.goto(`/articles/${article.slug}`);
    await expect(page.getByText(`You have contributed to ${index + 1} of 3 articles.`)).toBeVisible();
    await page.getByRole("button", { name: "Add your insights on “Your experience”" }).click();
    await page.getByRole("textbox", { name: "Your insight" }).fill(insightText(article.title));
    await page.clock.fastForward("01:00");
    await page.getByRole("button", { name: "Post insight" }).click();
    await expect(page.getByText("Your insight is published")).toBeVisible();
    await expect(
      page.getByText(
        index === 0 ? "You have contributed to 2 of 3 articles." : /You hold the Bronze Contributor badge/,
      ),
    ).toBeVisible();
  }

  // The badge itself comes from the job queue: debounced per member, within a minute.
  await expect(async () => {
    const held = await db.userBadge.findFirst({
      where: { userId: member.id, badgeSlug: "contributor-bronze", revokedAt: null },
    });
    expect(held).not.toBeNull();
  }).toPass({ timeout: 60_000, intervals: [1_000] });
  await page.goto("/notifications");
  await expect(page.getByText("You earned the Contributor badge (Bronze).")).toBeVisible();
  expect(await db.notification.count({ where: { userId: member.id, kind: "BADGE_GRANTED" } })).toBe(2);
});
