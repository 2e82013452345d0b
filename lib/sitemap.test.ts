import { describe, expect, it } from "vitest";
import {
  chunkCount,
  chunkIdOfFile,
  parseSitemapChunkId,
  renderSitemapIndex,
  renderUrlset,
  sitemapChunkId,
  sitemapChunkPath,
} from "./sitemap";

describe("sitemap chunks", () => {
  it("names each chunk by its kind and index, and reads the name back", () => {
    expect(sitemapChunkId({ kind: "articles", index: 3 })).toBe("articles-3");
    expect(parseSitemapChunkId("articles-3")).toEqual({ kind: "articles", index: 3 });
    expect(parseSitemapChunkId("pages-0")).toEqual({ kind: "pages", index: 0 });
    expect(parseSitemapChunkId("members-12")).toEqual({ kind: "members", index: 12 });
    expect(sitemapChunkPath("members-12")).toBe("/sitemap/members-12.xml");
  });

  it("finds the chunk in a file name", () => {
    expect(chunkIdOfFile("articles-0.xml")).toBe("articles-0");
    expect(chunkIdOfFile("articles-0")).toBeNull();
    expect(chunkIdOfFile("drafts-0.xml")).toBeNull();
    expect(chunkIdOfFile("articles-0.xml.xml")).toBeNull();
  });

  it("refuses names of no chunk", () => {
    for (const id of [
      "drafts-0",
      "articles",
      "articles-",
      "articles-01",
      "articles--1",
      "articles-1.5",
      "",
    ]) {
      expect(parseSitemapChunkId(id)).toBeNull();
    }
  });

  it("needs one chunk per started 50,000 URLs and none for none", () => {
    expect(chunkCount(0, 50_000)).toBe(0);
    expect(chunkCount(1, 50_000)).toBe(1);
    expect(chunkCount(50_000, 50_000)).toBe(1);
    expect(chunkCount(50_001, 50_000)).toBe(2);
  });

  it("writes an index of absolute, escaped URLs", () => {
    const xml = renderSitemapIndex([
      "https://roundtable.example/sitemap/pages-0.xml",
      "https://roundtable.example/sitemap/x.xml?a=1&b=2",
    ]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        "<sitemap>\n<loc>https://roundtable.example/sitemap/pages-0.xml</loc>\n</sitemap>\n" +
        "<sitemap>\n<loc>https://roundtable.example/sitemap/x.xml?a=1&amp;b=2</loc>\n</sitemap>\n" +
        "</sitemapindex>\n",
    );
  });

  it("writes a chunk of absolute, escaped URLs with their dates when known", () => {
    expect(
      renderUrlset([
        { url: "https://roundtable.example/", lastModified: "2026-03-01T10:00:00.000Z" },
        { url: "https://roundtable.example/search?q=a&b", lastModified: null },
      ]),
    ).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        "<url>\n<loc>https://roundtable.example/</loc>\n<lastmod>2026-03-01T10:00:00.000Z</lastmod>\n</url>\n" +
        "<url>\n<loc>https://roundtable.example/search?q=a&amp;b</loc>\n</url>\n" +
        "</urlset>\n",
    );
  });
});
