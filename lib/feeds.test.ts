import { describe, expect, it } from "vitest";
import { feedAlternates, feedPaths, parseFeedFile } from "./feeds";

describe("parseFeedFile", () => {
  it("reads a slug and a format", () => {
    expect(parseFeedFile("articles.rss")).toEqual({ name: "articles", format: "rss" });
    expect(parseFeedFile("software-development.atom")).toEqual({
      name: "software-development",
      format: "atom",
    });
  });

  it("refuses anything else", () => {
    for (const file of ["articles", "articles.xml", "Articles.rss", "../x.rss", "a..rss", "-a.rss", ".rss"]) {
      expect(parseFeedFile(file)).toBeNull();
    }
  });
});

describe("feedAlternates", () => {
  it("names an RSS and an Atom link for <link rel=alternate>", () => {
    expect(feedAlternates(feedPaths.articles, "Latest")).toEqual({
      "application/rss+xml": [{ url: "/feeds/articles.rss", title: "Latest (RSS)" }],
      "application/atom+xml": [{ url: "/feeds/articles.atom", title: "Latest (Atom)" }],
    });
  });
});
