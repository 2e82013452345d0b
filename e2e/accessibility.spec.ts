// Automated WCAG 2.1 A/AA checks on the pages a newcomer meets first, and the skip link for keyboard users.
import AxeBuilder from "@axe-core/playwright";
import { expect, headerSignInLink, test } from "./fixtures";

const PAGES = [
  { name: "the home page", path: "/" },
  { name: "the Software Development domain page", path: "/domains/software-development" },
  { name: "the career-growth article", path: "/articles/frontend-vs-backend-career-growth" },
  { name: "the backend alternatives guide", path: "/articles/backend-engineer-alternatives" },
  { name: "the sign-in page", path: "/sign-in" },
  { name: "the sign-up page", path: "/sign-up" },
];

for (const { name, path } of PAGES) {
  test(`axe finds no WCAG 2.1 AA violations on ${name}`, async ({ page }) => {
    await page.goto(path);
    // The header settles (loading placeholder → "Sign in") once the page has hydrated.
    await expect(headerSignInLink(page)).toBeVisible();

    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const violations = results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
    expect(violations).toEqual([]);
  });
}

test("the first Tab on the home page reaches the skip link, which moves focus to the content", async ({
  page,
}) => {
  await page.goto("/");
  await expect(headerSignInLink(page)).toBeVisible();

  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: "Skip to content" });
  await expect(skipLink).toBeFocused();
  // sr-only until focused: a sighted keyboard user must be able to see it.
  const box = await skipLink.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(10);

  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});
