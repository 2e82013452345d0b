// Shared by the moderation journeys: a domain and article of their own (so the queue can be filtered to
// just this test's items), insights held for review, and pages signed in as another member.
import type { Browser, Locator, Page } from "@playwright/test";
import type { Database } from "../prisma/client";
import { createArticle, createDomain, createInsight, distinctInsightText } from "../prisma/factories";
import { revealingGoto, type TestUser } from "./fixtures";

/**
 * A text of 125–750 characters unlike any other test's, so the near-duplicate check never flags it as a
 * copy (each journey decides on its own what should be held).
 */
export function insightText(topic: string): string {
  return distinctInsightText(topic);
}

/** A fresh domain with one published article of two sections. */
export async function moderationScene(db: Database) {
  const domain = await createDomain(db);
  const article = await createArticle(db, { domainId: domain.id });
  const [first, second] = article.sections as [
    (typeof article.sections)[number],
    (typeof article.sections)[number],
  ];
  return {
    domain,
    article,
    sections: [first, second] as const,
    path: `/articles/${article.slug}`,
    queuePath: `/moderation?domain=${domain.slug}`,
  };
}

/** An insight awaiting review, in the queue since `minutesAgo`. */
export async function heldInsight(
  db: Database,
  input: { sectionId: string; authorId: string; body: string; minutesAgo: number },
) {
  const at = new Date(Date.now() - input.minutesAgo * 60_000);
  const insight = await createInsight(db, {
    sectionId: input.sectionId,
    authorId: input.authorId,
    body: input.body,
    status: "PENDING",
    createdAt: at,
  });
  await db.insight.update({ where: { id: insight.id }, data: { queuedAt: at } });
  return insight;
}

/** A page in a browser context of its own, signed in as `user`. */
export async function pageSignedInAs(
  browser: Browser,
  baseURL: string | undefined,
  signIn: (page: Page, user: TestUser) => Promise<void>,
  user: TestUser,
): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = revealingGoto(await context.newPage());
  await signIn(page, user);
  return page;
}

/** An anonymous reader's page. */
export async function anonymousPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return revealingGoto(await context.newPage());
}

/** A queue item, named after the insight's author. */
export function queueItem(page: Page, authorName: string): Locator {
  return page.getByRole("list", { name: "Review queue" }).getByRole("article", {
    name: new RegExp(`^Insight by ${authorName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} `),
  });
}

/** A section of an article, as a landmark named by its heading. */
export function sectionRegion(page: Page, title: string): Locator {
  return page.getByRole("region", { name: title, exact: true });
}
