import { describe, expect, it } from "vitest";
import { escapeHtml, markdownAsParagraphs, renderFeed, xmlSafe, type FeedDocument } from "./feed-xml";
import { feedPaths } from "./feeds";

const ORIGIN = new URL("https://roundtable.example");

function document(overrides: Partial<FeedDocument> = {}): FeedDocument {
  return {
    title: "Careers · Roundtable",
    description: "Articles about careers.",
    link: "/domains/careers",
    self: (format) => feedPaths.domain("careers", format),
    updated: "2026-03-01T10:00:00.000Z",
    entries: [
      {
        id: "tag:roundtable.example,2026:insight/abc",
        title: "Ann on “Growth”",
        link: "/articles/growth#section-1",
        summary: "First paragraph.",
        updated: "2026-03-01T10:00:00.000Z",
        published: "2026-02-28T09:00:00.000Z",
        author: { name: "Ann", link: "/members/ann" },
        category: { name: "Careers", slug: "careers" },
      },
    ],
    ...overrides,
  };
}

describe("escaping", () => {
  it("escapes HTML and drops characters XML cannot carry", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
    );
    expect(xmlSafe("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\tg\nh")).toBe("abcdef\tg\nh");
    // A lone surrogate is not a character; a pair is.
    expect(xmlSafe("x\uD800y😀")).toBe("xy😀");
  });

  it("turns Markdown into paragraphs of escaped plain text, no member markup surviving", () => {
    expect(
      markdownAsParagraphs(
        "Hello **world** <script>alert(1)</script>\n\n- [a link](https://e.example) & more",
      ),
    ).toBe("<p>Hello world alert(1)</p><p>a link &amp; more</p>");
  });
});

describe("renderFeed", () => {
  it("writes RSS 2.0 with absolute links, a self link and no member e-mail field", () => {
    const xml = renderFeed(document(), "rss", ORIGIN);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<rss version="2.0"/);
    expect(xml).toContain("<link>https://roundtable.example/domains/careers</link>");
    expect(xml).toContain(
      '<atom:link href="https://roundtable.example/feeds/domains/careers.rss" rel="self" type="application/rss+xml"/>',
    );
    expect(xml).toContain("<link>https://roundtable.example/articles/growth#section-1</link>");
    expect(xml).toContain('<guid isPermaLink="false">tag:roundtable.example,2026:insight/abc</guid>');
    expect(xml).toContain("<pubDate>Sat, 28 Feb 2026 09:00:00 GMT</pubDate>");
    expect(xml).toContain("<category>Careers</category>");
    expect(xml).not.toContain("<author>");
  });

  it("writes Atom 1.0 with an author per entry and one for the feed", () => {
    const xml = renderFeed(document(), "atom", ORIGIN);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('<link rel="self" href="https://roundtable.example/feeds/domains/careers.atom"/>');
    expect(xml).toContain("<updated>2026-03-01T10:00:00.000Z</updated>");
    expect(xml).toContain("<published>2026-02-28T09:00:00.000Z</published>");
    expect(xml).toMatch(
      /<author>\s*<name>Ann<\/name>\s*<uri>https:\/\/roundtable.example\/members\/ann<\/uri>\s*<\/author>/,
    );
    expect(xml).toContain('<category label="Careers" term="careers"/>');
  });

  it.each(["rss", "atom"] as const)("keeps hostile member text inert in %s", (format) => {
    const hostile = `<script>alert(1)</script> ]]> <img src=x onerror=alert(2)> & \u0007`;
    const xml = renderFeed(
      document({
        title: `Domain ${hostile}`,
        entries: [
          {
            ...document().entries[0]!,
            title: hostile,
            summary: `**Bold** ${hostile}`,
            summaryFormat: "markdown",
            author: { name: hostile, link: "/members/ann" },
            category: { name: `Dev "${hostile}"`, slug: "dev" },
          },
        ],
      }),
      format,
      ORIGIN,
    );
    expect(xml).not.toMatch(/<script|<img/i);
    expect(xml).not.toContain("\u0007");
    // The text's own "]]>" never closes a CDATA section early: outside CDATA sections and attribute
    // values (where XML allows it) no "]]>" is left.
    const markup = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "").replace(/="[^"]*"/g, "");
    expect(markup).not.toContain("]]>");
    expect(markup).not.toContain("CDATA");
  });

  it("is a feed without entries when nothing is published yet", () => {
    const xml = renderFeed(document({ entries: [] }), "atom", ORIGIN);
    expect(xml).not.toContain("<entry>");
    expect(xml).toContain("<title>Careers · Roundtable</title>");
  });
});
