import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withReadOnlyNotice, READ_ONLY_NOTICE } from "./read-only-notice";
import { copyHeaders, SharedPages, sharedPagesMaxBytes, type Freshness } from "./shared-pages";

const captured = (size: number) => ({
  headers: [
    ["Content-Type", "text/html; charset=utf-8"],
    ["ETag", '"v1"'],
  ] as [string, string][],
  // Random bytes do not compress: a copy takes its size plus a little.
  body: randomBytes(size),
});
const witnessed = { tags: ["article:1"], lastModified: 1, revalidate: 3600 };

describe("SharedPages", () => {
  it("keeps within its bound: the least recently used copy goes first", async () => {
    const pages = new SharedPages({ maxBytes: 6_000, freshness: () => "fresh" });
    await pages.store("/a", captured(2_000), witnessed);
    await pages.store("/b", captured(2_000), witnessed);
    expect(pages.keys()).toEqual(["/a", "/b"]);
    pages.fresh("/a");
    await pages.store("/c", captured(2_000), witnessed);
    expect(pages.keys()).toEqual(["/a", "/c"]);
    expect(pages.bytes).toBeLessThanOrEqual(6_000);
    await pages.store("/huge", captured(20_000), witnessed);
    expect(pages.fresh("/huge")).toBeUndefined();
  });

  it("drops a copy the cache store no longer calls fresh, and stores none of an already old version", async () => {
    let verdict: Freshness = "fresh";
    const pages = new SharedPages({ maxBytes: 1_000_000, freshness: () => verdict });
    await pages.store("/a", captured(2_000), witnessed);
    expect(pages.fresh("/a")).toBeDefined();
    verdict = "stale";
    expect(pages.fresh("/a")).toBeUndefined();
    expect(pages.keys()).toEqual([]);
    await pages.store("/a", captured(2_000), witnessed);
    expect(pages.keys()).toEqual([]);
  });

  it("reads FAST_PATH_MAX_MB, 128 MB by default, 0 to turn the fast path off", () => {
    expect(sharedPagesMaxBytes(undefined)).toBe(128 * 1024 * 1024);
    expect(sharedPagesMaxBytes("0")).toBe(0);
    expect(sharedPagesMaxBytes("0.5")).toBe(512 * 1024);
    expect(() => sharedPagesMaxBytes("lots")).toThrow(/FAST_PATH_MAX_MB/);
  });
});

describe("copyHeaders", () => {
  it("keeps Next's headers, drops what belonged to one transfer and marks the copy", () => {
    const headers = copyHeaders(
      [
        ["Vary", "rsc"],
        ["x-nextjs-cache", "MISS"],
        ["Content-Length", "10"],
        ["Date", "now"],
        ["Connection", "keep-alive"],
        ["X-Frame-Options", "DENY"],
      ],
      true,
    );
    expect(headers).toEqual([
      ["Vary", "rsc, Accept-Encoding"],
      ["x-nextjs-cache", "HIT"],
      ["X-Frame-Options", "DENY"],
      ["x-roundtable-cache", "fast"],
    ]);
    expect(copyHeaders([["Content-Type", "application/xml"]], true)).toContainEqual([
      "Vary",
      "Accept-Encoding",
    ]);
    expect(copyHeaders([["Content-Type", "application/xml"]], false)).not.toContainEqual([
      "Vary",
      "Accept-Encoding",
    ]);
  });
});

describe("withReadOnlyNotice", () => {
  it("puts the notice first in the body and leaves bodies without one alone", () => {
    const html = Buffer.from(
      '<html><head><title>Body</title></head><body class="a"><main>Hi</main></body></html>',
    );
    expect(withReadOnlyNotice(html).toString()).toBe(
      `<html><head><title>Body</title></head><body class="a">${READ_ONLY_NOTICE}<main>Hi</main></body></html>`,
    );
    const feed = Buffer.from("<rss><channel></channel></rss>");
    expect(withReadOnlyNotice(feed)).toBe(feed);
  });
});
