// Domain leaderboards as readers and members meet them: from the domain page to its leaderboard, switching
// between 7 days, 30 days and all time; and a member keeping themselves off leaderboards in settings. Each
// test makes its own domain, so its leaderboard holds only the members the test put there.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { Database } from "../prisma/client";
import { createArticle, createDomain, createInsight, createUser } from "../prisma/factories";
import { accountMenu, expect, headerSignInLink, test, type TestUser } from "./fixtures";

test.describe.configure({ timeout: 60_000 });

const DAY_MS = 86_400_000;

/** An insight by `author` in `sectionId`, published `daysAgo` days ago and Liked by `likes` new members. */
async function likedInsight(
  db: Database,
  options: { sectionId: string; author: { id: string }; daysAgo: number; likes: number },
) {
  const insight = await createInsight(db, {
    sectionId: options.sectionId,
    authorId: options.author.id,
    createdAt: new Date(Date.now() - options.daysAgo * DAY_MS),
  });
  const reactors = await Promise.all(Array.from({ length: options.likes }, () => createUser(db)));
  await db.reaction.createMany({
    data: reactors.map((reactor) => ({ insightId: insight.id, userId: reactor.id, kind: "LIKE" as const })),
  });
}

function leaderboardRows(page: Page) {
  return page
    .getByRole("table", { name: /leaderboard/ })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader") });
}

/** The leaderboard as readers see it, one "rank name @handle score insights" line per row. */
async function standings(page: Page): Promise<string[]> {
  const rows = await leaderboardRows(page).all();
  return Promise.all(
    rows.map(async (row) => {
      const [rank, score, insights] = await row.getByRole("cell").allTextContents();
      const member = row.getByRole("rowheader");
      const name = await member.getByRole("link").textContent();
      const handle = await member.getByText(/^@/).textContent();
      return `${rank} ${name} ${handle} ${score} ${insights}`;
    }),
  );
}

const line = (rank: number, member: TestUser, score: number, insights = 1) =>
  `${rank} ${member.name} @${member.handle} ${score} ${insights}`;

test("a reader opens a domain's leaderboard from the domain page and switches between periods", async ({
  page,
  db,
  makeUser,
}) => {
  const suffix = Date.now().toString(36);
  const domain = await createDomain(db, { name: `Leaderboard Lane ${suffix}` });
  const article = await createArticle(db, { domainId: domain.id, title: `Ranking habits ${suffix}` });
  const sectionId = article.sections[0]!.id;
  const recent = await makeUser({ name: `Rita Recent ${suffix}` });
  const tenDays = await makeUser({ name: `Theo Tendays ${suffix}` });
  const veteran = await makeUser({ name: `Vera Veteran ${suffix}` });
  await likedInsight(db, { sectionId, author: recent, daysAgo: 2, likes: 2 });
  await likedInsight(db, { sectionId, author: tenDays, daysAgo: 10, likes: 3 });
  await likedInsight(db, { sectionId, author: veteran, daysAgo: 60, likes: 5 });

  await page.goto(`/domains/${domain.slug}`);
  const topContributors = page.getByRole("region", { name: "Top contributors" });
  await expect(topContributors).toContainText("at most 6 points from any one reacting member");
  await topContributors.getByRole("link", { name: `See the ${domain.name} leaderboard` }).click();

  // 30 days by default: the insight from 10 days ago counts, the one from 60 days ago does not.
  await expect(page).toHaveURL(new RegExp(`/domains/${domain.slug}/leaderboard$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${domain.name} leaderboard`);
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("listitem")).toHaveText([
    "Home",
    domain.name,
    "Leaderboard",
  ]);
  const periods = page.getByRole("navigation", { name: "Period" });
  await expect(periods.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");
  await expect.poll(() => standings(page)).toEqual([line(1, tenDays, 3), line(2, recent, 2)]);
  await expect(page.getByRole("main")).toContainText("Unhelpful counting against");

  await periods.getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(new RegExp(`/domains/${domain.slug}/leaderboard/7d$`));
  await expect(periods.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");
  await expect.poll(() => standings(page)).toEqual([line(1, recent, 2)]);

  await periods.getByRole("link", { name: "All time" }).click();
  await expect(page).toHaveURL(new RegExp(`/domains/${domain.slug}/leaderboard/all$`));
  await expect
    .poll(() => standings(page))
    .toEqual([line(1, veteran, 5), line(2, tenDays, 3), line(3, recent, 2)]);
  await expect(headerSignInLink(page)).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);

  // A member's name leads to their profile.
  await leaderboardRows(page).getByRole("link", { name: veteran.name }).click();
  await expect(page).toHaveURL(new RegExp(`/members/${veteran.handle}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(veteran.name);
});

test("a period with nobody on it says so, and an unknown period is not found", async ({ page, db }) => {
  const domain = await createDomain(db);
  await page.goto(`/domains/${domain.slug}/leaderboard/7d`);
  await expect(page.getByText("No one on this board yet")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);

  const response = await page.goto(`/domains/${domain.slug}/leaderboard/90d`);
  expect(response?.status()).toBe(404);
});

test("a member who keeps themselves off leaderboards in settings no longer appears on one", async ({
  page,
  db,
  makeUser,
  signIn,
}) => {
  const suffix = Date.now().toString(36);
  const domain = await createDomain(db, { name: `Opt-out Avenue ${suffix}` });
  const article = await createArticle(db, { domainId: domain.id });
  const sectionId = article.sections[0]!.id;
  const member = await makeUser({ name: `Quinn Quiet ${suffix}` });
  const other = await makeUser({ name: `Otto Open ${suffix}` });
  await likedInsight(db, { sectionId, author: member, daysAgo: 1, likes: 3 });
  await likedInsight(db, { sectionId, author: other, daysAgo: 1, likes: 1 });
  const leaderboard = `/domains/${domain.slug}/leaderboard`;

  // Rendered and cached before the change: saving the setting must refresh it.
  await page.goto(leaderboard);
  await expect.poll(() => standings(page)).toEqual([line(1, member, 3), line(2, other, 1)]);

  await signIn(page, member);
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Profile" });
  const showMe = form.getByRole("checkbox", { name: "Show me on leaderboards" });
  await expect(showMe).toBeChecked();
  await showMe.uncheck();
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Profile saved")).toBeVisible();
  await expect(accountMenu(page)).toBeVisible();
  const stored = await db.user.findUniqueOrThrow({
    where: { id: member.id },
    select: { leaderboardOptOut: true },
  });
  expect(stored.leaderboardOptOut).toBe(true);

  await page.goto(leaderboard);
  await expect.poll(() => standings(page)).toEqual([line(1, other, 1)]);
  await expect(page.getByRole("link", { name: member.name })).toHaveCount(0);

  await page.goto("/settings");
  await expect(form.getByRole("checkbox", { name: "Show me on leaderboards" })).not.toBeChecked();
});
