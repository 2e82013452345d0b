// Two web instances' caches on one PostgreSQL, side by side in this process: each store has its own tag
// store (Next's is one per process), its own LISTEN connection and its own pool, as two servers would.
import { afterEach, describe, expect, it } from "vitest";
import { recordTagExpirations } from "@/lib/data/cache-expirations";
import { findFreePort } from "@/lib/cli/embedded-postgres";
import { startTcpForwarder, type TcpForwarder } from "@/lib/testing/tcp-forwarder";
import { CacheStore } from "./cache-store.mjs";
import type { TagsManifest } from "./next-tags-manifest.mjs";
import { MAX_EXPIRE_SECONDS } from "./tag-bus.mjs";

const liveUrl = process.env.DATABASE_URL!;
const live = new URL(liveUrl);
const opened: CacheStore[] = [];
let forwarder: TcpForwarder | undefined;

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await forwarder?.close();
  forwarder = undefined;
});

async function openInstance(databaseUrl = liveUrl) {
  const manifest: TagsManifest = new Map();
  const store = new CacheStore({ manifest, maxBytes: 1024 * 1024, databaseUrl, log: () => {} });
  opened.push(store);
  await waitFor(() => store.listening, 5_000);
  return { store, manifest };
}

/** Polls `condition` until it holds; returns how long that took. */
async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

let counter = 0;
const uniqueTag = () => `article:cache-test-${process.pid}-${Date.now()}-${++counter}`;
const page = (html: string, tags: string[]) => ({
  kind: "APP_PAGE",
  html,
  headers: { "x-next-cache-tags": tags.join(",") },
  status: 200,
});
const context = { cacheControl: { revalidate: 3600 } };
const read = (store: CacheStore, key: string) => store.get(key, { kind: "APP_PAGE" });

/** A database URL through a forwarder the test can cut and restore, as a network outage would. */
async function forwardedUrl() {
  const port = await findFreePort();
  const url = new URL(liveUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  const target = { host: live.hostname, port: Number(live.port || 5432) };
  forwarder = await startTcpForwarder(port, target);
  return { url: url.toString(), restore: async () => (forwarder = await startTcpForwarder(port, target)) };
}

describe("the cache shared by instances", () => {
  it("expires a page on every instance within a second of an action's updateTag on one", async () => {
    const a = await openInstance();
    const b = await openInstance();
    const tag = uniqueTag();
    await a.store.set("/article", page("v1", [tag]), context);
    await b.store.set("/article", page("v1", [tag]), context);
    await new Promise((resolve) => setTimeout(resolve, 5));

    await a.store.revalidateTag([tag]);
    expect(await read(a.store, "/article")).toBeNull();
    const took = await waitFor(async () => (await read(b.store, "/article")) === null, 1_000);
    expect(took).toBeLessThan(1_000);
  });

  it("marks a page stale on every instance for `max`, serving it while it regenerates", async () => {
    const a = await openInstance();
    const b = await openInstance();
    const tag = uniqueTag();
    await b.store.set("/article", page("v1", [tag]), context);
    const before = (await read(b.store, "/article"))!.lastModified;
    await new Promise((resolve) => setTimeout(resolve, 5));

    await a.store.revalidateTag([tag], { expire: MAX_EXPIRE_SECONDS });
    await waitFor(() => (b.manifest.get(tag)?.stale ?? 0) > before, 1_000);
    expect((await read(b.store, "/article"))?.value.html).toBe("v1");
    expect(b.manifest.get(tag)!.expired).toBeGreaterThan(Date.now() + 300 * 24 * 3600 * 1000);
  });

  it("expires pages on every instance from a job, with no request and no web server involved", async () => {
    const a = await openInstance();
    const b = await openInstance();
    const [now, eventual] = [uniqueTag(), uniqueTag()];
    for (const { store } of [a, b]) {
      await store.set("/now", page("v1", [now]), context);
      await store.set("/eventual", page("v1", [eventual]), context);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));

    await recordTagExpirations([now], [eventual]);
    for (const { store, manifest } of [a, b]) {
      await waitFor(async () => (await read(store, "/now")) === null, 1_000);
      await waitFor(() => manifest.get(eventual)?.stale !== undefined, 1_000);
      expect((await read(store, "/eventual"))?.value.html).toBe("v1");
    }
  });

  it("starts with the expirations recorded before it", async () => {
    const a = await openInstance();
    const tag = uniqueTag();
    await a.store.revalidateTag([tag]);
    const c = await openInstance();
    expect(c.manifest.get(tag)?.expired).toBeLessThanOrEqual(performance.timeOrigin + performance.now());
  });

  it("keeps a tag expired in the table when a later `max` marks it stale, so a new instance misses too", async () => {
    const a = await openInstance();
    const tag = uniqueTag();
    await recordTagExpirations([tag]);
    await recordTagExpirations([], [tag]);
    const c = await openInstance();
    const now = performance.timeOrigin + performance.now();
    expect(c.manifest.get(tag)?.expired).toBeLessThanOrEqual(now);
    await waitFor(() => (a.manifest.get(tag)?.stale ?? 0) > 0, 1_000);
    expect(a.manifest.get(tag)?.expired).toBeLessThanOrEqual(now);
  });

  it("serves nothing while it cannot hear expirations, and catches up from the table on reconnect", async () => {
    const a = await openInstance();
    const { url, restore } = await forwardedUrl();
    const b = await openInstance(url);
    const [changed, untouched] = [uniqueTag(), uniqueTag()];
    await b.store.set("/changed", page("v1", [changed]), context);
    await b.store.set("/untouched", page("v1", [untouched]), context);
    await new Promise((resolve) => setTimeout(resolve, 5));

    await forwarder!.close();
    await waitFor(() => !b.store.listening, 5_000);
    expect(await read(b.store, "/untouched")).toBeNull();
    await a.store.revalidateTag([changed]); // b cannot hear this one
    await b.store.set("/rendered-while-deaf", page("v1", [untouched]), context);

    await restore();
    await waitFor(() => b.store.listening, 10_000);
    expect(await read(b.store, "/changed")).toBeNull();
    expect((await read(b.store, "/untouched"))?.value.html).toBe("v1");
    expect(await read(b.store, "/rendered-while-deaf")).toBeNull();
  });
});
