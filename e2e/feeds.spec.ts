// A feed reader and a crawler follow Roundtable: an article published in a child domain shows in the
// all-articles feed, in its parent domain's feed and in the sitemap; an insight on it shows in the
// article's insights feed; drafts show nowhere; robots.txt points at the sitemap. Every document is parsed
// by the browser's XML parser, which refuses anything that is not well-formed.
import type { APIRequestContext, Page } from "@playwright/test";
import { RECORD_TAG_EXPIRATIONS_SQL, recordTagExpirationsParams } from "../lib/next-cache/tag-bus.mjs";
import type { Database } from "../prisma/client";
import { createArticle, createDomain, createInsight, createUser } from "../prisma/factories";
import { expect, test } from "./fixtures";

type XmlSummary = {
  error: string | null;
  root: string;
  namespace: string | null;
  /** RSS items or Atom entries; titles and summaries decoded from the HTML they carry */
  items: { title: string; link: string; summary: string; author: string | null }[];
  /** <loc> of a sitemap or sitemap index */
  locs: string[];
};

/** Parses `xml` with the browser's DOMParser and sums up what a feed reader or crawler would read. */
async function readXml(page: Page, xml: string): Promise<XmlSummary> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    const error = doc.getElementsByTagName("parsererror")[0]?.textContent ?? null;
    const root = doc.documentElement;
    const html = (text: string) => new DOMParser().parseFromString(text, "text/html").body.textContent ?? "";
    const itemName = root.localName === "feed" ? "entry" : "item";
    const items = Array.from(root.getElementsByTagNameNS("*", itemName), (item) => {
      const child = (name: string) => item.getElementsByTagNameNS("*", name)[0];
      const link = child("link");
      return {
        title: html(child("title")?.textContent ?? ""),
        link: link?.getAttribute("href") ?? link?.textContent ?? "",
        summary: html((child("description") ?? child("summary"))?.textContent ?? ""),
        author: child("author")?.getElementsByTagNameNS("*", "name")[0]?.textContent ?? null,
      };
    });
    const locs = Array.from(root.getElementsByTagNameNS("*", "loc"), (loc) => loc.textContent ?? "");
    return { error, root: root.localName, namespace: root.namespaceURI, items, locs };
  }, xml);
}

const FEED_TYPES = {
  rss: { contentType: "application/rss+xml; charset=utf-8", root: "rss", namespace: null },
  atom: {
    contentType: "application/atom+xml; charset=utf-8",
    root: "feed",
    namespace: "http://www.w3.org/2005/Atom",
  },
} as const;

async function fetchFeed(request: APIRequestContext, page: Page, path: string, format: "rss" | "atom") {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"]).toBe(FEED_TYPES[format].contentType);
  const feed = await readXml(page, await response.text());
  expect(feed.error, path).toBeNull();
  expect(feed.root).toBe(FEED_TYPES[format].root);
  expect(feed.namespace).toBe(FEED_TYPES[format].namespace);
  return feed;
}

async function fetchSitemap(request: APIRequestContext, page: Page, url: string) {
  const response = await request.get(new URL(url).pathname);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/xml/);
  const sitemap = await readXml(page, await response.text());
  expect(sitemap.error, url).toBeNull();
  expect(sitemap.namespace).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
  return sitemap;
}

/**
 * What publishing an article does to the cache: the lists of articles (home, domains, feeds, sitemap) are
 * expired. The factories write to the database directly, so the test records the expiration the way
 * background jobs do (lib/data/cache-expirations.ts): a row and a NOTIFY the server's cache handler hears.
 */
async function expire(db: Database, tags: string[]) {
  await db.$executeRawUnsafe(RECORD_TAG_EXPIRATIONS_SQL, ...recordTagExpirationsParams(tags, undefined, ""));
}

