import { describe, expect, it } from "vitest";
import { isCopyableResponse, sharedPageKey } from "./fast-path-rules";

const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({
  method,
  url,
  headers,
});

describe("sharedPageKey", () => {
  it("keys GET and HEAD requests for reading pages by their path", () => {
    expect(sharedPageKey(request("/articles/career-growth"))).toBe("/articles/career-growth");
    expect(sharedPageKey(request("/", {}, "HEAD"))).toBe("/");
  });

  it("leaves a URL with a query to Next, so random query strings cannot fill the copies", () => {
    expect(sharedPageKey(request("/domains/web/page/2?ref=feed"))).toBeNull();
    expect(sharedPageKey(request("/articles/career-growth?r=8f3a"))).toBeNull();
  });

  it("leaves other methods to Next", () => {
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS"]) {
      expect(sharedPageKey(request("/articles/a", {}, method))).toBeNull();
    }
  });

  it("never keys personal, staff-only or dynamic areas, nor Next's own files", () => {
    for (const url of [
      "/api/viewer",
      "/api/viewer?article=1",
      "/admin",
      "/admin/articles/1",
      "/moderation/log",
      "/settings",
      "/notifications",
      "/following",
      "/search?q=x",
      "/sign-in",
      "/sign-up?callbackUrl=/",
      "/_next/static/chunks/a.js",
    ]) {
      expect(sharedPageKey(request(url)), url).toBeNull();
    }
    expect(sharedPageKey(request("/administrators-guide"))).toBe("/administrators-guide");
  });

  it("leaves RSC requests (navigations, prefetches, actions) and draft mode to Next", () => {
    for (const header of [
      "rsc",
      "next-router-prefetch",
      "next-router-state-tree",
      "next-router-segment-prefetch",
      "next-action",
      "next-url",
    ]) {
      expect(sharedPageKey(request("/articles/a", { [header]: "1" })), header).toBeNull();
    }
    expect(sharedPageKey(request("/articles/a?_rsc=abc"))).toBeNull();
    expect(sharedPageKey(request("/articles/a?x=1&_rsc"))).toBeNull();
    expect(sharedPageKey(request("/articles/a", { cookie: "a=1; __prerender_bypass=xyz" }))).toBeNull();
  });

  it("still answers a signed-in reader: the page is the same for everyone", () => {
    expect(sharedPageKey(request("/articles/a", { cookie: "next-auth.session-token=abc" }))).toBe(
      "/articles/a",
    );
  });
});

describe("isCopyableResponse", () => {
  const cached = {
    "x-nextjs-cache": "HIT",
    "cache-control": "s-maxage=3600, stale-while-revalidate=31532400",
    "content-type": "text/html; charset=utf-8",
  };

  it("copies a 200 from Next's page cache that shared caches may keep", () => {
    for (const state of ["HIT", "MISS", "REVALIDATED"]) {
      expect(isCopyableResponse(200, { ...cached, "x-nextjs-cache": state }), state).toBe(true);
    }
  });

  it("never copies a stale page, an error, a redirect or a dynamic answer", () => {
    expect(isCopyableResponse(200, { ...cached, "x-nextjs-cache": "STALE" })).toBe(false);
    for (const status of [201, 301, 304, 308, 404, 500, 503])
      expect(isCopyableResponse(status, cached)).toBe(false);
    const { "x-nextjs-cache": _, ...dynamic } = cached;
    expect(isCopyableResponse(200, dynamic)).toBe(false);
    expect(
      isCopyableResponse(200, { ...cached, "cache-control": "private, no-cache, no-store, max-age=0" }),
    ).toBe(false);
    expect(isCopyableResponse(200, { ...cached, "cache-control": "public, max-age=60" })).toBe(false);
  });

  it("never copies a response that sets a cookie or is already encoded", () => {
    expect(isCopyableResponse(200, { ...cached, "set-cookie": ["a=1"] })).toBe(false);
    expect(isCopyableResponse(200, { ...cached, "content-encoding": "gzip" })).toBe(false);
  });
});
