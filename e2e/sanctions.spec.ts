// Sanctions and roles through the staff screens: a moderator suspends a member (who cannot post and sees
// until when), a ban that removes all insights and its lift, an admin making a moderator, and who may open
// the admin area.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { createArticle, createInsight } from "../prisma/factories";
import { accountMenu, expect, headerSignInLink, revealingGoto, test, type TestUser } from "./fixtures";

/** A text of 125–750 characters nobody else posts. */
function insightText(topic: string): string {
  return `${topic} (${randomBytes(4).toString("hex")}): the review checklist we wrote after our worst outage was short, specific and owned by the people on call, which is why it is still used today.`;
}

/** A second signed-in browser, separate from the test's `page` (its own cookies). */
async function signedInPage(
  browser: Browser,
  signIn: (page: Page, user: TestUser) => Promise<void>,
  user: TestUser,
): Promise<Page> {
  const context = await browser.newContext();
  const page = revealingGoto(await context.newPage());
  await signIn(page, user);
  return page;
}

test("a suspended member cannot post and sees until when", async ({
  page,
  browser,
  makeUser,
  signIn,
  db,
}) => {
  // Two browsers, a moderator and the member, through several pages: a long journey on a busy machine.
  test.slow();
  const article = await createArticle(db);
  const sectionTitle = article.sections[0]!.title;
  const member = await makeUser({ name: "Sam Suspended" });
  const moderator = await makeUser({ role: "MODERATOR", name: "Mo Derator" });

  // The member has an insight half-written when the moderator acts.
  await signIn(page, member);
  await page.goto(`/articles/${article.slug}`);
  await page.getByRole("button", { name: `Add your insights on “${sectionTitle}”`, exact: true }).click();
  const form = page.getByRole("region", { name: `Add your insights on “${sectionTitle}”`, exact: true });
  const body = insightText("Checklists");
  await form.getByRole("textbox", { name: "Your insight" }).fill(body);

  const staff = await signedInPage(browser, signIn, moderator);
  await staff.goto(`/moderation/members/${member.handle}`);
  await expect(staff.getByRole("heading", { level: 1, name: "Sam Suspended" })).toBeVisible();
  await staff.getByRole("button", { name: "Suspend", exact: true }).click();
  const dialog = staff.getByRole("dialog", { name: "Suspend Sam Suspended" });
  await dialog.getByLabel("How long").selectOption("7");
  await dialog.getByLabel("Reason (the member sees it)").fill("Repeated spam links");
  await dialog.getByRole("button", { name: "Suspend member" }).click();
  await expect(dialog).toBeHidden();
  await expect(staff.getByText("Sam Suspended is suspended for 7 days")).toBeVisible();
  await expect(staff.getByRole("status").filter({ hasText: /^Suspended until/ })).toContainText(
    "Reason: Repeated spam links",
  );
  const { statusUntil } = await db.user.findUniqueOrThrow({
    where: { id: member.id },
    select: { statusUntil: true },
  });
  const until = statusUntil!.toUTCString();

  // Posting is refused with the reason and the end; the text stays.
  await form.getByRole("button", { name: "Post insight" }).click();
  const refusal = form.getByRole("alert");
  await expect(refusal).toContainText(`suspended until ${until}`);
  await expect(refusal).toContainText("Reason: Repeated spam links");
  await expect(form.getByRole("textbox", { name: "Your insight" })).toHaveValue(body);
  expect(await db.insight.count({ where: { authorId: member.id } })).toBe(0);

  // The next page signs them out and says why and until when.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "How to contribute" })
    .click();
  await expect(page).toHaveURL(/\/contribute$/);
  await expect(page.getByText("You have been signed out")).toBeVisible();
  await expect(
    page.getByText(`This account is suspended until ${until}. Reason: Repeated spam links`),
  ).toBeVisible();
  await expect(headerSignInLink(page)).toBeVisible();
  await expect(accountMenu(page)).toHaveCount(0);

  // The suspension is in the moderation log's source: one audit row, and the member was notified.
  expect(await db.auditEntry.count({ where: { targetType: "user", targetId: member.id } })).toBe(1);
  await staff.context().close();
});

