// The `test` every end-to-end spec uses: a database client for making data, a user factory, and sign-in
// through the real form. Specs never share users: each test makes its own through `makeUser`.
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { createPrismaClient, type Database } from "../prisma/client";
import { createUser, type UserOverrides } from "../prisma/factories";

export { expect };

export type TestUser = { id: string; email: string; password: string; handle: string; name: string };

type TestFixtures = {
  makeUser: (overrides?: UserOverrides) => Promise<TestUser>;
  signIn: (page: Page, user: Pick<TestUser, "email" | "password" | "name">) => Promise<void>;
};
type WorkerFixtures = { db: Database };

/** The header's account menu button, shown once the viewer is known to be signed in. */
export function accountMenu(page: Page): Locator {
  return page.getByRole("banner").getByRole("button", { name: /^Account menu for / });
}

/**
 * The header's "Sign in" link. It replaces the loading placeholder only after the page has hydrated and
 * asked /api/viewer who is reading, so waiting for it also means the page's forms are interactive.
 */
export function headerSignInLink(page: Page): Locator {
  return page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true });
}

/** Fills and submits the sign-in form on the current page (which must be /sign-in). */
export async function submitSignInForm(page: Page, credentials: { email: string; password: string }) {
  await expect(headerSignInLink(page)).toBeVisible();
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("Email").fill(credentials.email);
  await form.getByLabel("Password").fill(credentials.password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Waits until React has revealed every streamed Suspense boundary. A page with a loading state (search,
 * notifications) arrives in two parts: until React swaps the streamed part in (it batches reveals, so this
 * can come after the load event), a hidden copy of it sits at the end of the body, and a text search would
 * find both.
 */
export async function untilRevealed(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('div[hidden][id^="S:"]'));
}

/** A page whose `goto` returns once the page's streamed parts are revealed (see untilRevealed). */
export function revealingGoto(page: Page): Page {
  const goto = page.goto.bind(page);
  page.goto = async (...args: Parameters<Page["goto"]>) => {
    const response = await goto(...args);
    await untilRevealed(page);
    return response;
  };
  return page;
}

let emailCounter = 0;

/** An address no other test (or earlier run against the same database) uses. */
export function uniqueEmail(prefix = "e2e"): string {
  emailCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${emailCounter}@example.test`;
}

// Fixture callbacks are named `provide`, not Playwright's usual `use`, which React's lint rules take for a hook.
export const test = base.extend<TestFixtures, WorkerFixtures>({
  db: [
    async ({}, provide) => {
      const databaseUrl = process.env.DATABASE_URL;
      if (!databaseUrl)
        throw new Error("DATABASE_URL is not set: run the end-to-end tests with `npm run test:e2e`.");
      const db = createPrismaClient(databaseUrl, { max: 2 });
      await provide(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],

  page: async ({ page }, provide) => {
    await provide(revealingGoto(page));
  },

  makeUser: async ({ db }, provide) => {
    await provide(async (overrides = {}) => {
      const user = await createUser(db, { email: uniqueEmail("member"), ...overrides });
      return {
        id: user.id,
        email: user.email,
        password: user.password,
        handle: user.handle,
        name: user.name,
      };
    });
  },

  signIn: async ({}, provide) => {
    await provide(async (page, user) => {
      await page.goto("/sign-in");
      await submitSignInForm(page, user);
      await expect(accountMenu(page)).toHaveAccessibleName(`Account menu for ${user.name}`);
    });
  },
});
