import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { CacheStore } from "@/lib/next-cache/cache-store.mjs";
import { notePage } from "@/lib/next-cache/page-witness.mjs";
import { createFastPath, isNotModified } from "./fast-path";
import { SharedPages } from "./shared-pages";

type FakePage = {
  html: string;
  tags?: string[];
  status?: number;
  cacheState?: string;
  cacheControl?: string;
  setCookie?: boolean;
};

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/**
 * The fast path in front of a stand-in for Next that answers like Next's page cache (headers, ETag) and
 * tells the page witness what it served, as the cache store does; the store's tag rules are the real ones.
 */
async function serve(site: Record<string, FakePage>, maxBytes = 1024 * 1024) {
  const clock = { now: 1_000_000 };
  const store = new CacheStore({
    manifest: new Map(),
    maxBytes: 1024 * 1024,
    databaseUrl: null,
    log: () => {},
    now: () => clock.now,
  });
  const pages = new SharedPages({
    maxBytes,
    freshness: (tags, lastModified, revalidate) => store.freshness(tags, lastModified, revalidate),
  });
  const world = { hears: true, reachable: true, redirects: new Map<string, string>(), nextCalls: 0 };
  const next = (req: IncomingMessage, res: ServerResponse) => {
    world.nextCalls += 1;
    const page = site[req.url ?? ""];
    if (!page) {
      res.statusCode = 404;
      res.end("not found");
      return;
    }
    notePage({ tags: page.tags ?? [], lastModified: clock.now, revalidate: 3600 });
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Vary", "rsc, next-router-state-tree");
    if (page.setCookie) res.setHeader("Set-Cookie", "session=abc");
    res.setHeader("x-nextjs-cache", page.cacheState ?? "MISS");
    res.setHeader("Cache-Control", page.cacheControl ?? "s-maxage=3600, stale-while-revalidate=31532400");
    res.setHeader("ETag", `"${Buffer.from(page.html).toString("base64url").slice(0, 12)}"`);
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.statusCode = page.status ?? 200;
    res.write(page.html.slice(0, 10));
    res.end(page.html.slice(10));
  };
  const handler = createFastPath({
    pages,
    next,
    compress: () => {},
    hearsExpirations: () => world.hears,
    databaseReachable: async () => world.reachable,
    articleRedirectTarget: async (slug) => world.redirects.get(slug) ?? null,
    log: () => {},
  });
  const server = http.createServer((req, res) => void handler(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const request = http.request({ port, path, headers, method, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      });
      request.on("error", reject);
      request.end();
    });
  /** Asks until the fast path answers (its copy is ready), or fails after a while. */
  const untilFast = async (path: string, headers: Record<string, string> = {}) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const answer = await get(path, headers);
      if (answer.headers["x-roundtable-cache"] === "fast") return answer;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${path} never came from the fast path`);
  };
  return { get, untilFast, world, store, clock, pages };
}

const article = (text: string, tags = ["article:1"]): FakePage => ({
  html: `<!doctype html><html><head><title>t</title></head><body class="x"><main>${text.repeat(200)}</main></body></html>`,
  tags,
});

describe("the fast path", () => {
  it("answers the second request from a copy of Next's answer, with its headers, without asking Next", async () => {
    const { get, untilFast, world } = await serve({ "/articles/a": article("Hello ") });
    const fromNext = await get("/articles/a");
    expect(fromNext.headers["x-roundtable-cache"]).toBeUndefined();
    const copy = await untilFast("/articles/a");
    const calls = world.nextCalls;
    const again = await get("/articles/a");
    expect(world.nextCalls).toBe(calls);
    expect(again.body.equals(fromNext.body)).toBe(true);
    expect(again.headers["x-nextjs-cache"]).toBe("HIT");
    expect(again.headers.etag).toBe(fromNext.headers.etag);
    expect(again.headers["x-frame-options"]).toBe("DENY");
    expect(again.headers["cache-control"]).toBe(fromNext.headers["cache-control"]);
    expect(again.headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");
    expect(again.headers["content-length"]).toBe(String(fromNext.body.length));
    expect(copy.headers["set-cookie"]).toBeUndefined();
  });

  it("sends the brotli, gzip or plain form the client accepts, each decoding to Next's bytes", async () => {
    const { get, untilFast } = await serve({ "/articles/a": article("Hello ") });
    const plain = (await get("/articles/a")).body;
    await untilFast("/articles/a");
    const br = await get("/articles/a", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.body).equals(plain)).toBe(true);
    const gzip = await get("/articles/a", { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).equals(plain)).toBe(true);
    const identity = await get("/articles/a", { "accept-encoding": "identity" });
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.equals(plain)).toBe(true);
  });

  it("answers a matching If-None-Match with 304 and HEAD with the headers alone", async () => {
    const { get, untilFast } = await serve({ "/articles/a": article("Hello ") });
    const copy = await untilFast("/articles/a");
    const etag = String(copy.headers.etag);
    const notModified = await get("/articles/a", { "if-none-match": `W/${etag}` });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.headers["content-type"]).toBeUndefined();
    expect((await get("/articles/a", { "if-none-match": '"other"' })).status).toBe(200);
    const head = await get("/articles/a", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(copy.body.length));
  });

  it("never copies a response that sets a cookie, a stale page, an error or a dynamic answer", async () => {
    const { get, world } = await serve({
      "/cookie": { ...article("a"), setCookie: true },
      "/stale": { ...article("b"), cacheState: "STALE" },
      "/gone": { ...article("c"), status: 404 },
      "/dynamic": { ...article("d"), cacheState: "", cacheControl: "private, no-cache, no-store" },
    });
    for (const path of ["/cookie", "/stale", "/gone", "/dynamic"]) {
      for (let i = 0; i < 3; i++) {
        const answer = await get(path);
        expect(answer.headers["x-roundtable-cache"], path).toBeUndefined();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    expect(world.nextCalls).toBe(12);
  });

  it("leaves RSC requests, other methods and old article addresses to Next, even with a copy", async () => {
    const { get, untilFast, world } = await serve({ "/articles/a": article("Hello ") });
    await untilFast("/articles/a");
    const calls = world.nextCalls;
    await get("/articles/a", { rsc: "1" });
    await get("/articles/a?_rsc=x1");
    await get("/articles/a", {}, "POST");
    world.redirects.set("a", "b");
    await get("/articles/a");
    expect(world.nextCalls).toBe(calls + 4);
  });

  it("drops a copy when one of its tags expires or turns stale, or its revalidate time passes", async () => {
    const { get, untilFast, world, store, clock } = await serve({
      "/articles/a": article("Hello ", ["_N_T_/layout", "article:1"]),
    });
    const miss = async () => {
      const calls = world.nextCalls;
      const answer = await get("/articles/a");
      expect(answer.headers["x-roundtable-cache"]).toBeUndefined();
      expect(world.nextCalls).toBe(calls + 1);
    };
    await untilFast("/articles/a");
    clock.now += 10;
    store.applyExpiration(["article:2"], undefined);
    expect((await get("/articles/a")).headers["x-roundtable-cache"]).toBe("fast");
    store.applyExpiration(["article:1"], undefined);
    clock.now += 10;
    await miss();
    await untilFast("/articles/a");
    clock.now += 10;
    store.applyExpiration(["_N_T_/layout"], { expire: 3600 });
    clock.now += 10;
    await miss();
    await untilFast("/articles/a");
    clock.now += 3600 * 1000 + 1;
    await miss();
  });

  it("while the database is away, serves its copies with the notice; without a copy, Next answers", async () => {
    const { get, untilFast, world, clock } = await serve({
      "/articles/a": article("Hello "),
      "/articles/b": article("Other "),
    });
    const normal = await untilFast("/articles/a");
    world.hears = false;
    // Deaf but the database answers: nothing can be vouched for, so Next answers.
    expect((await get("/articles/a")).headers["x-roundtable-cache"]).toBeUndefined();
    world.reachable = false;
    clock.now += 3600 * 1000 + 1; // past its revalidate time: still the best there is
    const away = await get("/articles/a", { "accept-encoding": "br" });
    expect(away.status).toBe(200);
    expect(away.headers["x-roundtable-cache"]).toBe("fast");
    expect(away.headers["cache-control"]).toBe("no-store");
    expect(away.headers.etag).not.toBe(normal.headers.etag);
    const html = zlib.brotliDecompressSync(away.body).toString();
    expect(html).toMatch(
      /<body class="x"><div role="status" data-read-only-notice=""[^>]*>Roundtable is read-only/,
    );
    expect(html).toContain("Hello Hello");
    const calls = world.nextCalls;
    await get("/articles/b");
    expect(world.nextCalls).toBe(calls + 1);
  });
});

describe("isNotModified", () => {
  it("compares entity tags weakly, honours * and a request for no cached answer", () => {
    expect(isNotModified({ "if-none-match": '"a"' }, '"a"')).toBe(true);
    expect(isNotModified({ "if-none-match": 'W/"a"' }, '"a"')).toBe(true);
    expect(isNotModified({ "if-none-match": '"b", W/"a"' }, '"a"')).toBe(true);
    expect(isNotModified({ "if-none-match": "*" }, '"a"')).toBe(true);
    expect(isNotModified({ "if-none-match": '"b"' }, '"a"')).toBe(false);
    expect(isNotModified({}, '"a"')).toBe(false);
    expect(isNotModified({ "if-none-match": '"a"' }, undefined)).toBe(false);
    expect(isNotModified({ "if-none-match": '"a"', "cache-control": "no-cache" }, '"a"')).toBe(false);
  });
});
