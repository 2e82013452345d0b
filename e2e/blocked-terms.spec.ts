// An admin blocks a term; a trusted member's insight containing it waits for a moderator instead of
// publishing, and only admins reach the list.
import { randomBytes } from "node:crypto";
import { createArticle, distinctInsightText } from "../prisma/factories";
import { expect, revealingGoto, test } from "./fixtures";

test("an admin blocks a term, and a trusted member's insight containing it awaits review", async ({
  page,
  browser,
  baseURL,
  db,
  makeUser,
  signIn,
}) => {
  test.setTimeout(90_000);
  const term = `dodgyoffer${randomBytes(3).toString("hex")}`;
  const admin = await makeUser({ role: "ADMIN" });
  await signIn(page, admin);
  await page.goto("/admin/blocked-terms");
  await expect(page.getByRole("heading", { level: 1, name: "Blocked terms" })).toBeVisible();

  const form = page.getByRole("form", { name: "Add a blocked term" });
  await form.getByLabel("Word or phrase").fill(`  ${term.toUpperCase()} `);
  await form.getByRole("button", { name: "Add term" }).click();
  await expect(page.getByText(`“${term}” is blocked`)).toBeVisible();
  const list = page.getByRole("list", { name: "Blocked terms" });
  await expect(list.getByText(term, { exact: true })).toBeVisible();
  await expect(form.getByLabel("Word or phrase")).toHaveValue("");

  // The same term again is refused next to the field.
  await form.getByLabel("Word or phrase").fill(term);
  await form.getByRole("button", { name: "Add term" }).click();
  await expect(form.getByRole("alert")).toHaveText(`“${term}” is already blocked.`);

  // A trusted member (an admin set it) posts an insight containing the term, typed at a person's pace.
  const member = await makeUser({ trustOverride: "TRUSTED" });
  const article = await createArticle(db, { sections: [{ title: "Your experience", body: "Tell us." }] });
  const context = await browser.newContext({ baseURL });
  const memberPage = revealingGoto(await context.newPage());
  await signIn(memberPage, member);
  await memberPage.clock.install();
  await memberPage.goto(`/articles/${article.slug}`);
  await memberPage.getByRole("button", { name: "Add your insights on “Your experience”" }).click();
  const body = `${distinctInsightText("Honest advice")} Ask me about the ${term} if you want more.`;
  await memberPage.getByRole("textbox", { name: "Your insight" }).fill(body);
  await memberPage.clock.fastForward("01:00");
  await memberPage.getByRole("button", { name: "Post insight" }).click();

  await expect(memberPage.getByText("Thanks! Your insight is awaiting review")).toBeVisible();
  const own = memberPage.getByRole("article", { name: "Your insight" });
  await expect(own).toContainText(body);
  await expect(own.getByText("Awaiting review")).toBeVisible();
  const stored = await db.insight.findFirstOrThrow({
    where: { authorId: member.id },
    select: { status: true, autoFlags: true, queuedAt: true },
  });
  expect(stored).toMatchObject({ status: "PENDING", autoFlags: ["blocked-term"] });
  expect(stored.queuedAt).not.toBeNull();

  // Members cannot open the list.
  await memberPage.goto("/admin/blocked-terms");
  await expect(
    memberPage.getByRole("heading", { level: 1, name: "This page is not open to you" }),
  ).toBeVisible();
  await expect(memberPage.getByText(term)).toHaveCount(0);
  await context.close();

  // The admin removes the term again, after confirming.
  await list.getByRole("button", { name: `Remove “${term}”` }).click();
  const confirm = page.getByRole("dialog", { name: `Remove “${term}”?` });
  await confirm.getByRole("button", { name: "Remove term" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(list.getByText(term, { exact: true })).toHaveCount(0);
  await expect(page.getByText(`“${term}” is no longer blocked`)).toBeVisible();
  const entries = await db.auditEntry.findMany({
    where: { actorId: admin.id, targetType: "blocked-term" },
    select: { action: true },
    orderBy: { createdAt: "asc" },
  });
  expect(entries.map((entry) => entry.action)).toEqual(["blocked-term.add", "blocked-term.remove"]);
});
