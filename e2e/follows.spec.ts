// Following: a member follows a domain and hears when an admin publishes an article in it; a member follows
// an article and hears when another member's insight on it is published; /following lists what they follow.
// The notifications come from the job queue that runs inside the app, a few seconds after the publication.
import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { createArticle, createDomain, distinctInsightText } from "../prisma/factories";
import type { Database } from "../prisma/client";
import { accountMenu, expect, headerSignInLink, revealingGoto, test } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

/** A word no other content contains. */
function madeUpWord(): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  return Array.from({ length: 10 }, () => letters[randomInt(letters.length)]).join("");
}

function followButton(page: Page, name: string) {
  return page.getByRole("button", { name: new RegExp(`^Follow(ing)? ${name}$`) });
}

/** Waits for the background job to have written the member's notification of `kind`. */
async function notificationWritten(
  db: Database,
  userId: string,
  kind: "FOLLOWED_DOMAIN_ARTICLE" | "FOLLOWED_ARTICLE_INSIGHT",
) {
  await expect.poll(() => db.notification.count({ where: { userId, kind } }), { timeout: 30_000 }).toBe(1);
}

test("a member following a domain is notified when an admin publishes an article in it", async ({
  page,
  browser,
  db,
  makeUser,
  signIn,
}) => {
  const word = madeUpWord();
  const parent = await createDomain(db, { name: `Craft ${word}` });
  const domain = await createDomain(db, { name: `Testing ${word}`, parentId: parent.id });
  const member = await makeUser();
  const admin = await makeUser({ role: "ADMIN" });

  // Signed out, Follow is a way to sign in that comes back here.
  await page.goto(`/domains/${domain.slug}`);
  await expect(headerSignInLink(page)).toBeVisible();
  await expect(page.getByRole("link", { name: `Follow ${domain.name}` })).toHaveAttribute(
    "href",
    `/sign-in?callbackUrl=${encodeURIComponent(`/domains/${domain.slug}`)}`,
  );

  await signIn(page, member);
  await page.goto(`/domains/${domain.slug}`);
  const follow = followButton(page, domain.name);
  await expect(follow).toHaveAttribute("aria-pressed", "false");
  await expect(follow).toBeEnabled();
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await expect(follow).toHaveAccessibleName(`Following ${domain.name}`);
  await expect(page.getByText("You will be notified of new articles here.")).toBeVisible();
  // Remembered: the cached page asks who is reading and shows the member's state.
  await page.reload();
  await expect(followButton(page, domain.name)).toHaveAttribute("aria-pressed", "true");

  // An admin publishes a draft in the domain from the back office.
  const title = `Snapshot tests that age well ${word}`;
  const draft = await createArticle(db, { domainId: domain.id, title, status: "DRAFT" });
  const adminContext = await browser.newContext();
  const adminPage = revealingGoto(await adminContext.newPage());
  await signIn(adminPage, admin);
  await adminPage.goto(`/admin/articles/${draft.id}`);
  await adminPage.getByRole("button", { name: "Publish now" }).click();
  await expect(adminPage.getByRole("link", { name: "View on site" })).toBeVisible();
  await adminContext.close();

  await notificationWritten(db, member.id, "FOLLOWED_DOMAIN_ARTICLE");
  expect(await db.notification.count({ where: { userId: admin.id, kind: "FOLLOWED_DOMAIN_ARTICLE" } })).toBe(
    0,
  );
  await page.goto("/notifications");
  const notice = page
    .getByRole("list", { name: "Your notifications" })
    .getByRole("link", { name: `New in ${domain.name}: “${title}”.` });
  await expect(notice).toHaveAttribute("href", `/articles/${draft.slug}`);
  await notice.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // /following (in the account menu) lists the domain with its parent, and unfollowing there sticks.
  await accountMenu(page).click();
  await page.getByRole("menuitem", { name: "Following" }).click();
  await expect(page).toHaveURL(/\/following$/);
  const domains = page.getByRole("region", { name: "Domains" });
  await expect(domains.getByRole("link", { name: domain.name })).toBeVisible();
  await expect(domains.getByText(`Inside ${parent.name}`)).toBeVisible();
  await followButton(page, domain.name).click();
  await expect(followButton(page, domain.name)).toHaveAttribute("aria-pressed", "false");
  await expect
    .poll(() => db.domainFollow.count({ where: { userId: member.id, domainId: domain.id } }))
    .toBe(0);
});

test("a member following an article is notified of another member's new insight on it", async ({
  page,
  browser,
  db,
  makeUser,
  signIn,
}) => {
  const word = madeUpWord();
  const title = `Pairing with a new colleague ${word}`;
  const article = await createArticle(db, {
    title,
    sections: [{ title: "What helped", body: "Tell us what made pairing work." }],
  });
  const follower = await makeUser();
  const writer = await makeUser({ trustOverride: "TRUSTED" });

  await signIn(page, follower);
  await page.goto(`/articles/${article.slug}`);
  const follow = followButton(page, title);
  await expect(follow).toHaveAttribute("aria-pressed", "false");
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("You will be notified of new insights on it.")).toBeVisible();

  // Another member posts an insight that publishes at once (a trusted member who took time to write it).
  const writerContext = await browser.newContext();
  const writerPage = revealingGoto(await writerContext.newPage());
  await signIn(writerPage, writer);
  await writerPage.clock.install();
  await writerPage.goto(`/articles/${article.slug}`);
  await writerPage.getByRole("button", { name: "Add your insights on “What helped”" }).click();
  await writerPage.getByRole("textbox", { name: "Your insight" }).fill(distinctInsightText("Pairing"));
  await writerPage.clock.fastForward("01:00");
  await writerPage.getByRole("button", { name: "Post insight" }).click();
  await expect(writerPage.getByText("Your insight is published")).toBeVisible();
  await writerContext.close();

  await notificationWritten(db, follower.id, "FOLLOWED_ARTICLE_INSIGHT");
  await page.goto("/notifications");
  await expect(
    page
      .getByRole("list", { name: "Your notifications" })
      .getByRole("link", { name: `A new insight on “${title}”.` }),
  ).toHaveAttribute("href", `/articles/${article.slug}#${article.sections[0]!.anchor}`);
});

test("following an article withdrawn meanwhile is undone and the member is told why", async ({
  page,
  db,
  makeUser,
  signIn,
}) => {
  const title = `Soon withdrawn ${madeUpWord()}`;
  const article = await createArticle(db, { title });
  const member = await makeUser();
  await signIn(page, member);
  await page.goto(`/articles/${article.slug}`);
  const follow = followButton(page, title);
  await expect(follow).toBeEnabled();

  await db.article.update({ where: { id: article.id }, data: { status: "DRAFT" } });
  await follow.click();
  await expect(page.getByText("This article is not published.")).toBeVisible();
  await expect(follow).toHaveAttribute("aria-pressed", "false");
  expect(await db.articleFollow.count({ where: { userId: member.id } })).toBe(0);
});
