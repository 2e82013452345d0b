import { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { drainOnShutdown, isDraining, shutdownTimeoutMs, type SignalTarget } from "./shutdown";

/** A stand-in for `process`: signals are events, and exit is recorded instead of ending the test run. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const exit = vi.fn();
  const target = Object.assign(emitter, { exit }) as unknown as SignalTarget & EventEmitter;
  return { target, exit, emitter };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  delete (globalThis as { roundtableShutdown?: unknown }).roundtableShutdown;
});

afterEach(() => {
  vi.useRealTimers();
});

describe("shutdownTimeoutMs", () => {
  it("reads SHUTDOWN_TIMEOUT_SECONDS, 25 s by default or when unreadable", () => {
    expect(shutdownTimeoutMs("10")).toBe(10_000);
    expect(shutdownTimeoutMs("0.5")).toBe(500);
    for (const value of [undefined, "", "0", "-3", "soon"])
      expect(shutdownTimeoutMs(value), value).toBe(25_000);
  });
});

describe("drainOnShutdown", () => {
  it("turns draining at once, stops the jobs, then hands the signal to the server's own handler", async () => {
    const { target, exit, emitter } = fakeProcess();
    const order: string[] = [];
    let finishJobs = () => {};
    const serverHandler = vi.fn((signal: string) => order.push(`server ${signal}`));
    emitter.on("SIGTERM", serverHandler);
    const stopJobs = vi.fn(
      () => new Promise<void>((resolve) => (finishJobs = () => (order.push("jobs stopped"), resolve()))),
    );
    drainOnShutdown({ timeoutMs: 10_000, stopJobs, target });

    expect(isDraining()).toBe(false);
    emitter.emit("SIGTERM", "SIGTERM");
    expect(isDraining()).toBe(true);
    expect(stopJobs).toHaveBeenCalledWith(9_000);
    expect(serverHandler).not.toHaveBeenCalled();

    finishJobs();
    await flush();
    expect(order).toEqual(["jobs stopped", "server SIGTERM"]);
    expect(exit).not.toHaveBeenCalled(); // the server's handler decides how the process ends
  });

  it("drains once however many signals arrive", async () => {
    const { target, emitter } = fakeProcess();
    const serverHandler = vi.fn();
    emitter.on("SIGINT", serverHandler);
    const stopJobs = vi.fn(() => Promise.resolve());
    drainOnShutdown({ timeoutMs: 10_000, stopJobs, target });
    emitter.emit("SIGINT", "SIGINT");
    emitter.emit("SIGTERM", "SIGTERM");
    emitter.emit("SIGINT", "SIGINT");
    await flush();
    expect(stopJobs).toHaveBeenCalledTimes(1);
    expect(serverHandler).toHaveBeenCalledTimes(1);
  });

  it("exits with 0 itself when nothing else handled the signal", async () => {
    const { target, exit, emitter } = fakeProcess();
    drainOnShutdown({ timeoutMs: 10_000, stopJobs: () => Promise.resolve(), target });
    emitter.emit("SIGTERM", "SIGTERM");
    await flush();
    expect(exit).toHaveBeenCalledExactlyOnceWith(0);
  });

  it("still hands over when the jobs could not be stopped cleanly", async () => {
    const { target, exit, emitter } = fakeProcess();
    drainOnShutdown({ timeoutMs: 10_000, stopJobs: () => Promise.reject(new Error("gone")), target });
    emitter.emit("SIGTERM", "SIGTERM");
    await flush();
    expect(exit).toHaveBeenCalledExactlyOnceWith(0);
  });

  it("exits with 1 when stopping takes longer than the timeout", async () => {
    vi.useFakeTimers();
    const { target, exit, emitter } = fakeProcess();
    drainOnShutdown({ timeoutMs: 5_000, stopJobs: () => new Promise(() => {}), target });
    emitter.emit("SIGTERM", "SIGTERM");
    await vi.advanceTimersByTimeAsync(4_999);
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
  });

  it("installs itself once per process", async () => {
    const first = fakeProcess();
    const second = fakeProcess();
    drainOnShutdown({ timeoutMs: 10_000, stopJobs: () => Promise.resolve(), target: first.target });
    drainOnShutdown({ timeoutMs: 10_000, stopJobs: () => Promise.resolve(), target: second.target });
    expect(first.emitter.listenerCount("SIGTERM")).toBe(1);
    expect(second.emitter.listenerCount("SIGTERM")).toBe(0);
  });
});
