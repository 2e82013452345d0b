// What one page view costs the server: a signed-in reader's idle article page asks for its personal parts
// once, and never prefetches a page that is rendered per request (each such prefetch would run its queries).
import type { Page, Request } from "@playwright/test";
import { accountMenu, expect, test } from "./fixtures";

const ARTICLE_PATH = "/articles/frontend-vs-backend-career-growth";
const DYNAMIC_PAGE = /^\/(search|notifications|settings|following|moderation|admin|sign-in|sign-up)(\/|$)/;
const PERSONAL = /^\/api\/(viewer|me)(\/|$)|^\/api\/(articles|domains)\/[^/]+\/me$/;

/** Every request the page makes to our own origin from now on. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  const origin = new URL(page.url()).origin;
  page.on("request", (request) => {
    if (new URL(request.url()).origin === origin) requests.push(request);
  });
  return requests;
}

const pathOf = (request: Request) => new URL(request.url()).pathname;

/**
 * The requests the page at `path` made: the page that was open before it (here, where sign-in landed) may
 * still be prefetching when the navigation starts, and a full page load starts with an empty router cache.
 */
async function madeFrom(requests: Request[], path: string): Promise<Request[]> {
  const referers = await Promise.all(requests.map((request) => request.headerValue("referer")));
  return requests.filter((_, index) => referers[index] && new URL(referers[index]).pathname === path);
}

/** A prefetch names its page and, with per-segment prefetching, the segment it asks for. */
async function prefetchKey(request: Request): Promise<string | null> {
  const headers = await request.allHeaders();
  if (!headers["next-router-prefetch"]) return null;
  return `${pathOf(request)} ${headers["next-router-segment-prefetch"] ?? ""}`;
}

/** Lets the page sit as a reader would: loaded, then idle while links scroll into view and prefetch. */
async function idle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(3_000);
}

test("an idle signed-in article view makes one personal request and prefetches no dynamic page", async ({
  page,
  makeUser,
  signIn,
}) => {
  const member = await makeUser();
  await signIn(page, member);
  const requests = recordRequests(page);

  await page.goto(ARTICLE_PATH);
  await expect(accountMenu(page)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Follow / })).toBeEnabled();
  await idle(page);

  const fromArticle = await madeFrom(requests, ARTICLE_PATH);
  const personal = fromArticle.filter((request) => PERSONAL.test(pathOf(request)));
  expect(personal.map((request) => new URL(request.url()).pathname)).toEqual(["/api/viewer"]);
  expect(new URL(personal[0]!.url()).searchParams.get("article")).toEqual(expect.any(String));
  expect(requests.map(pathOf).filter((path) => DYNAMIC_PAGE.test(path))).toEqual([]);
  const prefetches = (await Promise.all(fromArticle.map(prefetchKey))).filter((key) => key !== null);
  expect(prefetches).toEqual([...new Set(prefetches)]);

  // Moving on to the article's domain is again one personal request, now about the domain.
  requests.length = 0;
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").last().click();
  await expect(page).toHaveURL(/\/domains\/[a-z0-9-]+$/);
  await expect(page.getByRole("button", { name: /^Follow / })).toBeEnabled();
  await idle(page);
  const onDomain = requests.filter((request) => PERSONAL.test(pathOf(request)));
  expect(onDomain).toHaveLength(1);
  expect(new URL(onDomain[0]!.url()).searchParams.get("domain")).toEqual(expect.any(String));
  expect(requests.map(pathOf).filter((path) => DYNAMIC_PAGE.test(path))).toEqual([]);
});
