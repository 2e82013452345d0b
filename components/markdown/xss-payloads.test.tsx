import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleMarkdown, InsightMarkdown } from "./markdown";

// Known ways to smuggle script into Markdown renderers. None may come out as live markup.
const PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  '<img src=x onerror="alert(1)">',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  "![x](javascript:alert(1))",
  '![x](https://example.com/x.png "onerror=alert(1)")',
  '[a](https://example.com "title" onclick=alert(1))',
  "<details open ontoggle=alert(1)>",
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  "<object data=javascript:alert(1)></object>",
  "<embed src=javascript:alert(1)>",
  '<base href="javascript:/">',
  "**<script>alert(1)</script>**",
  "- [x](javascript:alert(1))\n  - nested <img src=x onerror=alert(1)>",
  "> quote <script>alert(1)</script>",
  "[![x](https://example.com/i.png)](javascript:alert(1))",
  "[x][ref]\n\n[ref]: javascript:alert(1)",
  '<https://example.com/" onmouseover="alert(1)>',
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
];

const LIVE_MARKUP = /<(script|iframe|img|svg|math|object|embed|style|form|base|details|input|textarea)\b/i;
const EVENT_ATTRIBUTE = /<[a-z][^>]*\son[a-z]+\s*=/i;
const UNSAFE_URL = /(href|src|action|data)\s*=\s*"\s*(javascript|data|vbscript):/i;
const STYLE_ATTRIBUTE = /<[a-z][^>]*\sstyle\s*=/i;

function expectSafe(html: string) {
  expect(html).not.toMatch(LIVE_MARKUP);
  expect(html).not.toMatch(EVENT_ATTRIBUTE);
  expect(html).not.toMatch(UNSAFE_URL);
  expect(html).not.toMatch(STYLE_ATTRIBUTE);
}

describe("Markdown renderers against an XSS payload list", () => {
  it.each(PAYLOADS)("article renderer neutralises %s", (payload) => {
    expectSafe(renderToStaticMarkup(<ArticleMarkdown source={payload} />));
  });

  it.each(PAYLOADS)("insight renderer neutralises %s", (payload) => {
    expectSafe(renderToStaticMarkup(<InsightMarkdown source={payload} />));
  });

  it("keeps the text of a neutralised link", () => {
    const html = renderToStaticMarkup(<InsightMarkdown source="[click here](javascript:alert(1))" />);
    expect(html).toContain("click here");
    expect(html).not.toContain("javascript:");
  });
});
