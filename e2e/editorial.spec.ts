// The editorial back office as an admin uses it: paste an outline, get a draft, edit a section while its
// preview follows the typing, reorder sections with the keyboard, publish; the article then appears on its
// domain page, in search and at its address, which was a 404 for readers while it was a draft.
import { randomInt } from "node:crypto";
import { createDomain } from "../prisma/factories";
import { expect, revealingGoto, test } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

/** A word no other content contains (letters only, so the English stemmer leaves it whole). */
function madeUpWord(): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  return Array.from({ length: 12 }, () => letters[randomInt(letters.length)]).join("");
}

test("an admin imports an outline, edits a section with preview, publishes, and readers find it", async ({
  page,
  browser,
  db,
  makeUser,
  signIn,
}) => {
  const term = madeUpWord();
  const domain = await createDomain(db, { name: `Editorial ${term}` });
  const title = `Choosing ${term} tools for small teams`;
  const admin = await makeUser({ role: "ADMIN" });
  await signIn(page, admin);

  await page.goto("/admin/articles/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import an outline" })).toBeVisible();
  const importForm = page.getByRole("form", { name: "Import an outline" });
  await importForm.getByLabel("Domain").selectOption({ label: domain.name });
  await importForm.getByLabel("Guide").check();
  const outline = importForm.getByLabel("Outline (Markdown)");
  // The outline is checked as it is typed: a missing title is reported with its line.
  await outline.fill("Just a paragraph");
  await expect(page.getByRole("note").filter({ hasText: "Line 1:" })).toContainText("# Title");
  await outline.fill(
    [
      `# ${title}`,
      "",
      `What teams learned picking ${term} tools.`,
      "",
      "## Pricing",
      "Most tools charge per seat.",
      "",
      "## Setup",
      "Install it.",
      "",
      "## FAQ",
      "### Is there a free plan?",
      "Usually, for up to three people.",
    ].join("\n"),
  );
  const check = page.getByRole("complementary", { name: "What will be imported" });
  await expect(check.getByRole("listitem")).toHaveText(["Pricing", "Setup", "FAQ"]);
  await importForm.getByRole("button", { name: "Import as draft" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).not.toHaveURL(/\/import$/);
  const articleUrl = page.url();
  await expect(page.getByText("Draft", { exact: true }).first()).toBeVisible();
  const sections = page.getByRole("list", { name: "Sections" });
  await expect(sections.getByRole("heading", { level: 3 })).toHaveText(["1.Pricing", "2.Setup", "3.FAQ"]);
  const slug = await page.getByLabel("Slug").inputValue();
  expect(slug).toBe(`choosing-${term}-tools-for-small-teams`);

  // A draft is a 404 for readers.
  const reader = await browser.newContext();
  const readerPage = revealingGoto(await reader.newPage());
  const draftResponse = await readerPage.goto(`/articles/${slug}`);
  expect(draftResponse?.status()).toBe(404);

  // Move "Setup" above "Pricing" from the keyboard; the move is announced and focus stays on the button.
  const moveUp = sections.getByRole("button", { name: "Move “Setup” up" });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("status").filter({ hasText: "“Setup” moved up: section 1 of 3." }),
  ).toBeAttached();
  await expect(sections.getByRole("heading", { level: 3 })).toHaveText(["1.Setup", "2.Pricing", "3.FAQ"]);
  await expect(sections.getByRole("button", { name: "Move “Setup” down" })).toBeFocused();

  // Edit "Pricing": the preview renders the Markdown as readers will see it while it is typed.
  await sections.getByRole("button", { name: "Edit “Pricing”" }).click();
  const editForm = page.getByRole("form", { name: "Edit “Pricing”" });
  await editForm
    .getByLabel("Body (Markdown)")
    .fill(
      [
        "Most tools charge per seat.",
        "",
        "| Plan | Price |",
        "| --- | ---: |",
        "| Team | $8 |",
        "",
        "1. Count your seats",
        `2. Ask about ${term} discounts`,
      ].join("\n"),
    );
  const preview = editForm.getByRole("region", { name: "Preview of “Pricing”" });
  await expect(preview.getByRole("heading", { level: 2, name: "Pricing" })).toBeVisible();
  await expect(preview.getByRole("table")).toContainText("Team");
  await expect(preview.getByRole("listitem")).toHaveText(["Count your seats", `Ask about ${term} discounts`]);
  await editForm.getByRole("button", { name: "Save section" }).click();
  await expect(editForm).toBeHidden();
  await expect(sections.getByText("Most tools charge per seat.")).toBeVisible();

  // The admin's preview of the draft: the page readers will get, with a banner.
  await page.goto(`${articleUrl}/preview`);
  await expect(page.getByText("Draft preview")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("article").getByRole("table")).toContainText("$8");
  await expect(
    page.getByRole("article").getByRole("heading", { level: 3, name: "Is there a free plan?" }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Back to the editor" }).click();

  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Published", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "View on site" })).toHaveAttribute("href", `/articles/${slug}`);

  // Readers: on the domain page, in search, and at its address.
  await readerPage.goto(`/domains/${domain.slug}`);
  await expect(readerPage.getByRole("link", { name: title })).toBeVisible();

  await readerPage.goto(`/search?q=${term}`);
  await expect(
    readerPage.getByRole("article").getByRole("link", { name: title, exact: true }),
  ).toHaveAttribute("href", `/articles/${slug}`);

  const live = await readerPage.goto(`/articles/${slug}`);
  expect(live?.status()).toBe(200);
  await expect(readerPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(readerPage.getByRole("heading", { level: 2 })).toContainText(["Setup", "Pricing", "FAQ"]);
  await expect(readerPage.getByRole("main").getByRole("table")).toContainText("$8");
  await reader.close();
});

test("a renamed article's old address redirects with a 308, and members may not open the back office", async ({
  page,
  db,
  makeUser,
  signIn,
}) => {
  const domain = await createDomain(db);
  const admin = await makeUser({ role: "ADMIN" });
  await signIn(page, admin);
  await page.goto(`/admin/articles/new?domain=${domain.id}`);
  const form = page.getByRole("form", { name: "New article" });
  const title = `Redirect check ${madeUpWord()}`;
  await form.getByLabel("Title").fill(title);
  const slug = await form.getByLabel("Slug").inputValue();
  expect(slug).toMatch(/^redirect-check-/);
  await form.getByLabel("Summary").fill("Where old links go.");
  await form.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await page.getByRole("button", { name: "Add the first section" }).click();
  const newSection = page.getByRole("form", { name: "New section" });
  await newSection.getByLabel("Section title").fill("Only section");
  await newSection.getByLabel("Body (Markdown)").fill("Some text.");
  await newSection.getByRole("button", { name: "Add section" }).click();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByRole("link", { name: "View on site" })).toBeVisible();

  const details = page.getByRole("form", { name: "Article details" });
  await details.getByLabel("Slug").fill(`${slug}-renamed`);
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByText(`/articles/${slug}`, { exact: true })).toBeVisible();

  // One 308 with one Location (the proxy answers it; it learns of the rename within seconds).
  await expect
    .poll(async () => {
      const response = await page.request.get(`/articles/${slug}`, { maxRedirects: 0 });
      return `${response.status()} ${response.headers().location}`;
    })
    .toBe(`308 /articles/${slug}-renamed`);

  const member = await makeUser();
  await page.context().clearCookies();
  await signIn(page, member);
  const refused = await page.goto("/admin/articles");
  expect(refused?.status()).toBe(403);
});
