import { z } from "zod";
import { RECORD_ID_PATTERN } from "@/lib/validation/text";

// Keyset pagination hands the client the last row's position as an opaque string: base64url (unpadded) of
// its JSON. The string comes back from a URL or a form, so reading it must survive anything: it is decoded
// through the caller's schema, and whatever is not exactly a cursor this codec wrote reads as null.

/** Longer than any position we write; a longer string is not worth decoding. */
const CURSOR_MAX = 400;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A timestamp in a position: written as toISOString writes it, read back as a Date (no 30 February). */
export const cursorTimestamp = z.codec(z.iso.datetime({ precision: 3 }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** A record id in a position. */
export const cursorId = z.string().regex(RECORD_ID_PATTERN);

export type CursorCodec<Position> = {
  /** The opaque string for `position`. */
  encode(position: Position): string;
  /** The position `cursor` stands for, or null when it is not one `encode` wrote. Never throws. */
  decode(cursor: string): Position | null;
};

/**
 * A codec for positions of `schema`'s shape. The schema must be reversible (plain values, `cursorTimestamp`,
 * other `z.codec`s; no `.transform`), since encoding runs it backwards to get JSON-ready values.
 */
export function cursorCodec<Schema extends z.ZodType>(schema: Schema): CursorCodec<z.output<Schema>> {
  return {
    encode: (position) => toBase64url(JSON.stringify(z.encode(schema, position))),
    decode(cursor) {
      const json = fromBase64url(cursor);
      if (json === null) return null;
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch {
        return null;
      }
      const parsed = schema.safeParse(value);
      return parsed.success ? parsed.data : null;
    },
  };
}

function toBase64url(text: string): string {
  // btoa takes one character per byte: spell the UTF-8 bytes out first, so any JSON text survives.
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join("");
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(cursor: string): string | null {
  if (cursor.length > CURSOR_MAX || !BASE64URL.test(cursor)) return null;
  let text: string;
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    text = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
  // Base64 has several spellings of the same bytes (the spare bits of the last character); only ours counts.
  return toBase64url(text) === cursor ? text : null;
}
