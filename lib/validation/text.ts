import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/domain/slug-shape";

// Guards for text from outside (URLs, forms, the API) before it reaches PostgreSQL, which refuses a NUL
// character in text: free text loses its control characters, and a URL segment that cannot be a slug, a
// handle or a record id is answered as not found without asking the database.

/** C0 control characters but tab and line feed, and DEL: nothing a person types means them. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** `text` without control characters (tab and line feed stay; a carriage return goes). */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}

/** A string schema that drops control characters first: chain `.trim()`, `.min()`, `.max()` after it. */
export function plainText() {
  return z.string().overwrite(withoutControlCharacters);
}

/** Longer than any slug or handle the site makes. */
const SLUG_PARAM_MAX = 200;

/** Whether a URL segment can be a slug, a handle or an anchor (lower-case words joined by hyphens). */
export function isSlugParam(value: string): boolean {
  return value.length <= SLUG_PARAM_MAX && SLUG_PATTERN.test(value);
}

/** The shape of a record id (cuid) as URLs and filters carry it. */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a URL segment can be a record id. */
export function isRecordIdParam(value: string): boolean {
  return RECORD_ID_PATTERN.test(value);
}
