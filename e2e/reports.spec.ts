// Reports: members report someone else's insight once, with a reason; the third member's report
// hides it from readers, its author sees "Hidden pending review", and it waits in the queue with the reports.
// (Reports from new accounts queue an insight but never hide it:
// lib/data/moderation/reports.integration.test.ts.)
import { createInsight } from "../prisma/factories";
import { expect, test } from "./fixtures";
import {
  anonymousPage,
  insightText,
  moderationScene,
  pageSignedInAs,
  queueItem,
  sectionRegion,
} from "./moderation-helpers";

test("three members report an insight and it is hidden until a moderator decides", async ({
  page,
  browser,
  baseURL,
  db,
  makeUser,
  signIn,
}) => {
  test.setTimeout(150_000);
  const scene = await moderationScene(db);
  const [first] = scene.sections;
  const author = await makeUser({ name: "Priya Published" });
  const body = insightText("Reported");
  await createInsight(db, { sectionId: first.id, authorId: author.id, body });
  const cardOn = (target: typeof page) =>
    sectionRegion(target, first.title).getByRole("article", { name: `Insight by ${author.name}` });

  // Signed-out readers are sent to sign in first.
  const reader = await anonymousPage(browser, baseURL);
  await reader.goto(scene.path);
  await expect(cardOn(reader)).toContainText(body);
  await expect(cardOn(reader).getByRole("link", { name: "Sign in to report this insight" })).toHaveAttribute(
    "href",
    `/sign-in?callbackUrl=${encodeURIComponent(scene.path)}`,
  );

  // The author is not offered "Report" on their own insight.
  await signIn(page, author);
  await page.goto(scene.path);
  await expect(cardOn(page).getByRole("button", { name: "Edit" })).toBeVisible();
  await expect(cardOn(page).getByRole("button", { name: "Report" })).toHaveCount(0);

  const reasons = ["Spam", "Misleading", "Other"] as const;
  for (const [index, reason] of reasons.entries()) {
    const reporter = await makeUser({ name: `Reporter ${index + 1}`, trustOverride: "TRUSTED" });
    const reporting = await pageSignedInAs(browser, baseURL, signIn, reporter);
    await reporting.goto(scene.path);
    const card = cardOn(reporting);
    await card.getByRole("button", { name: "Report" }).click();
    const dialog = reporting.getByRole("dialog", { name: "Report this insight" });
    await dialog.getByRole("radio", { name: reason }).check();
    if (reason === "Other") {
      // "Other" needs a few words.
      await dialog.getByRole("button", { name: "Send report" }).click();
      await expect(dialog.getByText("Tell us what is wrong with it.")).toBeVisible();
      await dialog.getByLabel("Tell us more").fill("It copies a vendor's brochure word for word.");
    }
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(reporting.getByText("Thanks for your report")).toBeVisible();
    if (index === reasons.length - 1) {
      // The third member's report hides it: it leaves the reporter's page too.
      await expect(reporting.getByText(/it is hidden until a moderator reviews it/)).toBeVisible();
      await expect(card).toHaveCount(0);
      await reporting.context().close();
      break;
    }
    await expect(card.getByText("You reported this insight")).toBeVisible();
    await expect(card.getByRole("button", { name: "Report" })).toHaveCount(0);
    if (index === 0) {
      // Once per member: after a reload the report is still remembered.
      await reporting.reload();
      await expect(cardOn(reporting).getByText("You reported this insight")).toBeVisible();
    }
    await reporting.context().close();
  }

  // Hidden: gone for readers.
  await expect(async () => {
    await reader.goto(scene.path);
    await expect(sectionRegion(reader, first.title)).toBeVisible({ timeout: 2_000 });
    await expect(reader.getByText(body)).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });

  // The author sees it as hidden pending review.
  await page.reload();
  const own = sectionRegion(page, first.title).getByRole("article", { name: "Your insight" });
  await expect(own).toContainText(body);
  await expect(own.getByText("Hidden pending review")).toBeVisible();

  // Moderators find it in the queue with the three reports and their reasons.
  const moderator = await makeUser({ role: "MODERATOR" });
  const mod = await pageSignedInAs(browser, baseURL, signIn, moderator);
  await mod.goto(`${scene.queuePath}&kind=hidden`);
  const item = queueItem(mod, author.name);
  await expect(item.getByText("Hidden after reports")).toBeVisible();
  const reports = item.getByRole("region", { name: "Reports" });
  await expect(reports.getByRole("listitem")).toHaveCount(3);
  await expect(reports).toContainText("It copies a vendor's brochure word for word.");
  await mod.goto(`${scene.queuePath}&reason=MISLEADING`);
  await expect(queueItem(mod, author.name)).toBeVisible();
});
