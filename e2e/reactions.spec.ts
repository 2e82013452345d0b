// Reacting to insights, ordering a section's insights and "Like this article?", on an article of its own per
// test (made through the factories), so that reactions and answers never disturb another spec.
import type { Locator, Page } from "@playwright/test";
import type { Database } from "../prisma/client";
import { createArticle, createInsight } from "../prisma/factories";
import { expect, headerSignInLink, test, type TestUser } from "./fixtures";

// Every test makes nine members and an article first: room for that on a loaded machine.
test.describe.configure({ timeout: 60_000 });

const SECTION_TITLE = "Sharing what you learned";
const HOUR = 60 * 60 * 1000;

// Five authors, by how long ago their insight was published. The earliest has 3 Helpful reactions (a score
// of 6), so "Top" lists it first and the others by their fading head start: newest first.
const AUTHORS = [
  { name: "Alma Early", hoursAgo: 50 },
  { name: "Bea Second", hoursAgo: 40 },
  { name: "Cy Third", hoursAgo: 30 },
  { name: "Dee Fourth", hoursAgo: 20 },
  { name: "Eli Latest", hoursAgo: 10 },
] as const;
type AuthorName = (typeof AUTHORS)[number]["name"];
const TOP_ORDER: AuthorName[] = ["Alma Early", "Eli Latest", "Dee Fourth", "Cy Third", "Bea Second"];
const NEWEST_ORDER: AuthorName[] = ["Eli Latest", "Dee Fourth", "Cy Third", "Bea Second", "Alma Early"];

type MakeUser = (overrides?: { name?: string }) => Promise<TestUser>;

/** A published article in a new domain whose one section has the five insights above. */
async function articleWithInsights(db: Database, makeUser: MakeUser) {
  const article = await createArticle(db, {
    sections: [{ title: SECTION_TITLE, body: "What you tried, what happened, what you would change." }],
  });
  const sectionId = article.sections[0]!.id;
  const authors = {} as Record<AuthorName, TestUser & { insightId: string }>;
  for (const { name, hoursAgo } of AUTHORS) {
    const author = await makeUser({ name });
    const insight = await createInsight(db, {
      sectionId,
      authorId: author.id,
      createdAt: new Date(Date.now() - hoursAgo * HOUR),
    });
    authors[name] = { ...author, insightId: insight.id };
  }
  const popular = authors["Alma Early"].insightId;
  for (let i = 0; i < 3; i++) {
    const reactor = await makeUser();
    await db.reaction.create({ data: { insightId: popular, userId: reactor.id, kind: "HELPFUL" } });
  }
  await db.insight.update({ where: { id: popular }, data: { helpfulCount: 3 } });
  return { path: `/articles/${article.slug}`, articleId: article.id, authors };
}

function section(page: Page): Locator {
  return page.getByRole("region", { name: SECTION_TITLE, exact: true });
}

function insightCards(page: Page): Locator {
  return section(page).getByRole("article", { name: /^Insight by / });
}

function insightCard(page: Page, author: AuthorName): Locator {
  return section(page).getByRole("article", { name: `Insight by ${author}`, exact: true });
}

/** A reaction button on a card, whatever its count. */
function reaction(card: Locator, label: string): Locator {
  return card.getByRole("button", { name: new RegExp(`^${label}: \\d+$`) });
}

/** The section's insight cards, top to bottom, are the given authors'. */
async function expectCardOrder(page: Page, authors: AuthorName[]) {
  await expect
    .poll(() =>
      insightCards(page).evaluateAll((cards) => cards.map((card) => card.getAttribute("aria-label"))),
    )
    .toEqual(authors.map((author) => `Insight by ${author}`));
}

