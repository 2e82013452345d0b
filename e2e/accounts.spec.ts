// Accounts: sign up, sign out, sign in, the sign-in and sign-up errors, and editing one's profile.
import type { Page } from "@playwright/test";
import { accountMenu, expect, headerSignInLink, submitSignInForm, test, uniqueEmail } from "./fixtures";

async function fillSignUpForm(page: Page, values: { name: string; email: string; password: string }) {
  await page.goto("/sign-up");
  await expect(headerSignInLink(page)).toBeVisible();
  const form = page.getByRole("form", { name: "Create account" });
  await form.getByLabel("Name").fill(values.name);
  await form.getByLabel("Email").fill(values.email);
  await form.getByLabel("Password").fill(values.password);
  await form.getByRole("button", { name: "Create account" }).click();
  return form;
}

test("a visitor signs up, signs out and signs in again", async ({ page, signIn }) => {
  // Three sign-in round trips (two of them hashing a password) on a cold server: near the 30 s default when
  // the machine is busy.
  test.slow();
  const account = {
    name: `Ada Lovelace ${Date.now().toString(36)}`,
    email: uniqueEmail("signup"),
    password: "analytical-engine-1843",
  };
  await fillSignUpForm(page, account);
  await expect(accountMenu(page)).toHaveAccessibleName(`Account menu for ${account.name}`);

  await accountMenu(page).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(headerSignInLink(page)).toBeVisible();
  await expect(accountMenu(page)).toHaveCount(0);

  await signIn(page, account);
});

test("a wrong password is refused with one plain message", async ({ page, makeUser }) => {
  const user = await makeUser();
  await page.goto("/sign-in");
  await submitSignInForm(page, { email: user.email, password: "not-the-right-password" });

  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(
    "Email or password is incorrect.",
  );
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(headerSignInLink(page)).toBeVisible();
  await expect(accountMenu(page)).toHaveCount(0);
});

test("signing up with an email that already has an account is refused", async ({ page, makeUser, db }) => {
  const existing = await makeUser();
  const form = await fillSignUpForm(page, {
    name: "Someone Else",
    email: existing.email,
    password: "a-long-enough-password",
  });

  await expect(form.getByRole("alert")).toContainText(/an account with this email already exists/i);
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(accountMenu(page)).toHaveCount(0);
  expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
});

test("a newcomer whose name matches an existing member's handle still gets an account", async ({
  page,
  makeUser,
  db,
}) => {
  const suffix = Date.now().toString(36);
  const existing = await makeUser({ handle: `jo-${suffix}` });
  const account = {
    name: `Jo ${suffix}`,
    email: uniqueEmail("same-name"),
    password: "a-long-enough-password",
  };
  await fillSignUpForm(page, account);

  await expect(accountMenu(page)).toHaveAccessibleName(`Account menu for ${account.name}`);
  const created = await db.user.findUniqueOrThrow({
    where: { email: account.email },
    select: { handle: true },
  });
  expect(created.handle).not.toBe(existing.handle);
  expect(created.handle).toMatch(new RegExp(`^jo-${suffix}-\\d+$`));
});

test("a password shorter than ten characters is refused and creates nothing", async ({ page, db }) => {
  const email = uniqueEmail("short");
  const form = await fillSignUpForm(page, { name: "Short Password", email, password: "too-short" });

  const password = form.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/at least 10 characters/i);
  await expect(form.getByRole("alert")).toHaveText("Use at least 10 characters.");
  await expect(page).toHaveURL(/\/sign-up$/);
  expect(await db.user.count({ where: { email } })).toBe(0);
});

test("changing the handle to one another member has is refused", async ({ page, makeUser, signIn, db }) => {
  const user = await makeUser();
  const other = await makeUser();
  await signIn(page, user);
  await page.goto("/settings");

  const form = page.getByRole("form", { name: "Profile" });
  await form.getByLabel("Handle").fill(other.handle);
  await form.getByRole("button", { name: "Save changes" }).click();

  await expect(form.getByRole("alert")).toHaveText("That handle is taken.");
  await expect(form.getByLabel("Handle")).toHaveAttribute("aria-invalid", "true");
  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { handle: true } });
  expect(stored.handle).toBe(user.handle);
});

test("a member changes their name and headline and their profile shows them", async ({
  page,
  makeUser,
  signIn,
}) => {
  const user = await makeUser();
  const newName = `Grace Hopper ${Date.now().toString(36)}`;
  const newHeadline = "Compiler pioneer · rear admiral";
  await signIn(page, user);

  // Reading one's profile first means a cached copy of it exists when the change is saved.
  await page.goto(`/members/${user.handle}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(user.name);

  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Profile" });
  await expect(form.getByLabel("Handle")).toHaveValue(user.handle);
  await form.getByLabel("Name").fill(newName);
  await form.getByLabel("Headline").fill(newHeadline);
  await form.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByText("Profile saved")).toBeVisible();
  await expect(accountMenu(page)).toHaveAccessibleName(`Account menu for ${newName}`);

  await page.goto(`/members/${user.handle}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(newName);
  await expect(page.getByRole("main").getByText(newHeadline, { exact: true })).toBeVisible();
});
