// A member hears what happened to their insight: the header's bell counts what is new, /notifications says
// what it is and links to it, and reading (one, all, or by opening it) clears the count.
import { register } from "node:module";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { Database } from "../prisma/client";
import { createArticle, createInsight, createUser } from "../prisma/factories";
import { expect, test, type TestUser } from "./fixtures";

// The data is made through the very functions the app calls. They live in lib/data, whose modules begin
// with `import "server-only"`, a marker that throws outside Next's server bundle: make it empty in this
// worker, as the vitest config's alias does for the integration tests.
register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
      }`,
    ),
);
const { notifyInsightPublished, syncReactionNotification } = await import("../lib/data/notifications");

const SECTION_TITLE = "Working with legacy code";
const PUBLISHED_TEXT = `Your insight on “${SECTION_TITLE}” was published.`;

/** The member's published insight, its "published" notification, and `insightful` members' reactions. */
async function seedInsight(db: Database, member: TestUser, { insightful }: { insightful: number }) {
  const article = await createArticle(db, {
    sections: [{ title: SECTION_TITLE, body: "What to do with code nobody dares to touch." }],
  });
  const section = article.sections[0]!;
  const { id } = await createInsight(db, { sectionId: section.id, authorId: member.id });
  const insight = { id, authorId: member.id };
  await db.$transaction((tx) => notifyInsightPublished(tx, insight));
  for (let i = 0; i < insightful; i++) {
    const reactor = await createUser(db);
    await db.$transaction(async (tx) => {
      await tx.reaction.create({ data: { insightId: id, userId: reactor.id, kind: "INSIGHTFUL" } });
      await syncReactionNotification(tx, insight, "INSIGHTFUL");
    });
  }
  return { href: `/articles/${article.slug}#${section.anchor}` };
}

function bell(page: Page) {
  return page.getByRole("banner").getByRole("link", { name: /^Notifications/ });
}

function notificationList(page: Page) {
  return page.getByRole("list", { name: "Your notifications" });
}

function notification(page: Page, text: string) {
  return notificationList(page).getByRole("listitem").filter({ hasText: text });
}

test("a member sees their insight was published and found insightful, then marks all as read", async ({
  page,
  db,
  makeUser,
  signIn,
}) => {
  const member = await makeUser();
  const { href } = await seedInsight(db, member, { insightful: 2 });

  await signIn(page, member);
  await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread");
  await expect(bell(page)).toHaveText("2");

  await bell(page).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(notificationList(page).getByRole("listitem")).toHaveCount(2);
  const published = notification(page, PUBLISHED_TEXT);
  const insightful = notification(page, "2 people found your insight insightful");
  for (const item of [published, insightful]) {
    await expect(item.getByText("New", { exact: true })).toBeVisible();
  }
  await expect(published.getByRole("link", { name: PUBLISHED_TEXT })).toHaveAttribute("href", href);
  // Unread styling, the "New" labels and the bell's badge meet WCAG 2.1 AA (contrast among them).
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    axe.violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(" ")) })),
  ).toEqual([]);

  await page.getByRole("button", { name: "Mark all as read" }).click();

  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await expect(bell(page)).toHaveText("");
  await expect(notificationList(page).getByText("New", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark all as read" })).toBeDisabled();

  await page.reload();
  await expect(notificationList(page).getByRole("listitem")).toHaveCount(2);
  await expect(notificationList(page).getByText("New", { exact: true })).toHaveCount(0);
  await expect(bell(page)).toHaveAccessibleName("Notifications");
});

test("marking one notification read, or opening one, takes it off the bell", async ({
  page,
  db,
  makeUser,
  signIn,
}) => {
  const member = await makeUser();
  const { href } = await seedInsight(db, member, { insightful: 1 });
  await signIn(page, member);
  await page.goto("/notifications");
  await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread");

  await notification(page, "1 person found your insight insightful")
    .getByRole("button", { name: "Mark as read" })
    .click();
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  await expect(
    notification(page, "1 person found your insight insightful").getByText("New", { exact: true }),
  ).toHaveCount(0);

  await notification(page, PUBLISHED_TEXT).getByRole("link", { name: PUBLISHED_TEXT }).click();
  await expect(page).toHaveURL(href);
  await expect(page.getByRole("heading", { level: 2, name: SECTION_TITLE })).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications");

  await page.goto("/notifications");
  await expect(notificationList(page).getByRole("listitem")).toHaveCount(2);
  await expect(notificationList(page).getByText("New", { exact: true })).toHaveCount(0);
});

test("a member with nothing to hear about is all caught up", async ({ page, makeUser, signIn }) => {
  const member = await makeUser();
  await signIn(page, member);
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await bell(page).click();
  await expect(page.getByText("You're all caught up")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark all as read" })).toHaveCount(0);
});

test("a signed-out visitor is asked to sign in first, and sees no bell", async ({ page }) => {
  await page.goto("/notifications");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fnotifications$/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(bell(page)).toHaveCount(0);
});
