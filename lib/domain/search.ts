// Search results' highlighted text. PostgreSQL's ts_headline marks matches with StartSel/StopSel inside
// plain text; we ask for two control characters that no stored text keeps (the queries strip them first),
// split on them here, and the page renders the marked parts as <mark> elements: no HTML is ever built
// from stored text.

/** ts_headline's StartSel and StopSel. */
export const HIGHLIGHT_START = "\u0001";
export const HIGHLIGHT_STOP = "\u0002";

/** A run of text, highlighted where it matched the query. */
export type HighlightSegment = { text: string; highlighted: boolean };

// Markdown syntax that reads as noise in a one-line excerpt (bodies are Markdown; see lib/markdown).
const MARKDOWN_NOISE: [RegExp, string][] = [
  [/!?\[([^\]\n]*)\]\([^)\n]*\)/g, "$1"], // [text](url) and images: the text
  [/<(https?:\/\/[^>\s]+)>/g, "$1"], // <https://…> autolinks: the address
  [/^[ \t]{0,3}(?:#{1,6}|>|[-*+]|\d{1,3}[.)])[ \t]+/gm, ""], // heading, quote and list markers
  [/\*+|`+|~~/g, ""], // bold, italic, code, strike-through
  [/(^|[^\p{L}\p{N}\u0001\u0002])_+|_+(?=[^\p{L}\p{N}\u0001\u0002]|$)/gu, "$1"], // _emphasis_, not snake_case
  [/(^|\s)\|?:?-{3,}:?(?=\s|\||$)/g, "$1"], // table rules
  [/\|/g, " "], // table cells
];

/** Markdown reduced to its words, on one line. */
export function plainText(markdown: string): string {
  let text = markdown;
  for (const [pattern, replacement] of MARKDOWN_NOISE) text = text.replace(pattern, replacement);
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Splits a ts_headline result into plain and highlighted runs. Markers that do not pair up (which only
 * stored text containing the marker characters could cause) end or start a run without breaking anything.
 */
export function parseHighlight(raw: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let highlighted = false;
  let text = "";
  const flush = () => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.highlighted === highlighted) last.text += text;
    else segments.push({ text, highlighted });
    text = "";
  };
  for (const character of plainText(raw)) {
    if (character === HIGHLIGHT_START || character === HIGHLIGHT_STOP) {
      flush();
      highlighted = character === HIGHLIGHT_START;
    } else {
      text += character;
    }
  }
  flush();
  return segments;
}

/**
 * A passage of a longer text, with "…" where it was cut: `sourceStart` and `sourceEnd` are the first and
 * last characters of the text the passage came from (ts_headline copies its words unchanged).
 */
export function parseSnippet(raw: string, sourceStart: string, sourceEnd: string): HighlightSegment[] {
  const segments = parseHighlight(raw);
  const passage = raw.replace(/[\u0001\u0002]/g, "").trim();
  if (!passage || segments.length === 0) return segments;
  const probe = Math.min(passage.length, 40);
  const cutStart = !sourceStart.trimStart().startsWith(passage.slice(0, probe));
  const cutEnd = !sourceEnd.trimEnd().endsWith(passage.slice(-probe));
  const result = segments.map((segment) => ({ ...segment }));
  if (cutStart) {
    const first = result[0]!;
    if (first.highlighted) result.unshift({ text: "… ", highlighted: false });
    else first.text = `… ${first.text}`;
  }
  if (cutEnd) {
    const last = result.at(-1)!;
    if (last.highlighted) result.push({ text: " …", highlighted: false });
    else last.text = `${last.text} …`;
  }
  return result;
}

export function hasHighlight(segments: readonly HighlightSegment[]): boolean {
  return segments.some((segment) => segment.highlighted);
}

/** Text without highlights, as one segment. */
export function unhighlighted(text: string): HighlightSegment[] {
  const plain = plainText(text);
  return plain ? [{ text: plain, highlighted: false }] : [];
}

/** "1 result", "12 results", "500+ results" for a count that stopped at `cap`. */
export function formatResultCount(
  count: number,
  cap: number,
  noun: [string, string] = ["result", "results"],
) {
  const shown = count >= cap ? `${cap.toLocaleString("en-US")}+` : count.toLocaleString("en-US");
  return `${shown} ${count === 1 ? noun[0] : noun[1]}`;
}
