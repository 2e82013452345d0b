// A reader searches: the header's search box → ranked results with highlighted matches → kind filters;
// a query that finds nothing gets "No results" and suggestions. Search is not cached, so an article
// published a moment ago is found at once.
import { randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createArticle, createDomain, createInsight, createUser } from "../prisma/factories";
import { expect, headerSignInLink, test } from "./fixtures";

/** A word no other content contains (letters only, so the English stemmer leaves it whole). */
function madeUpWord(): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  return Array.from({ length: 12 }, () => letters[randomInt(letters.length)]).join("");
}

function headerSearchBox(page: Page) {
  return page
    .getByRole("banner")
    .getByRole("search", { name: "Site search" })
    .getByRole("searchbox", { name: "Search Roundtable" });
}

function result(page: Page, linkName: string | RegExp) {
  return page.getByRole("article").filter({ has: page.getByRole("link", { name: linkName, exact: true }) });
}

test("a reader finds a new article from the header search box and filters by kind", async ({ page, db }) => {
  const term = madeUpWord();
  const domain = await createDomain(db, { name: `Search domain ${term}` });
  const article = await createArticle(db, {
    domainId: domain.id,
    title: `Pairing with ${term} teams`,
    sections: [
      {
        title: "Background",
        body: `Our notes on running ${term} reviews every week, and what changed after.`,
      },
    ],
  });
  const guide = await createArticle(db, { domainId: domain.id, title: `A field guide to ${term}` });
  await db.article.update({ where: { id: guide.id }, data: { kind: "GUIDE" } });
  const author = await createUser(db);
  await createInsight(db, {
    sectionId: article.sections.find((s) => s.anchor === "section-1")!.id,
    authorId: author.id,
    body: `Running ${term} reviews taught me to write down every decision and the reason for it, then share it with the whole team the same day.`,
  });

  await page.goto("/");
  await headerSearchBox(page).fill(term);
  await headerSearchBox(page).press("Enter");

  await expect(page).toHaveURL(new RegExp(`/search\\?q=${term}$`));
  await expect(page).toHaveTitle(new RegExp(`^Search: ${term} · `));
  await expect(page.getByText(`3 results for “${term}”`)).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Kinds of result" });
  await expect(tabs.getByRole("link")).toHaveText(["All3", "Articles1", "Guides1", "Insights1"]);

  // The new article, its title's match and its section's match highlighted.
  const found = result(page, `Pairing with ${term} teams`);
  await expect(found).toBeVisible();
  await expect(found.getByRole("link", { name: `Pairing with ${term} teams` })).toHaveAttribute(
    "href",
    `/articles/${article.slug}`,
  );
  await expect(found.locator("mark")).toHaveText([term, term]);
  await expect(found).toContainText(`Our notes on running ${term} reviews`);
  await expect(found.getByRole("link", { name: domain.name })).toHaveAttribute(
    "href",
    `/domains/${domain.slug}`,
  );

  await tabs.getByRole("link", { name: /^Guides/ }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${term}&kind=guides$`));
  await expect(tabs.getByRole("link", { name: /^Guides/ })).toHaveAttribute("aria-current", "page");
  await expect(result(page, `A field guide to ${term}`)).toBeVisible();
  await expect(result(page, `Pairing with ${term} teams`)).toHaveCount(0);

  await tabs.getByRole("link", { name: /^Insights/ }).click();
  await expect(page).toHaveURL(new RegExp(`kind=insights$`));
  const insight = result(page, new RegExp(`Pairing with ${term} teams › Background`));
  await expect(insight).toContainText(`Insight by ${author.name}`);
  await expect(insight.locator("mark")).toHaveText([term]);
  await insight.getByRole("link", { name: /› Background/ }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.slug}#section-1$`));
});

test("a query that finds nothing says so and suggests what to try", async ({ page }) => {
  const nonsense = madeUpWord();
  await page.goto("/search");
  await expect(page.getByText("What are you looking for?")).toBeVisible();

  const box = page.getByRole("main").getByRole("searchbox", { name: "Search articles, guides and insights" });
  await box.fill(nonsense);
  await page.getByRole("main").getByRole("button", { name: "Search", exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`q=${nonsense}`));
  await expect(page.getByText(`No results for “${nonsense}”`)).toBeVisible();
  await expect(page.getByText("Check the spelling.")).toBeVisible();
  await expect(page.getByText("Try fewer words, or more general ones.")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Browse domains" })).toHaveAttribute(
    "href",
    "/#domains",
  );
  await expect(page.getByRole("main").getByRole("searchbox")).toHaveValue(nonsense);
});

test("hostile queries get a page, never an error", async ({ page }) => {
  for (const q of ["'", "\\", "&|!", ":*", "😀🔍", "the", `-${madeUpWord()}`, "x".repeat(10_000)]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}&page=abc&kind=nope&domain=%00`);
    expect(response?.status(), q.slice(0, 20)).toBe(200);
    // Within main: until React reveals the streamed results, a hidden copy of them sits outside it.
    await expect(page.getByRole("main").getByText(/^No results for “/)).toBeVisible();
  }
  const nul = await page.goto("/search?q=%00");
  expect(nul?.status()).toBe(200);
  await expect(page.getByText("What are you looking for?")).toBeVisible();
});

for (const path of ["/search?q=career", "/search?q=career&kind=insights", "/search?q=zzyzzyva"]) {
  test(`axe finds no WCAG 2.1 AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(headerSignInLink(page)).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the header links to the search page", async ({ page }) => {
    await page.goto("/");
    await expect(headerSearchBox(page)).toBeHidden();
    await page.getByRole("banner").getByRole("link", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search$/);
    await expect(page.getByRole("main").getByRole("searchbox")).toBeVisible();
  });
});
