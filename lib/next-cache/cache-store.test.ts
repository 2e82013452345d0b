import { describe, expect, it } from "vitest";
import { cacheMaxBytes, CacheStore, MAX_RENDER_MS } from "./cache-store.mjs";
import type { TagsManifest } from "./next-tags-manifest.mjs";

/** A store of this process alone, on a clock the test moves. */
function localStore(maxBytes = 1024 * 1024) {
  const clock = { now: 1_000_000 };
  const manifest: TagsManifest = new Map();
  const store = new CacheStore({
    manifest,
    maxBytes,
    databaseUrl: null,
    log: () => {},
    now: () => clock.now,
  });
  return { store, manifest, clock };
}

const page = (html: string, tags: string[]) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(html),
  headers: { "x-next-cache-tags": tags.join(",") },
  status: 200,
});
const pageContext = { cacheControl: { revalidate: 3600, expire: undefined } };
const fetchValue = (body: string) => ({
  kind: "FETCH",
  data: { headers: {}, body, url: "" },
  revalidate: 3600,
});

describe("CacheStore", () => {
  it("serves what it stored, with the page's lifetime", async () => {
    const { store } = localStore();
    await store.set("/article", page("v1", ["article:1"]), pageContext);
    const hit = await store.get("/article", { kind: "APP_PAGE" });
    expect(hit?.value.html).toBe("v1");
    expect(hit?.cacheControl).toEqual(pageContext.cacheControl);
  });

  it("misses a page whose tag expired after it was rendered, and serves one rendered after", async () => {
    const { store, clock } = localStore();
    await store.set("/article", page("v1", ["_N_T_/layout", "article:1"]), pageContext);
    clock.now += 10;
    await store.revalidateTag("article:1");
    clock.now += 10;
    expect(await store.get("/article", { kind: "APP_PAGE" })).toBeNull();
    clock.now += 10;
    await store.set("/article", page("v2", ["article:1"]), pageContext);
    expect((await store.get("/article", { kind: "APP_PAGE" }))?.value.html).toBe("v2");
  });

  it("leaves a page stale rather than expired for a profile (`max`), as Next's own cache does", async () => {
    const { store, manifest, clock } = localStore();
    await store.set("/article", page("v1", ["article:1"]), pageContext);
    clock.now += 10;
    await store.revalidateTag(["article:1"], { expire: 60 });
    clock.now += 10;
    const stale = await store.get("/article", { kind: "APP_PAGE" });
    expect(stale?.value.html).toBe("v1");
    // What Next reads after get(): stale since after the entry was made, expired only in a minute.
    const tag = manifest.get("article:1")!;
    expect(tag.stale).toBeGreaterThan(stale!.lastModified);
    expect(tag.expired).toBe(tag.stale! + 60_000);
    clock.now += 60_000;
    expect(await store.get("/article", { kind: "APP_PAGE" })).toBeNull();
  });

  it("keeps a page expired when a later `max` marks the same tag stale", async () => {
    const { store, clock } = localStore();
    await store.set("/article", page("v1", ["article:1"]), pageContext);
    clock.now += 10;
    await store.revalidateTag("article:1"); // an insight edit: expired now
    clock.now += 10;
    await store.revalidateTag(["article:1"], { expire: 365 * 24 * 3600 }); // a rename: stale later
    clock.now += 10;
    expect(await store.get("/article", { kind: "APP_PAGE" })).toBeNull();
  });

  it("treats `expire: 0` as expired now", async () => {
    const { store, clock } = localStore();
    await store.set("/article", page("v1", ["article:1"]), pageContext);
    clock.now += 10;
    await store.revalidateTag("article:1", { expire: 0 });
    expect(await store.get("/article", { kind: "APP_PAGE" })).toBeNull();
  });

  it("stamps a render with the miss that started it, so an expiration during the render wins", async () => {
    const { store, clock } = localStore();
    expect(await store.get("/article", { kind: "APP_PAGE" })).toBeNull(); // the render reads the database now
    clock.now += 500;
    await store.revalidateTag("article:1"); // a write commits while it renders
    clock.now += 500;
    await store.set("/article", page("read before the write", ["article:1"]), pageContext);
    expect(await store.get("/article", { kind: "APP_PAGE" })).toBeNull();
    clock.now += 500;
    await store.set("/article", page("read after the write", ["article:1"]), pageContext);
    expect((await store.get("/article", { kind: "APP_PAGE" }))?.value.html).toBe("read after the write");
  });

  it("does not let a fresh hit's read stand for a later render's start", async () => {
    const { store, clock } = localStore();
    await store.set("/article", page("v1", ["article:1"]), pageContext);
    clock.now += 10;
    expect(await store.get("/article", { kind: "APP_PAGE" })).not.toBeNull(); // served, nothing renders
    clock.now += 10;
    await store.revalidateTag("article:1");
    clock.now += 10;
    expect(await store.get("/article", { kind: "APP_PAGE" })).toBeNull(); // this render starts after it
    clock.now += 10;
    await store.set("/article", page("v2", ["article:1"]), pageContext);
    expect((await store.get("/article", { kind: "APP_PAGE" }))?.value.html).toBe("v2");
  });

  it("stamps the background render of a page past its revalidate time with the read that served it", async () => {
    const { store, clock } = localStore();
    await store.set("/article", page("v1", ["article:1"]), pageContext);
    clock.now += 3_600_001;
    expect(await store.get("/article", { kind: "APP_PAGE" })).not.toBeNull(); // Next regenerates it now
    const servedAt = clock.now;
    clock.now += 200;
    await store.set("/article", page("v2", ["article:1"]), pageContext);
    expect((await store.get("/article", { kind: "APP_PAGE" }))?.lastModified).toBe(servedAt);
  });

  it("stamps a render longer than the longest it believes in as if it had just that long", async () => {
    const { store, clock } = localStore();
    await store.get("/slow", { kind: "APP_PAGE" });
    clock.now += MAX_RENDER_MS + 5_000;
    await store.set("/slow", page("v1", []), pageContext);
    expect((await store.get("/slow", { kind: "APP_PAGE" }))?.lastModified).toBe(clock.now - MAX_RENDER_MS);
  });

  it("expires an unstable_cache entry through its own tags or the reading page's", async () => {
    const { store, clock } = localStore();
    const read = { kind: "FETCH", tags: ["article:1"], softTags: ["_N_T_/articles/a"] };
    await store.get("k", read);
    await store.set("k", fetchValue("{}"), { fetchCache: true, tags: ["article:1"] });
    clock.now += 10;
    expect(await store.get("k", read)).not.toBeNull();
    await store.revalidateTag("_N_T_/articles/a");
    clock.now += 10;
    expect(await store.get("k", read)).toBeNull();
  });

  it("stays within its byte bound", async () => {
    const { store } = localStore(3_000);
    await store.set("/a", page("a".repeat(1_000), []), pageContext);
    await store.set("/b", page("b".repeat(1_000), []), pageContext);
    expect(store.bytes).toBeLessThanOrEqual(3_000);
    expect(await store.get("/a", { kind: "APP_PAGE" })).toBeNull();
    expect(await store.get("/b", { kind: "APP_PAGE" })).not.toBeNull();
  });

  it("vouches for everything it holds when there is no other instance to hear from", () => {
    expect(localStore().store.listening).toBe(true);
  });
});

describe("cacheMaxBytes", () => {
  it("reads CACHE_MAX_MB in megabytes, 256 by default", () => {
    expect(cacheMaxBytes(undefined)).toBe(256 * 1024 * 1024);
    expect(cacheMaxBytes("")).toBe(256 * 1024 * 1024);
    expect(cacheMaxBytes("0.5")).toBe(512 * 1024);
  });

  it("refuses a bound that is not a positive number", () => {
    expect(() => cacheMaxBytes("lots")).toThrow(/CACHE_MAX_MB/);
    expect(() => cacheMaxBytes("0")).toThrow(/CACHE_MAX_MB/);
  });
});
