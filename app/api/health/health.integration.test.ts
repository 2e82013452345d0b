import { NextRequest } from "next/server";
import type pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as getHealth } from "@/app/api/health/route";
import { GET as getLive } from "@/app/api/health/live/route";
import { GET as getReady } from "@/app/api/health/ready/route";
import { proxy } from "@/proxy";
import { findFreePort } from "@/lib/cli/embedded-postgres";
import { databaseReachable } from "@/lib/database-health";
import { type TcpForwarder, startTcpForwarder } from "@/lib/testing/tcp-forwarder";

const liveUrl = process.env.DATABASE_URL!;
const live = new URL(liveUrl);
const UNHEALTHY_TTL_MS = 1_000;

const health = globalThis as unknown as {
  roundtableDbHealth?: { pool?: pg.Pool; pending?: Promise<boolean> };
};

/** Forgets the cached answer and its pool, as a freshly started app would have none. */
async function resetHealth() {
  const state = health.roundtableDbHealth;
  delete health.roundtableDbHealth;
  await state?.pending;
  await state?.pool?.end();
}

/** DATABASE_URL on a local port where nothing listens (yet). */
async function urlOnClosedPort() {
  const port = await findFreePort();
  const url = new URL(liveUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return { port, url: url.toString() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let forwarder: TcpForwarder | undefined;

beforeEach(resetHealth);

afterEach(async () => {
  await resetHealth();
  await forwarder?.close();
  forwarder = undefined;
  process.env.DATABASE_URL = liveUrl;
});

afterAll(resetHealth);

describe("databaseReachable", () => {
  it("is true when the database answers", async () => {
    await expect(databaseReachable()).resolves.toBe(true);
  });

  it("is false, quickly, when nothing listens at DATABASE_URL", async () => {
    process.env.DATABASE_URL = (await urlOnClosedPort()).url;
    const started = performance.now();
    await expect(databaseReachable()).resolves.toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("recovers once the database is back on the same address and the unhealthy answer has expired", async () => {
    const { port, url } = await urlOnClosedPort();
    process.env.DATABASE_URL = url;
    await expect(databaseReachable()).resolves.toBe(false);

    // The database comes back where the app expects it.
    forwarder = await startTcpForwarder(port, { host: live.hostname, port: Number(live.port || 5432) });
    await sleep(UNHEALTHY_TTL_MS + 200);
    await expect(databaseReachable()).resolves.toBe(true);
  });
});

describe("health checks", () => {
  it("are all 200 while the database answers and the instance is not stopping", async () => {
    expect(getLive().status).toBe(200);
    const ready = await getReady();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", database: true, draining: false });
    expect((await getHealth()).status).toBe(200);
  });
});

describe("proxy", () => {
  it("lets requests through while the database answers", async () => {
    const response = await proxy(new NextRequest("http://localhost/articles/x"));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  describe("while the database is unreachable", () => {
    beforeEach(async () => {
      process.env.DATABASE_URL = (await urlOnClosedPort()).url;
    });

    it("answers pages with a friendly 503 page", async () => {
      const response = await proxy(new NextRequest("http://localhost/articles/x"));
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toMatch(/temporarily unavailable/i);
    });

    it("answers the API with a JSON 503", async () => {
      const response = await proxy(new NextRequest("http://localhost/api/insights"));
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toMatchObject({
        error: "UNAVAILABLE",
        message: expect.stringMatching(/temporarily unavailable/i),
      });
    });

    it("lets the health checks through, so they answer for themselves", async () => {
      for (const path of ["/api/health", "/api/health/live", "/api/health/ready"]) {
        const response = await proxy(new NextRequest(`http://localhost${path}`));
        expect(response.headers.get("x-middleware-next"), path).toBe("1");
      }
    });

    it("is alive but not ready, and /api/health says unavailable", async () => {
      expect(getLive().status).toBe(200);
      const ready = await getReady();
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "unavailable", database: false, draining: false });
      const health = await getHealth();
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: "unavailable", database: false });
    });

    it("lets requests through again once the database is back", async () => {
      const { port, url } = await urlOnClosedPort();
      process.env.DATABASE_URL = url;
      expect((await proxy(new NextRequest("http://localhost/articles/x"))).status).toBe(503);
      forwarder = await startTcpForwarder(port, { host: live.hostname, port: Number(live.port || 5432) });
      await sleep(UNHEALTHY_TTL_MS + 200);
      expect((await proxy(new NextRequest("http://localhost/articles/x"))).status).toBe(200);
    });
  });
});
