// Rejection and appeal: a moderator rejects a held insight with a reason, the author reads the reason and
// appeals once, the moderator who decided is not offered the appeal, and a second moderator overturns it.
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

test("a rejected author sees why, appeals, and a different moderator overturns the decision", async ({
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
  const author = await makeUser({ name: "Ravi Rejected" });
  const body = insightText("Appealed");
  await heldInsight(db, { sectionId: first.id, authorId: author.id, body, minutesAgo: 5 });

  // The first moderator rejects it with a reason and a note.
  const decider = await makeUser({ name: "Dana Decider", role: "MODERATOR" });
  const mod = await pageSignedInAs(browser, baseURL, signIn, decider);
  await mod.goto(scene.queuePath);
  const item = queueItem(mod, author.name);
  await expect(item).toContainText(body);
  await item.getByRole("button", { name: "Reject…" }).click();
  const dialog = mod.getByRole("dialog", { name: "Reject this insight" });
  await dialog.getByRole("button", { name: "Reject" }).click();
  await expect(dialog.getByText("Choose a reason.")).toBeVisible();
  await dialog.getByLabel("Reason").selectOption({ label: "Low quality" });
  await dialog.getByLabel("Note to the author (optional)").fill("Please add a concrete example.");
  await dialog.getByRole("button", { name: "Reject" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(mod.getByText("Insight rejected")).toBeVisible();
  await expect(item).toHaveCount(0);

  // The author sees the reason and the note, and appeals.
  await signIn(page, author);
  await page.goto(scene.path);
  const own = sectionRegion(page, first.title).getByRole("article", { name: "Your insight" });
  await expect(own.getByText("Not published", { exact: true })).toBeVisible();
  await expect(own).toContainText("Why it was not published: Low quality");
  await expect(own).toContainText("Please add a concrete example.");
  await own.getByRole("button", { name: "Appeal this decision" }).click();
  const appeal = own.getByRole("form", { name: "Appeal this decision" });
  await appeal.getByRole("button", { name: "Send appeal" }).click();
  await expect(appeal.getByText("Tell the moderators why the decision should change.")).toBeVisible();
  await appeal
    .getByLabel("Why should the decision change?")
    .fill("The second sentence is the concrete example: monthly notes reviewed with the team.");
  await appeal.getByRole("button", { name: "Send appeal" }).click();
  await expect(own.getByText("Appeal pending")).toBeVisible();
  await expect(own.getByRole("button", { name: "Appeal this decision" })).toHaveCount(0);
  // Once only: after a reload the author still cannot appeal again.
  await page.reload();
  await expect(own.getByText("Appeal pending")).toBeVisible();
  await expect(own.getByRole("button", { name: "Appeal this decision" })).toHaveCount(0);

  // The moderator who decided sees the appeal but may not decide it.
  await mod.goto(`${scene.queuePath}&kind=appeal`);
  const appealed = queueItem(mod, author.name);
  await expect(appealed).toContainText("monthly notes reviewed with the team");
  await expect(
    appealed.getByText("You decided this item; another moderator must decide the appeal."),
  ).toBeVisible();
  await expect(appealed.getByRole("button", { name: "Uphold decision" })).toHaveCount(0);
  await expect(appealed.getByRole("button", { name: "Overturn decision" })).toHaveCount(0);

  // A second moderator overturns it.
  const second = await makeUser({ name: "Sam Second", role: "MODERATOR" });
  const other = await pageSignedInAs(browser, baseURL, signIn, second);
  await other.goto(`${scene.queuePath}&kind=appeal`);
  const toDecide = queueItem(other, author.name);
  await expect(toDecide).toContainText("Reason: Low quality");
  await toDecide.getByRole("button", { name: "Overturn decision" }).click();
  const decide = other.getByRole("dialog", { name: "Decide the appeal" });
  await expect(decide.getByRole("radio", { name: /Overturn the decision/ })).toBeChecked();
  await decide.getByLabel("Note to the author (optional)").fill("Fair point, the example is there.");
  await decide.getByRole("button", { name: "Decide appeal" }).click();
  await expect(other.getByText("Appeal decided: the decision was reversed")).toBeVisible();
  await expect(toDecide).toHaveCount(0);

  // Readers see the insight now.
  const reader = await anonymousPage(browser, baseURL);
  await expect(async () => {
    await reader.goto(scene.path);
    await expect(
      sectionRegion(reader, first.title).getByRole("article", { name: `Insight by ${author.name}` }),
    ).toContainText(body, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
});
