// Guides: the ranked list and comparison table of the alternatives guide (also on a phone), and the FAQ of
// the backend-developer career guide.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const ALTERNATIVES_PATH = "/articles/backend-engineer-alternatives";
const CAREER_GUIDE_PATH = "/articles/backend-developer-career-guide";
const CAREER_GUIDE_TITLE = "Backend Developer: A Complete Career Guide";
const FAQ_QUESTIONS = [
  "Is backend development harder than frontend?",
  "Do backend developers need to know frontend technologies?",
  "What is the future of backend development?",
  "Can backend developers work remotely?",
];

async function structuredData(page: Page): Promise<{ "@type"?: string; mainEntity?: { name?: string }[] }[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((text) => {
    const parsed = JSON.parse(text) as unknown;
    return (Array.isArray(parsed) ? parsed : [parsed]) as { "@type"?: string }[];
  });
}

test("the alternatives guide shows its ranked list and comparison table", async ({ page }) => {
  await page.goto(ALTERNATIVES_PATH);

  const ranked = page.getByRole("region", { name: "Top alternatives ranked" });
  const list = ranked.locator("ol").first();
  const entries = list.locator(":scope > li");
  await expect(entries).toHaveCount(6);
  await expect(entries.first()).toContainText("Fullstack Engineer");
  await expect(entries.last()).toContainText("Frontend Engineer");

  const comparison = page.getByRole("region", { name: "Side-by-side" });
  const scroller = comparison.getByRole("region", { name: "Table", exact: true });
  const table = scroller.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText([
    "Role",
    "Primary focus",
    "Key skills",
    "Common tools",
    "Typical deliverables",
  ]);
  await expect(table.locator("tbody > tr")).toHaveCount(7);
  await expect(table.locator("tbody > tr").first().getByRole("cell").first()).toHaveText("Backend Engineer");
});

test("on a 360px phone the alternatives guide fits the screen and only its table scrolls", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(ALTERNATIVES_PATH);
  const scroller = page
    .getByRole("region", { name: "Side-by-side" })
    .getByRole("region", { name: "Table", exact: true });
  await expect(scroller.getByRole("table")).toBeVisible();

  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(360 + 1);

  const overflow = await scroller.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
  }));
  expect(overflow.scrollWidth).toBeGreaterThan(overflow.clientWidth);
  const scrolledTo = await scroller.evaluate((element) => {
    element.scrollLeft = 120;
    return element.scrollLeft;
  });
  expect(scrolledTo).toBeGreaterThan(0);
});

test("the career guide shows its FAQ, breadcrumbs and FAQPage structured data", async ({ page }) => {
  await page.goto(CAREER_GUIDE_PATH);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CAREER_GUIDE_TITLE);

  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("listitem")).toHaveText([
    "Home",
    "Careers",
    "Career Guides",
    CAREER_GUIDE_TITLE,
  ]);

  const faq = page.getByRole("region", { name: "FAQ", exact: true });
  await expect(faq.getByRole("heading", { level: 3 })).toHaveText(FAQ_QUESTIONS);
  for (const question of FAQ_QUESTIONS) {
    const heading = faq.getByRole("heading", { level: 3, name: question });
    const answer = await heading.evaluate((element) => {
      const next = element.nextElementSibling;
      return { tag: next?.tagName ?? "", text: next?.textContent?.trim() ?? "" };
    });
    expect(answer.tag, `the element after "${question}"`).toBe("P");
    expect(answer.text.length, `the answer to "${question}"`).toBeGreaterThan(40);
  }

  const data = await structuredData(page);
  const faqPage = data.find((item) => item["@type"] === "FAQPage");
  expect(faqPage, "a FAQPage JSON-LD block").toBeDefined();
  expect(faqPage?.mainEntity?.map((entry) => entry.name)).toEqual(FAQ_QUESTIONS);
});
