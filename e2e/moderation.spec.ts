// The review queue: a new member's insight is held, a moderator approves it with the keyboard and readers
// see it; a second moderator acting on the same item is told it was already handled; the log lists the
// approval; an item its author edits meanwhile comes back with the new text instead of being decided; members
// and signed-out visitors cannot open the queue.
import { hashBody } from "../lib/insight-hash";
import { createArticle, createDomain } from "../prisma/factories";
import { expect, test } from "./fixtures";
import {
  anonymousPage,
  heldInsight,
  insightText,
  moderationScene,
  pageSignedInAs,
  queueItem,
  sectionRegion,
} from "./moderation-helpers";

test("a new member's insight is held, approved from the queue with the keyboard, and readers see it", async ({
  page,
  browser,
  baseURL,
  db,
  makeUser,
  signIn,
}) => {
  test.setTimeout(120_000);
  const scene = await moderationScene(db);
  const [first] = scene.sections;
  const earlier = await makeUser({ name: "Earlier Author" });
  const earlierBody = insightText("Held earlier");
  await heldInsight(db, { sectionId: first.id, authorId: earlier.id, body: earlierBody, minutesAgo: 30 });

  // A brand-new member posts: the insight is held for review and readers do not see it.
  const member = await makeUser({ name: "Nadia Newcomer" });
  await signIn(page, member);
  await page.goto(scene.path);
  await page.getByRole("button", { name: `Add your insights on “${first.title}”`, exact: true }).click();
  const body = insightText("Keyboard approval");
  const form = page.getByRole("region", { name: `Add your insights on “${first.title}”`, exact: true });
  await form.getByRole("textbox", { name: "Your insight" }).fill(body);
  await form.getByRole("button", { name: "Post insight" }).click();
  const own = sectionRegion(page, first.title).getByRole("article", { name: "Your insight" });
  await expect(own.getByText("Awaiting review")).toBeVisible();

  const reader = await anonymousPage(browser, baseURL);
  await reader.goto(scene.path);
  await expect(sectionRegion(reader, first.title)).toBeVisible();
  await expect(reader.getByText(body)).toHaveCount(0);

  // Two moderators open the queue, filtered to this test's domain.
  const moderator = await makeUser({ name: "Maya Moderator", role: "MODERATOR" });
  const other = await makeUser({ name: "Omar Othermod", role: "MODERATOR" });
  const mod = await pageSignedInAs(browser, baseURL, signIn, moderator);
  const late = await pageSignedInAs(browser, baseURL, signIn, other);
  await expect(
    mod.getByRole("banner").getByRole("link", { name: /^Moderation, \d+ items? waiting$/ }),
  ).toBeVisible();
  await mod.goto(scene.queuePath);
  await late.goto(scene.queuePath);
  await expect(mod.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();

  const older = queueItem(mod, earlier.name);
  const newer = queueItem(mod, member.name);
  await expect(older).toBeVisible();
  await expect(newer).toContainText(body);
  await expect(newer).toContainText(scene.article.title);
  await expect(newer.getByRole("link", { name: `@${member.handle} · moderation record` })).toHaveAttribute(
    "href",
    `/moderation/members/${member.handle}`,
  );
  await expect(newer.getByText("New member")).toBeVisible();

  // Oldest first; j and k move the current item, ? lists the keys.
  await expect(older).toHaveAttribute("aria-current", "true");
  await mod.keyboard.press("j");
  await expect(newer).toHaveAttribute("aria-current", "true");
  await expect(newer).toBeFocused();
  await mod.keyboard.press("k");
  await expect(older).toHaveAttribute("aria-current", "true");
  await mod.keyboard.press("?");
  const help = mod.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Approve the current item");
  await mod.keyboard.press("Escape");
  await expect(help).toHaveCount(0);

  // a approves the current item.
  await mod.keyboard.press("j");
  await expect(newer).toHaveAttribute("aria-current", "true");
  await mod.keyboard.press("a");
  await expect(mod.getByText("Insight approved and published")).toBeVisible();
  await expect(newer).toHaveCount(0);
  await expect(older).toBeVisible();

  // The second moderator, whose page still shows the item, is told someone was faster.
  await queueItem(late, member.name).getByRole("button", { name: "Approve" }).click();
  await expect(late.getByText("Another moderator already handled this item.")).toBeVisible();
  await expect(queueItem(late, member.name)).toHaveCount(0);
  await expect(queueItem(late, earlier.name)).toBeVisible();

  // An anonymous reader now sees it on the article.
  await expect(async () => {
    await reader.goto(scene.path);
    await expect(
      sectionRegion(reader, first.title).getByRole("article", { name: `Insight by ${member.name}` }),
    ).toContainText(body, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });

  // The log lists the approval (and only one: the late attempt applied nothing).
  await mod.goto(`/moderation/log?moderator=${moderator.handle}`);
  await expect(mod.getByRole("heading", { level: 1, name: "Moderation log" })).toBeVisible();
  const rows = mod.getByRole("row").filter({ hasText: "Approved an insight" });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(moderator.name);
  await late.goto(`/moderation/log?moderator=${other.handle}`);
  await expect(late.getByText("No entries match these filters")).toBeVisible();
});

test("an insight its author edits while a moderator has it open comes back with the new text", async ({
  browser,
  baseURL,
  db,
  makeUser,
  signIn,
}) => {
  test.setTimeout(90_000);
  const scene = await moderationScene(db);
  const [first] = scene.sections;
  const author = await makeUser({ name: "Edgar Editor" });
  const before = insightText("Before the edit");
  const insight = await heldInsight(db, {
    sectionId: first.id,
    authorId: author.id,
    body: before,
    minutesAgo: 5,
  });

  const moderator = await makeUser({ role: "MODERATOR" });
  const mod = await pageSignedInAs(browser, baseURL, signIn, moderator);
  await mod.goto(scene.queuePath);
  const item = queueItem(mod, author.name);
  await expect(item).toContainText(before);

  // The author rewrites it (as editing does: new text, edited now, same place in the queue).
  const after = insightText("After the edit");
  await db.insight.update({
    where: { id: insight.id },
    data: { body: after, bodyHash: hashBody(after), editedAt: new Date() },
  });

  // Approving the text the moderator saw is refused; the item comes back with the new text.
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(
    mod.getByText("The author edited this insight after you opened it. Review the new text."),
  ).toBeVisible();
  await expect(item).toContainText(after);
  await expect(item).not.toContainText(before);
  expect((await db.insight.findUniqueOrThrow({ where: { id: insight.id } })).status).toBe("PENDING");

  // Approving what is now shown works.
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText("Insight approved and published")).toBeVisible();
  await expect(item).toHaveCount(0);
  const stored = await db.insight.findUniqueOrThrow({ where: { id: insight.id } });
  expect({ status: stored.status, body: stored.body }).toEqual({ status: "PUBLISHED", body: after });
});

test("a member gets a 403 page at /moderation; a signed-out visitor is sent to sign in", async ({
  page,
  makeUser,
  signIn,
}) => {
  await page.goto("/moderation");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fmoderation$/);

  const member = await makeUser();
  await signIn(page, member);
  await expect(page.getByRole("banner").getByRole("link", { name: /^Moderation/ })).toHaveCount(0);
  for (const path of ["/moderation", "/moderation/log"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "This page is not open to you" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Review queue" })).toHaveCount(0);
  }
});

test("bulk decisions on selected items, and more items on request", async ({
  browser,
  baseURL,
  db,
  makeUser,
  signIn,
}) => {
  test.setTimeout(90_000);
  const domain = await createDomain(db);
  const sections = Array.from({ length: 22 }, (_, n) => ({ title: `Part ${n + 1}`, body: "Body." }));
  const article = await createArticle(db, { domainId: domain.id, sections });
  const author = await makeUser({ name: "Bulk Author" });
  for (const [n, section] of article.sections.entries()) {
    await heldInsight(db, {
      sectionId: section.id,
      authorId: author.id,
      body: insightText(`Bulk ${n + 1}`),
      minutesAgo: 60 - n,
    });
  }

  const moderator = await makeUser({ role: "MODERATOR" });
  const mod = await pageSignedInAs(browser, baseURL, signIn, moderator);
  await mod.goto(`/moderation?domain=${domain.slug}`);
  const items = mod.getByRole("list", { name: "Review queue" }).getByRole("article");
  await expect(items).toHaveCount(20);
  await mod.getByRole("button", { name: "Load more" }).click();
  await expect(items).toHaveCount(22);
  await expect(mod.getByRole("button", { name: "Load more" })).toHaveCount(0);

  // Select two (a checkbox, and x on the next item), then reject them together with one reason.
  await items.nth(0).getByRole("checkbox").check();
  await mod.keyboard.press("j");
  await expect(items.nth(1)).toHaveAttribute("aria-current", "true");
  await mod.keyboard.press("x");
  await expect(items.nth(1).getByRole("checkbox")).toBeChecked();
  const toolbar = mod.getByRole("toolbar", { name: "Selected items" });
  await expect(toolbar).toContainText("2 selected");
  await toolbar.getByRole("button", { name: "Reject selected…" }).click();
  const dialog = mod.getByRole("dialog", { name: "Reject 2 insights" });
  await dialog.getByLabel("Reason").selectOption({ label: "Spam" });
  await dialog.getByRole("button", { name: "Reject" }).click();
  await expect(mod.getByText("Rejected 2 insights")).toBeVisible();
  await expect(items).toHaveCount(20);

  // Approve everything left.
  await toolbar.getByRole("checkbox", { name: "Select all shown" }).check();
  await expect(toolbar).toContainText("20 selected");
  await toolbar.getByRole("button", { name: "Approve selected" }).click();
  await expect(mod.getByText("Approved 20 insights")).toBeVisible();
  await expect(mod.getByText("Nothing here matches these filters")).toBeVisible();

  const statuses = await db.insight.groupBy({
    by: ["status"],
    where: { authorId: author.id },
    _count: { _all: true },
  });
  expect(Object.fromEntries(statuses.map((row) => [row.status, row._count._all]))).toEqual({
    REJECTED: 2,
    PUBLISHED: 20,
  });
});
