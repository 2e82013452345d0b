// Addresses that lead nowhere answer 404 with a page that helps the reader back.
import { expect, test } from "./fixtures";

test("an unknown article answers 404 with a way back home", async ({ page }) => {
  const response = await page.goto("/articles/this-does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn’t find that page");

  await page.getByRole("main").getByRole("link", { name: "Back to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 2, name: "Domains" })).toBeVisible();
});

for (const path of ["/domains/nope", "/members/nobody-here"]) {
  test(`${path} answers 404`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn’t find that page");
  });
}
