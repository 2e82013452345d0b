// A member suspended while signed in is signed out on their next page, told why, and cannot sign back in.
import { accountMenu, expect, headerSignInLink, submitSignInForm, test } from "./fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;

test("a member suspended mid-session is signed out with the reason and cannot sign in", async ({
  page,
  makeUser,
  signIn,
  db,
}) => {
  const user = await makeUser();
  await signIn(page, user);

  await db.user.update({
    where: { id: user.id },
    data: { status: "SUSPENDED", statusReason: "Spam", statusUntil: new Date(Date.now() + 7 * DAY_MS) },
  });

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "How to contribute" })
    .click();
  await expect(page).toHaveURL(/\/contribute$/);

  await expect(headerSignInLink(page)).toBeVisible();
  await expect(accountMenu(page)).toHaveCount(0);
  await expect(page.getByText("You have been signed out")).toBeVisible();
  await expect(page.getByText(/Reason: Spam/)).toBeVisible();

  await page.goto("/sign-in");
  await submitSignInForm(page, user);
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toContainText("suspended");
  await expect(accountMenu(page)).toHaveCount(0);
});