test("a member reacts at once, changes and removes the reaction, and it is all there after a reload", async ({
  page,
  db,
  makeUser,
  signIn,
}) => {
  const { path, authors } = await articleWithInsights(db, makeUser);
  const reader = await makeUser();
  await signIn(page, reader);
  await page.goto(path);

  const card = insightCard(page, "Alma Early");
  const insightful = reaction(card, "Insightful");
  const helpful = reaction(card, "Helpful");
  await expect(insightful).toHaveAccessibleName("Insightful: 0");
  await expect(insightful).toHaveAttribute("aria-pressed", "false");
  await expect(helpful).toHaveAccessibleName("Helpful: 3");
  await expect(helpful).toBeEnabled();

  // Hold the save on its way to the server: what the reader sees meanwhile is the optimistic state.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const articlePage = (url: URL) => url.pathname === path;
  await page.route(articlePage, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) await held;
    await route.continue();
  });
  await insightful.click();
  await expect(insightful).toHaveAccessibleName("Insightful: 1");
  await expect(insightful).toHaveAttribute("aria-pressed", "true");
  // No second reaction while the first is being saved.
  await expect(helpful).toBeDisabled();
  expect(await db.reaction.count({ where: { insightId: authors["Alma Early"].insightId } })).toBe(3);
  release();
  await expect(helpful).toBeEnabled();
  await page.unroute(articlePage);
  await expect(insightful).toHaveAccessibleName("Insightful: 1");

  await helpful.click();
  await expect(helpful).toHaveAccessibleName("Helpful: 4");
  await expect(helpful).toHaveAttribute("aria-pressed", "true");
  await expect(insightful).toHaveAccessibleName("Insightful: 0");
  await expect(insightful).toHaveAttribute("aria-pressed", "false");
  await expect(insightful).toBeEnabled();

  await page.reload();
  await expect(helpful).toHaveAttribute("aria-pressed", "true");
  await expect(helpful).toHaveAccessibleName("Helpful: 4");
  await expect(insightful).toHaveAccessibleName("Insightful: 0");
  await expect(insightful).toHaveAttribute("aria-pressed", "false");
  await expect(card.getByRole("button", { pressed: true })).toHaveCount(1);

  // Clicking the chosen reaction again takes it back.
  await helpful.click();
  await expect(helpful).toHaveAccessibleName("Helpful: 3");
  await expect(helpful).toHaveAttribute("aria-pressed", "false");
  await expect(helpful).toBeEnabled();
  await page.reload();
  await expect(helpful).toHaveAccessibleName("Helpful: 3");
  await expect(helpful).toBeEnabled();
  await expect(card.getByRole("button", { pressed: true })).toHaveCount(0);
  expect(
    await db.reaction.count({ where: { insightId: authors["Alma Early"].insightId, userId: reader.id } }),
  ).toBe(0);
});

