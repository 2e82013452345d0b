// Badges as readers meet them: the badge list, a badge's holders, a member's profile, the chip next to an
// author's name on an insight, and the signed-in member's own badges in the account menu. The member's
// grant is made directly (as the granting job would), on articles of this spec's own, and is deserved
// (insights on three articles), so a badge pass running meanwhile keeps it.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createArticle, createInsight } from "../prisma/factories";
import { accountMenu, expect, headerSignInLink, test } from "./fixtures";

test.describe.configure({ timeout: 60_000 });

/** WCAG 2.1 A/AA violations on the current page, once the header has settled. */
async function expectNoAxeViolations(page: Page) {
  await expect(headerSignInLink(page).or(accountMenu(page))).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    results.violations.map((violation) => ({
      rule: violation.id,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    })),
  ).toEqual([]);
}

test("a Contributor · Bronze member shows on /badges, on the badge's holders, on their profile and on their insight", async ({
  page,
  db,
  makeUser,
  signIn,
}) => {
  const suffix = Date.now().toString(36);
  const member = await makeUser({ name: `Bea Bronze ${suffix}` });
  const articles = [];
  for (const topic of ["Mentoring", "Code review", "Estimates"]) {
    articles.push(
      await createArticle(db, {
        title: `${topic} habits ${suffix}`,
        sections: [{ title: "What worked for you", body: "Tell us what you tried and what happened." }],
      }),
    );
  }
  for (const article of articles) {
    await createInsight(db, { sectionId: article.sections[0]!.id, authorId: member.id });
  }
  const grant = await db.userBadge.create({
    data: { userId: member.id, badgeSlug: "contributor-bronze" },
    select: { grantedAt: true },
  });
  const earned = grant.grantedAt.toISOString();

  // The list: the Contributor family with its three tiers, each with how to earn it and its holder count.
  // /badges is prerendered at build time and refreshed when the granting job revalidates `badges`, so its
  // counts date from the build here; the holders page below renders on first visit and counts this member.
  await page.goto("/badges");
  await expect(page.getByRole("heading", { level: 1, name: "Badges" })).toBeVisible();
  const contributor = page.getByRole("region", { name: "Contributor", exact: true });
  for (const [tier, articleCount] of [
    ["Bronze", 3],
    ["Silver", 10],
    ["Gold", 25],
  ] as const) {
    const row = contributor.getByRole("listitem").filter({
      has: page.getByRole("link", { name: `Contributor · ${tier}`, exact: true }),
    });
    await expect(row).toContainText(`Published insights on ${articleCount} or more different articles`);
    await expect(
      row.getByRole("link", { name: /^(Held by \d+ members?|No one holds it yet)$/ }),
    ).toBeVisible();
  }
  await expectNoAxeViolations(page);

  // The badge's holders: the member, linking to their profile, with when they earned it.
  await contributor.getByRole("link", { name: "Contributor · Bronze", exact: true }).click();
  await expect(page).toHaveURL(/\/badges\/contributor-bronze$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contributor · Bronze");
  const count = await page.getByText(/^\d+ members?, most recently earned first\.$/).textContent();
  expect(Number(/\d+/.exec(count ?? "")?.[0])).toBeGreaterThanOrEqual(1);
  const holderRow = page
    .getByRole("region", { name: "Who holds it" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: member.name, exact: true }) });
  await expect(holderRow.getByRole("link", { name: member.name })).toHaveAttribute(
    "href",
    `/members/${member.handle}`,
  );
  await expect(holderRow.locator("time")).toHaveAttribute("datetime", earned);
  await expectNoAxeViolations(page);

  // The profile: the badge with its date, the counts, and the way to Silver in the third person.
  await holderRow.getByRole("link", { name: member.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(member.name);
  const badges = page.getByRole("region", { name: "Badges" });
  const held = badges.getByRole("listitem").filter({
    has: page.getByRole("link", { name: "Contributor · Bronze", exact: true }),
  });
  await expect(held).toContainText("Earned");
  await expect(held.locator("time")).toHaveAttribute("datetime", earned);
  await expect(badges.getByText("3 of 10 articles toward Silver")).toBeVisible();
  await expect(page.getByRole("main").getByText("articles contributed to")).toBeVisible();
  const insights = page.getByRole("region", { name: "Insights" });
  for (const article of articles) {
    await expect(insights.getByRole("heading", { level: 3, name: article.title })).toBeVisible();
  }
  await expectNoAxeViolations(page);

  // The insight on an article: "Contributor · Bronze" next to the author's name.
  await page.goto(`/articles/${articles[0]!.slug}`);
  const card = page.getByRole("article", { name: `Insight by ${member.name}`, exact: true });
  await expect(card.getByRole("list", { name: `Badges of ${member.name}` })).toHaveText(
    "Contributor · Bronze",
  );
  await expectNoAxeViolations(page);

  // Signed in, the member finds the badge in the account menu.
  await signIn(page, member);
  await accountMenu(page).click();
  const yours = page.getByRole("group", { name: "Your badges" });
  await expect(yours.getByRole("menuitem", { name: "Contributor · Bronze" })).toBeVisible();
});
