import { EventEmitter } from "node:events";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { drainOnShutdown, type SignalTarget } from "@/lib/shutdown";
import { GET as getReady } from "./route";

vi.mock("@/lib/database-health", () => ({ databaseReachable: () => Promise.resolve(true) }));

beforeEach(() => {
  delete (globalThis as { roundtableShutdown?: unknown }).roundtableShutdown;
});

describe("GET /api/health/ready", () => {
  it('turns 503 "draining" the moment a SIGTERM starts the shutdown', async () => {
    const emitter = new EventEmitter();
    const target = Object.assign(emitter, { exit: vi.fn() }) as unknown as SignalTarget & EventEmitter;
    drainOnShutdown({ timeoutMs: 10_000, stopJobs: () => new Promise<void>(() => {}), target });

    expect((await getReady()).status).toBe(200);
    emitter.emit("SIGTERM", "SIGTERM");
    const ready = await getReady();
    expect(ready.status).toBe(503);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(await ready.json()).toEqual({ status: "draining", database: true, draining: true });
  });
});