test("a new article shows in the feeds and the sitemap, and its insights have a feed of their own", async ({
  page,
  request,
  db,
  baseURL,
}) => {
  const suffix = Date.now().toString(36);
  const parent = await createDomain(db, { name: `Feeds parent ${suffix}` });
  const domain = await createDomain(db, { name: `Feeds & friends ${suffix}`, parentId: parent.id });
  // Markup-like characters in the title must reach the reader as text.
  const title = `Reading <feeds> & newsletters ${suffix}`;
  const article = await createArticle(db, {
    domainId: domain.id,
    title,
    sections: [{ title: "What you subscribe to", body: "Which feeds do you read every week?" }],
  });
  const draft = await createArticle(db, { domainId: domain.id, status: "DRAFT", title: `Draft ${suffix}` });
  const author = await createUser(db, { name: `Fey Feeder ${suffix}` });
  const body = `I keep **one** reader open in the morning and skim everything in ten minutes (${suffix}).`;
  await createInsight(db, { sectionId: article.sections[0]!.id, authorId: author.id, body });
  await expire(db, ["articles", "domains"]);

  const absolute = (path: string) => new URL(path, baseURL).toString();
  const articleUrl = absolute(`/articles/${article.slug}`);

  for (const format of ["rss", "atom"] as const) {
    const all = await fetchFeed(request, page, `/feeds/articles.${format}`, format);
    expect(all.items).toContainEqual(
      expect.objectContaining({ title, link: articleUrl, summary: "A test article." }),
    );
    expect(all.items.map((item) => item.title)).not.toContain(`Draft ${suffix}`);

    // The parent domain's feed carries its child domain's article.
    const parentFeed = await fetchFeed(request, page, `/feeds/domains/${parent.slug}.${format}`, format);
    expect(parentFeed.items.map((item) => item.link)).toEqual([articleUrl]);

    const insights = await fetchFeed(request, page, `/feeds/insights/${article.slug}.${format}`, format);
    expect(insights.items).toEqual([
      {
        title: `${author.name} on “What you subscribe to”`,
        link: `${articleUrl}#section-1`,
        summary: `I keep one reader open in the morning and skim everything in ten minutes (${suffix}).`,
        // RSS's author field is an e-mail address, which members never share: the name is in the title.
        author: format === "atom" ? author.name : null,
      },
    ]);
  }

  // Unknown domains and unpublished articles have no feed.
  expect((await request.get(`/feeds/domains/no-such-domain-${suffix}.rss`)).status()).toBe(404);
  expect((await request.get(`/feeds/insights/${draft.slug}.atom`)).status()).toBe(404);

  // robots.txt names the sitemap index, which names the chunks, which list the article and its domains.
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const robotsText = await robots.text();
  expect(robotsText).toContain(`Sitemap: ${absolute("/sitemap.xml")}`);
  expect(robotsText).toMatch(/^Disallow: \/api\/$/m);
  const index = await fetchSitemap(request, page, absolute("/sitemap.xml"));
  expect(index.root).toBe("sitemapindex");
  expect(index.locs.length).toBeGreaterThan(0);
  const listed: string[] = [];
  for (const chunk of index.locs) {
    const sitemap = await fetchSitemap(request, page, chunk);
    expect(sitemap.root).toBe("urlset");
    listed.push(...sitemap.locs);
  }
  expect(listed).toEqual(
    expect.arrayContaining([
      absolute("/"),
      articleUrl,
      absolute(`/domains/${domain.slug}`),
      absolute(`/domains/${parent.slug}`),
      absolute(`/members/${author.handle}`),
    ]),
  );
  expect(listed).not.toContain(absolute(`/articles/${draft.slug}`));

  // Pages announce their feeds to browsers and readers, and the footer links the main one.
  await page.goto(`/articles/${article.slug}`);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    "href",
    absolute(`/feeds/insights/${article.slug}.rss`),
  );
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    absolute(`/feeds/insights/${article.slug}.atom`),
  );
  await page.goto(`/domains/${parent.slug}`);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    "href",
    absolute(`/feeds/domains/${parent.slug}.rss`),
  );
  const footerFeed = page.getByRole("contentinfo").getByRole("link", { name: "RSS feed" });
  await expect(footerFeed).toHaveAttribute("href", "/feeds/articles.rss");
});