test("a ban that removes all insights takes them off the article, and lifting it brings them back", async ({
  page,
  browser,
  makeUser,
  signIn,
  db,
}) => {
  // Two browsers, a moderator and the member, through several pages: a long journey on a busy machine.
  test.slow();
  const article = await createArticle(db);
  const member = await makeUser({ name: "Bo Banned" });
  await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
  await createInsight(db, { sectionId: article.sections[1]!.id, authorId: member.id });
  const moderator = await makeUser({ role: "MODERATOR" });
  const admin = await makeUser({ role: "ADMIN" });
  const articlePath = `/articles/${article.slug}`;
  const theirInsights = (reader: Page) =>
    reader.getByRole("article", { name: "Insight by Bo Banned", exact: true });

  const reader = revealingGoto(await (await browser.newContext()).newPage());
  await reader.goto(articlePath);
  await expect(theirInsights(reader)).toHaveCount(2);

  await signIn(page, moderator);
  await page.goto(`/moderation/members/${member.handle}`);
  await page.getByRole("button", { name: "Ban", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Ban Bo Banned" });
  await dialog.getByLabel("Reason (the member sees it)").fill("Spam ring");
  await dialog.getByLabel("Also remove all their insights").check();
  await dialog.getByRole("button", { name: "Ban member" }).click();
  await expect(page.getByText("Bo Banned is banned and their insights removed")).toBeVisible();
  await expect(page.getByText("Removed 2 insights with the ban.")).toBeVisible();
  // A moderator cannot lift it.
  await expect(page.getByRole("button", { name: /^Lift/ })).toHaveCount(0);

  await reader.reload();
  await expect(reader.getByRole("heading", { level: 1, name: article.title })).toBeVisible();
  await expect(theirInsights(reader)).toHaveCount(0);

  const adminPage = await signedInPage(browser, signIn, admin);
  await adminPage.goto(`/moderation/members/${member.handle}`);
  await adminPage.getByRole("button", { name: "Lift ban" }).click();
  const lift = adminPage.getByRole("dialog", { name: "Lift the ban?" });
  await expect(lift).toContainText("The 2 insights the ban removed come back as they were.");
  await lift.getByRole("button", { name: "Lift it" }).click();
  await expect(adminPage.getByText("The ban was lifted")).toBeVisible();
  await expect(
    adminPage.getByText("Removed 2 insights with the ban (restored when it was lifted)."),
  ).toBeVisible();

  await reader.reload();
  await expect(theirInsights(reader)).toHaveCount(2);
  expect(
    await db.auditEntry.findMany({
      where: { targetType: "user", targetId: member.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    }),
  ).toEqual([{ action: "user.ban" }, { action: "user.lift" }]);
  await reader.context().close();
  await adminPage.context().close();
});

test("an admin makes a member a moderator from /admin/members, and the new moderator opens the review queue", async ({
  page,
  browser,
  makeUser,
  signIn,
}) => {
  const admin = await makeUser({ role: "ADMIN", name: "Ada Admin" });
  const member = await makeUser({ name: "Nia Newmod" });

  await signIn(page, admin);
  await accountMenu(page).click();
  await page.getByRole("menuitem", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();

  const search = page.getByRole("searchbox", { name: "Search by name, handle or email" });
  await search.fill(member.email.toUpperCase());
  await search.press("Enter");
  await expect(page).toHaveURL(/\/admin\/members\?q=/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // the header and the one member
  const row = page.getByRole("row", { name: /Nia Newmod/ });
  await expect(row).toContainText(member.email);
  await expect(row.getByRole("cell").nth(0)).toHaveText("Member");

  await row.getByRole("button", { name: "Make Nia Newmod a moderator" }).click();
  await expect(page.getByText("Nia Newmod is now a moderator")).toBeVisible();
  await expect(row.getByRole("cell").nth(0)).toHaveText("Moderator");

  // The role is read from the database on every request: the new moderator's next page has it.
  const moderatorPage = await signedInPage(browser, signIn, member);
  await moderatorPage.goto("/moderation");
  await expect(moderatorPage.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await moderatorPage.context().close();

  // Taking it back works the same way.
  await row.getByRole("button", { name: "Remove Nia Newmod's moderator role" }).click();
  await expect(page.getByText("Nia Newmod is no longer a moderator")).toBeVisible();
  await expect(row.getByRole("cell").nth(0)).toHaveText("Member");
});

test("the admin area: signed-out readers are sent to sign in, members and moderators are refused", async ({
  page,
  makeUser,
  signIn,
}) => {
  await page.goto("/admin/members");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);

  const moderator = await makeUser({ role: "MODERATOR" });
  await signIn(page, moderator);
  const response = await page.goto("/admin/members");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "This page is not open to you" })).toBeVisible();
  await accountMenu(page).click();
  await expect(page.getByRole("menuitem", { name: "Admin" })).toHaveCount(0);
});

test("a moderator's warning reaches the member: a notification and a line under Account standing", async ({
  page,
  browser,
  makeUser,
  signIn,
}) => {
  const member = await makeUser({ name: "Wes Warned" });
  const moderator = await makeUser({ role: "MODERATOR" });

  await signIn(page, moderator);
  await page.goto(`/moderation/members/${member.handle}`);
  await page.getByRole("button", { name: "Warn", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Warn Wes Warned" });
  await dialog.getByRole("button", { name: "Send warning" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Write the warning the member will read.");
  await dialog.getByLabel("Message to the member").fill("Please keep replies on topic.");
  await dialog.getByRole("button", { name: "Send warning" }).click();
  await expect(page.getByText("Wes Warned was warned")).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Warning in force" })).toContainText(
    "Please keep replies on topic.",
  );

  const memberPage = await signedInPage(browser, signIn, member);
  await memberPage.goto("/notifications");
  await expect(
    memberPage.getByRole("main").getByText("A moderator sent you a warning: Please keep replies on topic."),
  ).toBeVisible();
  await memberPage.goto("/settings#standing");
  const standing = memberPage.getByRole("region", { name: "Account standing" });
  await expect(standing.getByText("Warning", { exact: true })).toBeVisible();
  await expect(standing).toContainText("Please keep replies on topic.");
  await memberPage.context().close();
});
