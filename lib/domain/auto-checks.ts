// The automatic checks that hold a trusted member's insight for a moderator: pure functions over the text
// and what the data layer looked up (blocked terms, recent insights). Each finding is a stable code, stored on
// the insight (Insight.autoFlags), and a label for moderators.

export type AutoCheckCode = "too-many-links" | "blocked-term" | "near-duplicate" | "too-fast";
export type AutoFlag = { code: AutoCheckCode; label: string };

export const AUTO_CHECK_LIMITS = {
  /** a trusted member's insight with more links than this is held (new members are refused past 3) */
  maxLinks: 3,
  /**
   * Faster than this many characters per second is not typing. Fast typists manage 8–10 (about 100 words a
   * minute) and record holders about 15, so this flags pasted text and scripted posts, not quick people.
   */
  maxCharsPerSecond: 15,
  /** fewer typed characters than this are not timed: a fixed typo saved in a second is not suspicious */
  minTimedChars: 20,
  /** word sequences this long are compared between texts */
  shingleWords: 3,
  /** this share of the shorter text's word sequences found in another text makes it a near-duplicate */
  nearDuplicateSimilarity: 0.6,
  /** the member's own insights of this many days are compared… */
  ownRecentDays: 30,
  /** …and other members' of this many days… */
  othersRecentDays: 7,
  /** …at most this many of each: the member's own newest first, other members' most similar first */
  recentCandidates: 200,
} as const;

/** What each code means, for moderators; the blocked-term label names the term when it is known. */
export const AUTO_FLAG_LABELS: Record<AutoCheckCode, string> = {
  "too-many-links": `More than ${AUTO_CHECK_LIMITS.maxLinks} links`,
  "blocked-term": "Contains a blocked term",
  "near-duplicate": "Nearly the same as another recent insight",
  "too-fast": "Posted faster than a person types",
};

/** Text as the checks compare it: compatibility forms folded (NFKC), invisible characters gone, lower-case. */
export function normalizeForMatching(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .toLowerCase();
}

/** A blocked term as stored: normalised, trimmed, inner whitespace collapsed to one space. */
export function normalizeBlockedTerm(term: string): string {
  return normalizeForMatching(term).trim().replace(/\s+/gu, " ");
}

// A term matches only as whole words: no letter, digit or underscore may touch either end.
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;

function termPattern(term: string): RegExp | null {
  const normalized = normalizeBlockedTerm(term);
  if (!normalized) return null;
  const escaped = normalized
    .split(" ")
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(String.raw`\s+`);
  return new RegExp(`(?<!${WORD_CHAR})${escaped}(?!${WORD_CHAR})`, "u");
}

/** The blocked terms `body` contains as whole words or phrases, ignoring case, spacing and Unicode forms. */
export function findBlockedTerms(body: string, blockedTerms: readonly string[]): string[] {
  const text = normalizeForMatching(body);
  return blockedTerms.filter((term) => termPattern(term)?.test(text) ?? false);
}

export function checkBlockedTerms(body: string, blockedTerms: readonly string[]): AutoFlag | null {
  const found = findBlockedTerms(body, blockedTerms);
  if (found.length === 0) return null;
  const quoted = found.map((term) => `“${normalizeBlockedTerm(term)}”`).join(", ");
  return { code: "blocked-term", label: `Contains the blocked term${found.length > 1 ? "s" : ""} ${quoted}` };
}

export function checkLinks(
  linkCount: number,
  maxLinks: number = AUTO_CHECK_LIMITS.maxLinks,
): AutoFlag | null {
  if (linkCount <= maxLinks) return null;
  return { code: "too-many-links", label: `${linkCount} links (more than ${maxLinks})` };
}

/** The text's words as overlapping runs of `shingleWords` words; Markdown and punctuation are ignored. */
export function shingles(text: string, size: number = AUTO_CHECK_LIMITS.shingleWords): Set<string> {
  const words = normalizeForMatching(text).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const result = new Set<string>();
  if (words.length === 0) return result;
  if (words.length < size) {
    result.add(words.join(" "));
    return result;
  }
  for (let i = 0; i + size <= words.length; i++) result.add(words.slice(i, i + size).join(" "));
  return result;
}

