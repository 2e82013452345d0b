import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { ArticleMarkdown, InsightMarkdown } from "./markdown";
import { extractFaq, plainText } from "@/lib/markdown/faq";

const renderArticle = (source: string) => renderToStaticMarkup(<ArticleMarkdown source={source} />);
const renderInsight = (source: string) => renderToStaticMarkup(<InsightMarkdown source={source} />);
// react-markdown keeps the source's newlines between block elements; they are not what we assert on.
const compact = (html: string) => html.replace(/>\n+</g, "><");
const article = (source: string) => compact(renderArticle(source));
const insight = (source: string) => compact(renderInsight(source));

/** Every tag in the markup. React escapes `<` and `>` in text and attribute values, so each match is a real tag. */
const tagsOf = (html: string) => [...html.matchAll(/<[^>]*>/g)].map(([tag]) => tag);

const decodeAttribute = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const hrefsOf = (html: string) =>
  [...html.matchAll(/\shref="([^"]*)"/g)].map(([, href]) => decodeAttribute(href!));

const DANGEROUS = /<script|<iframe|<img|\son[a-z]+=|javascript:|<style/i;

/**
 * The markup (not the text: a member may well write the word "javascript:") contains nothing
 * executable, and every link is one of `allowed` or, when `relative`, has no scheme at all.
 */
