import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

export type FaqEntry = { question: string; answer: string };

const parser = unified().use(remarkParse).use(remarkGfm);

function parse(markdown: string): Root {
  return parser.parse(markdown);
}

// Children of these are words on one line; children of every other parent are separate blocks.
const PHRASING_PARENTS = new Set<Nodes["type"]>([
  "paragraph",
  "heading",
  "strong",
  "emphasis",
  "delete",
  "link",
  "linkReference",
  "tableCell",
]);

function textOf(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
    case "code":
      return node.value;
    case "image":
    case "imageReference":
      return node.alt ?? "";
    case "break":
      return " ";
    // Raw HTML is markup, not content; footnote calls are noise in a sentence.
    case "html":
    case "footnoteReference":
      return "";
  }
  if (!("children" in node)) return "";
  const separator = PHRASING_PARENTS.has(node.type) ? "" : " ";
  return (node.children as Nodes[]).map(textOf).join(separator);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function isQuestionHeading(node: Nodes, text: string): boolean {
  return node.type === "heading" && (node.depth === 3 || (node.depth >= 2 && text.endsWith("?")));
}

/**
 * Question/answer pairs for schema.org FAQPage JSON-LD. A question is a top-level heading of
 * depth 3, or of any depth from 2 whose text ends in "?"; its answer is the plain text of what
 * follows up to the next heading of any depth. Pairs with an empty question or answer are left
 * out, since FAQPage requires both.
 */
export function extractFaq(markdown: string): FaqEntry[] {
  const entries: FaqEntry[] = [];
  let current: { question: string; parts: string[] } | null = null;

  const flush = () => {
    if (!current) return;
    const answer = collapse(current.parts.join(" "));
    if (current.question && answer) entries.push({ question: current.question, answer });
    current = null;
  };

  for (const node of parse(markdown).children) {
    if (node.type === "heading") {
      flush();
      const text = collapse(textOf(node));
      if (isQuestionHeading(node, text)) current = { question: text, parts: [] };
    } else if (current) {
      current.parts.push(textOf(node));
    }
  }
  flush();
  return entries;
}

/**
 * Plain-text excerpt of Markdown (for meta descriptions): markup removed, whitespace collapsed,
 * and if longer than `maxLength` characters cut at a word boundary and ended with "…" (the
 * result, ellipsis included, is at most `maxLength` long).
 */
export function plainText(markdown: string, maxLength = 160): string {
  return truncateAtWord(collapse(textOf(parse(markdown))), maxLength);
}

function truncateAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  if (maxLength < 1) return "";

  const budget = maxLength - 1; // room for the ellipsis
  let cut = text.slice(0, budget);
  const cutInsideWord = text.charAt(budget) !== " ";
  const lastSpace = cut.lastIndexOf(" ");
  // A single word longer than the budget has no boundary to cut at: cut it mid-word.
  if (cutInsideWord && lastSpace > 0) cut = cut.slice(0, lastSpace);

  // Never end on half of a surrogate pair, or on punctuation that reads oddly before "…".
  cut = cut.replace(/[\uD800-\uDBFF]$/, "").replace(/[\s,;:.!?\-–—]+$/, "");
  return `${cut}…`;
}
