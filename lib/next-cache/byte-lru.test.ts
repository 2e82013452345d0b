import { describe, expect, it } from "vitest";
import { ByteLru, sizeOfCacheValue } from "./byte-lru.mjs";

describe("ByteLru", () => {
  it("never holds more bytes than its bound, evicting the least recently used first", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "A", 40);
    lru.set("b", "B", 40);
    expect(lru.get("a")).toBe("A"); // a is now the most recently used
    lru.set("c", "C", 40);
    expect(lru.keys()).toEqual(["a", "c"]);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.bytes).toBe(80);
  });

  it("evicts as many entries as a large one needs", () => {
    const lru = new ByteLru<string>(100);
    for (const key of ["a", "b", "c", "d"]) lru.set(key, key, 25);
    lru.set("e", "E", 70);
    expect(lru.keys()).toEqual(["d", "e"]);
    expect(lru.bytes).toBe(95);
  });

  it("refuses an entry larger than the whole bound, dropping the key's older value", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "old", 10);
    lru.set("b", "B", 10);
    expect(lru.set("a", "huge", 101)).toBe(false);
    expect(lru.get("a")).toBeUndefined();
    expect(lru.keys()).toEqual(["b"]);
    expect(lru.bytes).toBe(10);
  });

  it("counts a replaced entry's bytes once", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "A", 60);
    lru.set("a", "A2", 70);
    expect(lru.bytes).toBe(70);
    lru.delete("a");
    expect(lru.bytes).toBe(0);
  });
});

describe("sizeOfCacheValue", () => {
  it("counts a page's HTML, RSC payload and segments", () => {
    const empty = sizeOfCacheValue("k", { kind: "APP_PAGE", html: "", headers: {} });
    const page = sizeOfCacheValue("k", {
      kind: "APP_PAGE",
      html: "é".repeat(1000),
      rscData: Buffer.alloc(3000),
      segmentData: new Map([["/a", Buffer.alloc(500)]]),
      headers: {},
    });
    expect(page - empty).toBe(2000 + 3000 + 2 + 500);
  });

  it("counts a route's body and an unstable_cache result", () => {
    const base = sizeOfCacheValue("k", null);
    expect(sizeOfCacheValue("k", { kind: "APP_ROUTE", body: Buffer.alloc(1000), headers: {} })).toBe(
      base + 2 + 1000,
    );
    const fetch = { kind: "FETCH", data: { headers: {}, body: "x".repeat(800), url: "" }, revalidate: 60 };
    expect(sizeOfCacheValue("k", fetch)).toBeGreaterThanOrEqual(base + 800);
  });
});