test("an author cannot react to their own insight and may edit or delete only that one", async ({
  page,
  db,
  makeUser,
  signIn,
}) => {
  const { path, authors } = await articleWithInsights(db, makeUser);
  await signIn(page, authors["Eli Latest"]);
  await page.goto(path);

  const own = insightCard(page, "Eli Latest");
  await expect(own.getByRole("button", { name: "Edit", exact: true })).toBeVisible();
  await expect(own.getByRole("button", { name: "Delete", exact: true })).toBeVisible();
  const ownReactions = own.getByRole("group", { name: "Reactions" }).getByRole("button");
  await expect(ownReactions).toHaveCount(5);
  for (const button of await ownReactions.all()) await expect(button).toBeDisabled();

  const other = insightCard(page, "Alma Early");
  await expect(reaction(other, "Like")).toBeEnabled();
  await expect(other.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(other.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
});

test("a signed-out reader sees insights and counts, and is sent to sign in to react or contribute", async ({
  page,
  db,
  makeUser,
}) => {
  const { path } = await articleWithInsights(db, makeUser);
  await page.goto(path);
  await expect(headerSignInLink(page)).toBeVisible();

  await expectCardOrder(page, TOP_ORDER.slice(0, 3));
  const card = insightCard(page, "Alma Early");
  const helpful = card.getByRole("link", { name: "Helpful: 3. Sign in to react" });
  await expect(helpful).toHaveAttribute("href", `/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await expect(card.getByRole("link", { name: "Insightful: 0. Sign in to react" })).toBeVisible();
  await expect(
    section(page).getByRole("button", { name: /^(Like|Insightful|Helpful|Celebrate|Unhelpful):/ }),
  ).toHaveCount(0);

  await expect(page.getByRole("button", { name: "Post insight" })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Your insight" })).toHaveCount(0);
  await expect(
    section(page).getByRole("link", { name: `Add your insights on “${SECTION_TITLE}”`, exact: true }),
  ).toBeVisible();

  await helpful.click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(page.getByRole("form", { name: "Sign in" })).toBeVisible();
});

test("'Show more insights' loads the rest, and 'Newest' puts the latest first", async ({
  page,
  db,
  makeUser,
}) => {
  const { path } = await articleWithInsights(db, makeUser);
  await page.goto(path);
  await expect(headerSignInLink(page)).toBeVisible();
  await expect(section(page).getByText("5 insights from members")).toBeVisible();

  const order = section(page).getByRole("group", { name: `Order insights on “${SECTION_TITLE}”` });
  const top = order.getByRole("button", { name: "Top", exact: true });
  const newest = order.getByRole("button", { name: "Newest", exact: true });
  await expect(top).toHaveAttribute("aria-pressed", "true");
  await expect(newest).toHaveAttribute("aria-pressed", "false");
  await expectCardOrder(page, TOP_ORDER.slice(0, 3));

  const showMore = section(page).getByRole("button", { name: "Show more insights (2 more)" });
  await showMore.click();
  await expectCardOrder(page, TOP_ORDER);
  await expect(section(page).getByRole("button", { name: /^Show more insights/ })).toHaveCount(0);

  await newest.click();
  await expect(newest).toHaveAttribute("aria-pressed", "true");
  await expect(top).toHaveAttribute("aria-pressed", "false");
  await expectCardOrder(page, NEWEST_ORDER);
  await expect(insightCards(page).first()).toHaveAccessibleName("Insight by Eli Latest");

  await top.click();
  await expect(top).toHaveAttribute("aria-pressed", "true");
  await expectCardOrder(page, TOP_ORDER);
});

test("'Like this article?': No with a reason, then Yes, remembered after a reload", async ({
  page,
  db,
  makeUser,
  signIn,
}) => {
  const { path, articleId } = await articleWithInsights(db, makeUser);
  const reader = await makeUser();
  await signIn(page, reader);
  await page.goto(path);

  const feedback = page.getByRole("region", { name: "Like this article?" });
  const yes = feedback.getByRole("button", { name: "Yes", exact: true });
  const no = feedback.getByRole("button", { name: "No", exact: true });
  const useful = feedback.getByText(/found it useful$/);
  await expect(useful).toHaveText("0 members found it useful");
  await expect(yes).toHaveAttribute("aria-pressed", "false");
  await expect(no).toHaveAttribute("aria-pressed", "false");

  await no.click();
  await expect(no).toHaveAttribute("aria-pressed", "true");
  const reason = feedback.getByRole("textbox", { name: "What could be better? (optional)" });
  await reason.fill("More worked examples, please.");
  await feedback.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("Thanks: the editors will read this.")).toBeVisible();
  await expect(reason).toHaveCount(0);
  await expect(useful).toHaveText("0 members found it useful");
  const answerOf = () =>
    db.articleFeedback.findUnique({
      where: { articleId_userId: { articleId, userId: reader.id } },
      select: { liked: true, reason: true },
    });
  expect(await answerOf()).toEqual({ liked: false, reason: "More worked examples, please." });

  await yes.click();
  await expect(yes).toHaveAttribute("aria-pressed", "true");
  await expect(no).toHaveAttribute("aria-pressed", "false");
  await expect(useful).toHaveText("1 member found it useful");
  await expect(yes).toBeEnabled();
  expect(await answerOf()).toEqual({ liked: true, reason: null });

  await page.reload();
  await expect(yes).toHaveAttribute("aria-pressed", "true");
  await expect(no).toHaveAttribute("aria-pressed", "false");
  await expect(useful).toHaveText("1 member found it useful");
});