function expectSafe(html: string, { allowed, relative }: { allowed: RegExp; relative: boolean }) {
  expect(html).not.toMatch(/<(script|iframe|img|style|object|embed|input|svg|math)/i);
  for (const tag of tagsOf(html)) {
    expect(tag.replace(/\shref="[^"]*"/g, "")).not.toMatch(DANGEROUS);
    expect(tag).not.toMatch(/\s(style|id|name|srcdoc|formaction|src)=/i);
  }
  for (const href of hrefsOf(html)) {
    const probe = href.replace(/[\u0000-\u0020\u007f]/g, "");
    const isRelative = !/^[^/?#]*:/.test(probe) && !/^[/\\]{2}/.test(probe);
    expect(allowed.test(probe) || (relative && isRelative), `unexpected href ${JSON.stringify(href)}`).toBe(
      true,
    );
  }
}

const articleLinks = { allowed: /^(https?|mailto):/i, relative: true };
const insightLinks = { allowed: /^https?:/i, relative: false };

describe("ArticleMarkdown", () => {
  it("wraps everything in .prose-article", () => {
    expect(article("Hello")).toBe('<div class="prose-article"><p>Hello</p></div>');
  });

  it("renders a GFM table inside a focusable, labelled scroll region", () => {
    const html = article("| Plan | Price |\n|:-----|------:|\n| Basic | 5 |\n| Pro | 9 |");
    expect(html).toMatch(
      /<div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table><thead><tr><th[^>]*>Plan<\/th>/,
    );
    expect(html).toContain("<tbody><tr><td");
    expect(html).toContain(">Pro</td>");
    // Column alignment survives as classes, never as inline styles.
    expect(html).toContain('<th class="text-right">Price</th>');
    expect(html).toContain('<td class="text-left">Basic</td>');
    expect(html).not.toContain("style=");
  });

  it("keeps ordered (ranked) lists numbered, including their start", () => {
    expect(article("1. First\n2. Second")).toContain("<ol><li>First</li><li>Second</li></ol>");
    expect(article("3. Third\n4. Fourth")).toContain('<ol start="3"><li>Third</li>');
  });

  it("renders nested lists", () => {
    const html = article("- Fruit\n  - Apple\n    1. Gala\n- Veg");
    expect(html).toMatch(
      /<ul><li>Fruit\s*<ul><li>Apple\s*<ol><li>Gala<\/li><\/ol><\/li><\/ul><\/li><li>Veg<\/li><\/ul>/,
    );
  });

  it("shifts headings below the page's h1 (title) and h2 (section)", () => {
    const html = article("# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six");
    expect(html).toContain("<h3>One</h3><h3>Two</h3><h3>Three</h3><h4>Four</h4><h4>Five</h4><h4>Six</h4>");
    expect(html).not.toMatch(/<h[1256]/);
  });

  it("renders bold, italic, strikethrough, code, quotes and rules", () => {
    const html = article("**b** *i* ~~d~~ `c`\n\n> q\n\n---\n\n```ts\nconst x = 1;\n```");
    expect(html).toContain("<strong>b</strong> <em>i</em> <del>d</del> <code>c</code>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<hr/>");
    expect(html).toContain("<pre><code>const x = 1;\n</code></pre>");
    // No class survives on anything but our own wrapper (e.g. no `language-ts` on the code block).
    expect(html.replace('<div class="prose-article">', "")).not.toContain("class=");
  });

  it("drops <script> entirely", () => {
    const html = article("Before\n\n<script>alert(1)</script>\n\nAfter <script>alert(2)</script>");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("alert(1)");
    expect(html).toContain("Before");
    expect(html).toContain("After");
  });

  it("drops raw <img onerror>", () => {
    const html = article('Look <img src=x onerror=alert(1)> here\n\n<img src="x" onerror="alert(1)">');
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("<img");
    expect(html).toContain("Look  here");
  });

  it("renders Markdown images as their alt text, never as <img>", () => {
    const html = article("![A chart of prices](https://example.com/c.png)");
    expect(html).toBe('<div class="prose-article"><p>A chart of prices</p></div>');
  });

  it.each([
    ["javascript:", "[x](javascript:alert(1))"],
    ["JavaScript with tab", "[x](<java\tscript:alert(1)>)"],
    ["entity-encoded javascript:", "[x](&#106;avascript:alert(1))"],
    ["data:", "[x](data:text/html,<script>alert(1)</script>)"],
    ["vbscript:", "[x](vbscript:msgbox(1))"],
    ["reference-style javascript:", "[x][r]\n\n[r]: javascript:alert(1)"],
    ["protocol-relative", "[x](//evil.example)"],
  ])("refuses a %s link (the text stays, the link goes)", (_, source) => {
    const html = article(source);
    expect(html).toBe('<div class="prose-article"><p>x</p></div>');
  });

  it("drops onclick from raw <a> html", () => {
    const html = article('<a href="https://example.com" onclick="alert(1)">click</a>');
    expect(html).not.toContain("onclick");
    expect(html).not.toContain("<a ");
  });

  it("allows http(s), mailto and relative links; only absolute ones are marked external", () => {
    const html = article(
      "[a](https://example.com/x) [b](http://example.com) [c](mailto:ed@example.com) [d](/articles/tea) [e](#faq)",
    );
    expect(html).toContain('<a href="https://example.com/x" rel="noopener noreferrer">a</a>');
    expect(html).toContain('<a href="http://example.com" rel="noopener noreferrer">b</a>');
    expect(html).toContain('<a href="mailto:ed@example.com">c</a>');
    expect(html).toContain('<a href="/articles/tea">d</a>');
    expect(html).toContain('<a href="#faq">e</a>');
    expect(html).not.toContain("target=");
  });

  it("autolinks bare URLs (GFM) as external", () => {
    expect(article("See www.example.com today")).toContain(
      '<a href="http://www.example.com" rel="noopener noreferrer">www.example.com</a>',
    );
  });

  it("shows footnotes and task markers as the text written, without ids or inputs", () => {
    const html = article("Fact[^1]\n\n[^1]: Source\n\n- [x] done\n- [ ] todo");
    expect(html).toContain("<p>Fact[^1]</p>");
    expect(html).toContain("<p>[^1]: Source</p>");
    expect(html).toContain("<li>[x] done</li><li>[ ] todo</li>");
    expect(html).not.toMatch(/<input|<sup|<section|\sid=|user-content-/);
  });

  it("drops link titles (no attribute beyond href and our rel)", () => {
    expect(article('[x](https://example.com "a onmouseover=1")')).toBe(
      '<div class="prose-article"><p><a href="https://example.com" rel="noopener noreferrer">x</a></p></div>',
    );
  });
});

describe("InsightMarkdown", () => {
  it("allows bold, italic, lists and http(s) links with rel=nofollow ugc noopener", () => {
    const html = insight(
      "**Bold** and *italic* [site](https://example.com)\n\n- one\n- two\n\n1. first\n2. second",
    );
    expect(html).toContain('<div class="prose-insight">');
    expect(html).toContain("<strong>Bold</strong> and <em>italic</em>");
    expect(html).toContain('<a href="https://example.com" rel="nofollow ugc noopener">site</a>');
    expect(html).toContain("<ul><li>one</li><li>two</li></ul>");
    expect(html).toContain("<ol><li>first</li><li>second</li></ol>");
    expect(html).not.toContain("target=");
  });

  it("keeps single line breaks as <br>", () => {
    expect(insight("line one\nline two")).toMatch(
      /^<div class="prose-insight"><p>line one<br\/>\s*line two<\/p><\/div>$/,
    );
  });

  it("refuses headings, images, tables, code, quotes and rules but keeps their words", () => {
    const html = insight(
      "# Title\n\n![a cat](https://example.com/cat.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`inline`\n\n```\nblock\ncode\n```\n\n> quoted\n\n---\n\n~~gone~~",
    );
    for (const tag of [
      "<h1",
      "<h2",
      "<h3",
      "<img",
      "<table",
      "<td",
      "<code",
      "<pre",
      "<blockquote",
      "<hr",
      "<del",
    ]) {
      expect(html).not.toContain(tag);
    }
    expect(html).toContain("<p>Title</p>");
    expect(html).toContain("<p>a cat</p>");
    expect(html).toContain("<p>a | b</p><p>1 | 2</p>");
    expect(html).toContain("<p>inline</p>");
    expect(html).toMatch(/<p>block<br\/>\s*code<\/p>/);
    expect(html).toContain("<p>quoted</p>");
    expect(html).toContain("<p>gone</p>");
  });

  it("shows raw HTML as literal text, never as elements", () => {
    const html = insight(
      '<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> <a href="https://x.com" onclick="y()">z</a>',
    );
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(tagsOf(html).join("")).not.toMatch(/script|img|onerror|onclick/i);
    expect(html).not.toContain("<a ");
  });

  it.each([
    ["mailto:", "[x](mailto:me@example.com)"],
    ["relative", "[x](/articles/tea)"],
    ["javascript:", "[x](javascript:alert(1))"],
    ["data:", "[x](data:text/html,hi)"],
  ])("renders a %s link as plain text", (_, source) => {
    expect(insight(source)).toBe('<div class="prose-insight"><p>x</p></div>');
  });

  it("does not turn bare email addresses into mailto links", () => {
    expect(insight("write to me@example.com")).not.toContain("<a");
  });
});

describe("both renderers, for any input", () => {
  const fragment = fc.constantFrom(
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=//x>",
    "<style>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)" onclick="x()">',
    "on",
    "onerror",
    "onclick",
    "=",
    '"',
    "'",
    "javascript:",
    "JaVaScRiPt:",
    "java\tscript:",
    "&#106;avascript:",
    "data:text/html,",
    "vbscript:",
    "[x](",
    "[x]: ",
    "![i](",
    "](",
    ")",
    "<",
    ">",
    "//",
    "http://",
    "mailto:",
    "\n",
    "\n\n",
    "# ",
    "| a |\n|---|\n",
    "- ",
    "1. ",
    "`",
    "**",
    " ",
  );
  // Link-shaped pieces, so that hostile destinations actually reach the URL handling.
  const destination = fc
    .tuple(
      fc.constantFrom("", " ", "\t", "\u0001", "%20", "&#106;", "&#x6A;"),
      fc.constantFrom(
        "javascript:",
        "JAVASCRIPT:",
        "java\tscript:",
        "data:",
        "vbscript:",
        "//",
        "http:",
        "mailto:",
        "",
      ),
      fc.string({ maxLength: 8 }),
    )
    .map((parts) => parts.join(""));
  const link = fc
    .tuple(
      fc.constantFrom("[x](", "[x](<", "[x]: ", "![i](", "<"),
      destination,
      fc.constantFrom(")", ">)", ">", "", "\n\n[x]"),
    )
    .map(([open, url, close]) => `${open}${url}${close}`);
  const source = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc
      .array(fc.oneof(fragment, fragment, link, fc.string({ maxLength: 4 })), { maxLength: 24 })
      .map((parts) => parts.join("")),
  );

  it("never emits executable markup or unsafe links", () => {
    fc.assert(
      fc.property(source, (markdown) => {
        expectSafe(renderArticle(markdown), articleLinks);
        expectSafe(renderInsight(markdown), insightLinks);
      }),
      { numRuns: 400 },
    );
  });
});

describe("extractFaq", () => {
  it("pairs each ### heading with the plain text that follows it", () => {
    const markdown = [
      "Intro text that is not part of any answer.",
      "### What is Roundtable?",
      "A **community** site for [guides](https://example.com).",
      "### Who can write?",
      "Anyone with an account.\n\nEditors review first posts.",
      "### Is it free?",
      "- Yes\n- Always",
      "### How do I start?",
      "Sign up, then pick a `domain`.",
    ].join("\n\n");
    expect(extractFaq(markdown)).toEqual([
      { question: "What is Roundtable?", answer: "A community site for guides." },
      { question: "Who can write?", answer: "Anyone with an account. Editors review first posts." },
      { question: "Is it free?", answer: "Yes Always" },
      { question: "How do I start?", answer: "Sign up, then pick a domain." },
    ]);
  });

  it("treats other headings as questions only when they end in ?, and any heading ends an answer", () => {
    const markdown =
      "## Does it rain?\n\nOften.\n\n## Climate\n\nMild.\n\n#### Why green?\n\nRain.\n\n# Big?\n\nNo.";
    expect(extractFaq(markdown)).toEqual([
      { question: "Does it rain?", answer: "Often." },
      { question: "Why green?", answer: "Rain." },
    ]);
  });

  it("skips questions without an answer and leaves raw HTML out of answers", () => {
    expect(extractFaq("### Empty?\n\n### Full?\n\nYes <b>really</b>.")).toEqual([
      { question: "Full?", answer: "Yes really." },
    ]);
  });

  it("returns [] when there is no FAQ", () => {
    expect(extractFaq("## Overview\n\nJust prose.\n\n- a list")).toEqual([]);
    expect(extractFaq("")).toEqual([]);
  });
});

describe("plainText", () => {
  it("strips markup and collapses whitespace", () => {
    expect(plainText("# Title\n\nSome **bold**   and [a link](https://x.com).\n\n- one\n- two")).toBe(
      "Title Some bold and a link. one two",
    );
  });

  it("returns short text unchanged", () => {
    expect(plainText("Short.", 160)).toBe("Short.");
    expect(plainText("Exactly ten", 11)).toBe("Exactly ten");
  });

  it("cuts at a word boundary, ending with … within maxLength", () => {
    const result = plainText("The quick brown fox jumps over the lazy dog", 20);
    expect(result).toBe("The quick brown fox…");
    expect(result.length).toBeLessThanOrEqual(20);
    expect(plainText("Alpha beta, gamma delta", 13)).toBe("Alpha beta…");
  });

  it("cuts a single overlong word mid-word rather than returning nothing", () => {
    expect(plainText("Supercalifragilistic", 10)).toBe("Supercali…");
  });

  it("defaults to 160 characters", () => {
    const result = plainText("word ".repeat(100));
    expect(result.length).toBeLessThanOrEqual(160);
    expect(result.endsWith("word…")).toBe(true);
  });
});
