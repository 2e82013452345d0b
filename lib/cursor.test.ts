import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cursorCodec, cursorId, cursorTimestamp } from "./cursor";

const position = { at: new Date("2030-01-02T03:04:05.678Z"), id: "cm1abc_def-9" };
const codec = cursorCodec(z.object({ at: cursorTimestamp, id: cursorId }));

/** base64url of `text` as anyone could write it, to hand-craft cursors. */
const base64url = (text: string) => Buffer.from(text).toString("base64url");

describe("cursorCodec", () => {
  it("round-trips a position through an opaque, URL-safe string", () => {
    const cursor = codec.encode(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(position.id);
    expect(cursor).toBe(base64url(JSON.stringify({ at: "2030-01-02T03:04:05.678Z", id: position.id })));
    const decoded = codec.decode(cursor);
    expect(decoded).toEqual(position);
    expect(decoded?.at).toBeInstanceOf(Date);
  });

  it("round-trips any moment and record id", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1970-01-01T00:00:00.000Z"),
          max: new Date("9999-12-31T23:59:59.999Z"),
          noInvalidDate: true,
        }),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
        (at, id) => {
          expect(codec.decode(codec.encode({ at, id }))).toEqual({ at, id });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("round-trips the shape the caller chose, non-ASCII text included", () => {
    const tuple = cursorCodec(z.tuple([cursorTimestamp, z.string()]));
    const value: [Date, string] = [position.at, "Łódź 中文"];
    expect(tuple.decode(tuple.encode(value))).toEqual(value);
  });

  it.each([
    ["an empty string", ""],
    ["garbage", "not a cursor!"],
    ["standard base64", Buffer.from('{"at":"2030-01-02T03:04:05.678Z","id":"a?"}').toString("base64")],
    ["base64 that is not JSON", base64url("hello")],
    ["base64 of bytes that are not UTF-8", Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString("base64url")],
    ["a length no base64 has", "A"],
    ["an over-long string", "A".repeat(1_000)],
    ["JSON of the wrong shape", base64url(JSON.stringify(["2030-01-02T03:04:05.678Z", "abc"]))],
    ["a missing id", base64url(JSON.stringify({ at: "2030-01-02T03:04:05.678Z" }))],
    ["an id with odd characters", base64url(JSON.stringify({ at: "2030-01-02T03:04:05.678Z", id: "a b" }))],
    ["a date that is not ISO", base64url(JSON.stringify({ at: "yesterday", id: "abc" }))],
    ["an impossible date", base64url(JSON.stringify({ at: "2030-02-30T00:00:00.000Z", id: "abc" }))],
    [
      "a date with a zone offset",
      base64url(JSON.stringify({ at: "2030-01-02T03:04:05.678+01:00", id: "a" })),
    ],
    ["a date without milliseconds", base64url(JSON.stringify({ at: "2030-01-02T03:04:05Z", id: "abc" }))],
    ["a date as a number", base64url(JSON.stringify({ at: position.at.getTime(), id: "abc" }))],
  ])("reads %s as no position", (_case, cursor) => {
    expect(codec.decode(cursor)).toBeNull();
  });

  it("reads a tampered cursor as no position: padding, other spellings of the same bytes, a changed character", () => {
    const cursor = codec.encode(position);
    expect(codec.decode(`${cursor}=`)).toBeNull();
    expect(codec.decode(`${cursor}==`)).toBeNull();
    // The last character of an unpadded cursor carries spare bits; flipping them keeps the bytes.
    const respelled = base64url(JSON.stringify({ at: "2030-01-02T03:04:05.678Z", id: "abcde" })).replace(
      /.$/,
      (last) => String.fromCharCode(last.charCodeAt(0) + 1),
    );
    expect(Buffer.from(respelled, "base64url").toString()).toBe(
      '{"at":"2030-01-02T03:04:05.678Z","id":"abcde"}',
    );
    expect(codec.decode(respelled)).toBeNull();
    fc.assert(
      fc.property(fc.nat({ max: cursor.length - 1 }), fc.constantFrom(..."AbZ09_-"), (index, character) => {
        fc.pre(cursor[index] !== character);
        const tampered = `${cursor.slice(0, index)}${character}${cursor.slice(index + 1)}`;
        const decoded = codec.decode(tampered);
        // Either nothing, or a position that is still well-formed: never a throw, never a broken Date.
        if (decoded) {
          expect(Number.isNaN(decoded.at.getTime())).toBe(false);
          expect(decoded.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
        }
      }),
    );
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        expect(() => codec.decode(text)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
