import { transliterate } from "transliteration";
import { randomUuid } from "@/lib/uuid";
import { HANDLE_MAX, HANDLE_MIN, RESERVED_HANDLES } from "./slug-shape";

// Making slugs from names. The transliteration tables are large, so this module is kept out of the
// validation schemas that client-side forms load: the shape rules they check live in ./slug-shape.

/**
 * Turns text in any script into a slug: transliterated to Latin letters ("Łódź" → "lodz", "Привет" →
 * "privet", "中文" → "zhong-wen"), accents folded, punctuation and emoji dropped, words joined by hyphens.
 * Empty when nothing readable is left.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = transliterate(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/, "");
}

/** What a new record is, when its slug cannot come from its name: the slug then starts with it. */
export type SlugKind = "article" | "guide" | "domain" | "section";

/**
 * The slug for a new record named `text`: slugify's, or `<kind>-<short random id>` when the name has no
 * letter or digit in any script (only emoji or punctuation), so such records still get distinct addresses.
 */
export function newSlug(text: string, kind: SlugKind, maxLength = 80): string {
  return slugify(text, maxLength) || `${kind}-${randomUuid().slice(0, 8)}`;
}

/** A handle suggested from a display name: "Ada Lovelace" → "ada-lovelace", padded when too short. */
export function handleFromName(name: string): string {
  let handle = slugify(name, HANDLE_MAX);
  if (handle.length < HANDLE_MIN) handle = `member${handle ? `-${handle}` : ""}`;
  if (RESERVED_HANDLES.has(handle)) handle = `${handle}-member`;
  return handle;
}

/** The next candidate when `handle` is taken: "ada" → "ada-2" → "ada-3", kept within the length limit. */
export function nextHandleCandidate(handle: string, attempt: number): string {
  const suffix = `-${attempt + 1}`;
  return `${handle.slice(0, HANDLE_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
}
