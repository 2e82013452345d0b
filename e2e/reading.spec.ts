// A newcomer reads: home page → domain page → collaborative article → an insight author's profile.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const ARTICLE_PATH = "/articles/frontend-vs-backend-career-growth";
const ARTICLE_TITLE =
  "In What Ways Do Frontend and Backend Roles Offer Different Opportunities for Career Growth?";
const SECTION_TITLES = [
  "Specialization vs Versatility",
  "User Impact vs System Impact",
  "Rapidly Changing Technologies vs Stability",
  "Collaboration Opportunities",
  "Career Progression Paths",
  "Entrepreneurial and Freelance Opportunities",
  "Skill Transfer and Hybrid Roles",
  "Influence on Product Strategy",
  "Certifications and Formal Education Pathways",
  "Leadership and Management Tracks",
  "What else to take into account",
];
const CONTRIBUTOR_CALLOUT =
  "Contribute to three or more articles across any domain to qualify for the Contributor badge.";

/** The schema.org types of every JSON-LD block on the page. */
async function structuredDataTypes(page: Page): Promise<string[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((text) => {
    const parsed = JSON.parse(text) as unknown;
    const items = (Array.isArray(parsed) ? parsed : [parsed]) as { "@type"?: string }[];
    return items.map((item) => item["@type"] ?? "");
  });
}

function mainArticle(page: Page) {
  return page.getByRole("article").filter({ has: page.getByRole("heading", { level: 1 }) });
}

test("a newcomer finds the career-growth article from the home page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Domains" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Engineering" })).toBeVisible();

  await page
    .getByRole("list", { name: "Inside Engineering" })
    .getByRole("link", { name: /^Software Development/ })
    .click();
  await expect(page).toHaveURL(/\/domains\/software-development$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Software Development");

  const breadcrumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(breadcrumbs.getByRole("listitem")).toHaveText(["Home", "Engineering", "Software Development"]);
  await expect(breadcrumbs.getByRole("link", { name: "Engineering" })).toHaveAttribute(
    "href",
    "/domains/engineering",
  );
  // The current page is the last crumb and is not a link.
  await expect(breadcrumbs.getByRole("link", { name: "Software Development" })).toHaveCount(0);

  await expect(page.getByRole("link", { name: "Sponsor this category" })).toHaveAttribute(
    "href",
    "/domains/software-development/sponsor",
  );
  const articleList = page.getByRole("region", { name: "Articles and guides" });
  await expect(articleList.getByRole("article").first()).toBeVisible();
  await articleList.getByRole("link", { name: ARTICLE_TITLE }).click();

  await expect(page).toHaveURL(new RegExp(`${ARTICLE_PATH}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ARTICLE_TITLE);
});

test("the career-growth article shows its sections, insights, call-out and structured data", async ({
  page,
}) => {
  await page.goto(ARTICLE_PATH);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ARTICLE_TITLE);
  // Other blocks inside the article (feedback, for one) have h2s too: the sections' must all be there, in order.
  const articleHeadings = mainArticle(page).getByRole("heading", { level: 2 });
  await expect
    .poll(async () =>
      (await articleHeadings.allTextContents()).filter((text) => SECTION_TITLES.includes(text)),
    )
    .toEqual(SECTION_TITLES);
  await expect(articleHeadings.first()).toHaveText(SECTION_TITLES[0]!);

  const insight = page.getByRole("article", { name: /^Insight by / }).first();
  await expect(insight).toBeVisible();
  await expect(insight.getByRole("link").first()).toHaveAttribute("href", /^\/members\/[a-z0-9-]+$/);

  const aside = page.getByRole("complementary", { name: "About contributing" });
  await expect(aside.getByText(CONTRIBUTOR_CALLOUT, { exact: true })).toBeVisible();
  await aside.getByRole("link", { name: "Learn more about how to contribute" }).click();
  await expect(page).toHaveURL(/\/contribute$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How to contribute");

  await page.goto(ARTICLE_PATH);
  const types = await structuredDataTypes(page);
  expect(types).toContain("Article");
  expect(types).toContain("BreadcrumbList");
});

test("an insight author's name opens their profile", async ({ page }) => {
  await page.goto(ARTICLE_PATH);
  const authorLink = page
    .getByRole("article", { name: /^Insight by / })
    .first()
    .getByRole("link")
    .first();
  const authorName = (await authorLink.textContent())?.trim() ?? "";
  expect(authorName).not.toBe("");

  await authorLink.click();
  await expect(page).toHaveURL(/\/members\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(authorName);
});
