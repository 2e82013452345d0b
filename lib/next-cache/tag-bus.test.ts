import { describe, expect, it } from "vitest";
import { parseTagExpiration, recordTagExpirationsParams } from "./tag-bus.mjs";

describe("recordTagExpirationsParams", () => {
  it("sends each tag once, with what the receivers need to apply it", () => {
    const [tags, withDurations, expire, payloads] = recordTagExpirationsParams(
      ["a", "b", "a", ""],
      { expire: 60 },
      "instance-1",
    );
    expect(tags).toEqual(["a", "b"]);
    expect([withDurations, expire]).toEqual([true, 60]);
    expect(payloads.map(parseTagExpiration)).toEqual([
      { origin: "instance-1", tags: ["a", "b"], durations: { expire: 60 } },
    ]);
  });

  it("splits the tags over as many notifications as PostgreSQL's payload limit needs", () => {
    const many = Array.from({ length: 2000 }, (_, index) => `insight:${index.toString().padStart(8, "0")}`);
    const [, withDurations, expire, payloads] = recordTagExpirationsParams(many, undefined, "");
    expect([withDurations, expire]).toEqual([false, null]);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(payloads.flatMap((payload) => parseTagExpiration(payload)?.tags)).toEqual(many);
    expect(parseTagExpiration(payloads[0]!)?.durations).toBeUndefined();
  });
});

describe("parseTagExpiration", () => {
  it("ignores what it did not send", () => {
    expect(parseTagExpiration("not json")).toBeNull();
    expect(parseTagExpiration(JSON.stringify({ o: "x", t: [1] }))).toBeNull();
    expect(parseTagExpiration(JSON.stringify({ t: ["a"] }))).toBeNull();
  });
});
