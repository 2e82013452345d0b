// A signed-out reader who wants to add an insight signs in and comes back to the very section they chose.
import { accountMenu, expect, submitSignInForm, test } from "./fixtures";

const ARTICLE_PATH = "/articles/frontend-vs-backend-career-growth";

test("a signed-out reader signs in from a section and returns to that section", async ({
  page,
  makeUser,
}) => {
  const user = await makeUser();
  await page.goto(ARTICLE_PATH);

  await page.getByRole("link", { name: "Add your insights on “Collaboration Opportunities”" }).click();
  await expect(page).toHaveURL(/\/sign-in\?/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(
    `${ARTICLE_PATH}#collaboration-opportunities`,
  );

  await submitSignInForm(page, user);

  await expect(page).toHaveURL(new RegExp(`${ARTICLE_PATH}#collaboration-opportunities$`));
  await expect(accountMenu(page)).toHaveAccessibleName(`Account menu for ${user.name}`);
  await expect(page.getByRole("heading", { level: 2, name: "Collaboration Opportunities" })).toBeInViewport();
});