function overlap(first: Set<string>, second: Set<string>): number {
  const [small, large] = first.size <= second.size ? [first, second] : [second, first];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  return shared / small.size;
}

/**
 * How much of the shorter text's word runs the longer one repeats, from 0 (nothing) to 1: a copy, a copy with
 * a few words changed, or a copy padded with more text all score high, two people's own words near 0.
 */
export function textSimilarity(a: string, b: string): number {
  return overlap(shingles(a), shingles(b));
}

export function checkNearDuplicate(body: string, recentBodies: readonly string[]): AutoFlag | null {
  const mine = shingles(body);
  let best = 0;
  for (const other of recentBodies) best = Math.max(best, overlap(mine, shingles(other)));
  if (best < AUTO_CHECK_LIMITS.nearDuplicateSimilarity) return null;
  return {
    code: "near-duplicate",
    label: `${Math.round(best * 100)}% the same as another recent insight`,
  };
}

/**
 * Characters a person had to type to turn `before` into `after`: everything between the common start and
 * the common end. Posting types the whole text (`before` is empty).
 */
export function typedCharacters(before: string, after: string): number {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end])
    end++;
  return b.length - start - end;
}

/**
 * Flags text that arrived faster than anyone types: `composeMs` is the time from the first keystroke (or
 * paste) to submitting. Unknown (an API client or an old form) is not judged.
 */
export function checkTypingSpeed(typedChars: number, composeMs: number | undefined): AutoFlag | null {
  if (composeMs === undefined || typedChars < AUTO_CHECK_LIMITS.minTimedChars) return null;
  const seconds = composeMs / 1000;
  if (seconds > 0 && typedChars / seconds <= AUTO_CHECK_LIMITS.maxCharsPerSecond) return null;
  return {
    code: "too-fast",
    label: `${typedChars} characters in ${seconds.toFixed(1)} s (a person types at most ${AUTO_CHECK_LIMITS.maxCharsPerSecond} a second)`,
  };
}

export type AutoCheckInput = {
  body: string;
  /** links the body renders (countLinks) */
  links: number;
  blockedTerms: readonly string[];
  /** recent insights to compare with: the member's own and other members' (never this insight itself) */
  recentBodies: readonly string[];
  /** milliseconds from the first keystroke to submitting, when the form measured it */
  composeMs?: number;
  /** characters typed in that time: the whole body when posting, the changed part when editing */
  typedChars?: number;
};

/** Every automatic check, in a fixed order; an empty list means nothing was found. */
export function runAutoChecks(input: AutoCheckInput): AutoFlag[] {
  return [
    checkLinks(input.links),
    checkBlockedTerms(input.body, input.blockedTerms),
    checkNearDuplicate(input.body, input.recentBodies),
    checkTypingSpeed(input.typedChars ?? [...input.body].length, input.composeMs),
  ].filter((flag): flag is AutoFlag => flag !== null);
}

export function isAutoCheckCode(code: string): code is AutoCheckCode {
  return Object.hasOwn(AUTO_FLAG_LABELS, code);
}

/**
 * Labels for the codes stored on an insight, for the review queue. Given the body and the blocked terms,
 * the blocked-term label names the terms the body (still) contains. An unknown code is shown as it is.
 */
export function describeAutoFlags(
  codes: readonly string[],
  context: { body?: string; blockedTerms?: readonly string[] } = {},
): { code: string; label: string }[] {
  return codes.map((code) => {
    if (!isAutoCheckCode(code)) return { code, label: code };
    if (code === "blocked-term" && context.body !== undefined && context.blockedTerms) {
      const flag = checkBlockedTerms(context.body, context.blockedTerms);
      if (flag) return flag;
    }
    return { code, label: AUTO_FLAG_LABELS[code] };
  });
}
