import { logger } from "@/lib/logger";

// What a process does when it is asked to stop (SIGTERM from an orchestrator, Ctrl-C): it turns "draining"
// at once, so /api/health/ready answers 503 and the load balancer sends no more traffic; it stops running
// jobs (running ones get to finish); then it hands over to whoever owned the signal before us. Under
// `npm start` that is the server (lib/server/http-server.ts), which stops accepting connections, waits for
// the requests in flight, closes Next and exits. Jobs stop first because the server exits as soon as its
// part is done; meanwhile it keeps answering, and a job added by a request in flight still reaches the
// queue.
// Nothing may take longer than the timeout: then the process exits with code 1.

const SIGNALS = ["SIGTERM", "SIGINT"] as const;
const DEFAULT_TIMEOUT_SECONDS = 25;

type ShutdownState = { installed: boolean; draining: boolean };
const state = globalThis as unknown as { roundtableShutdown?: ShutdownState };

/** True from the moment the process was asked to stop. */
export function isDraining(): boolean {
  return state.roundtableShutdown?.draining === true;
}

/** SHUTDOWN_TIMEOUT_SECONDS (default 25): how long stopping may take before the process exits anyway. */
export function shutdownTimeoutMs(value = process.env.SHUTDOWN_TIMEOUT_SECONDS): number {
  const seconds = Number(value);
  return (value && Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TIMEOUT_SECONDS) * 1000;
}

/** The part of `process` this module uses, so a test can stand in for it. */
export type SignalTarget = Pick<NodeJS.Process, "listeners" | "removeListener" | "on" | "exit">;

type DrainOptions = {
  timeoutMs: number;
  /** Stops running jobs within the time given; the requests in flight are still being answered meanwhile. */
  stopJobs: (timeoutMs: number) => Promise<void>;
  target?: SignalTarget;
};

/**
 * Takes over SIGTERM and SIGINT (once per process): on the first one, drain as described above. Signal
 * handlers registered before this call run after the jobs have stopped; with none, this exits with 0.
 */
export function drainOnShutdown({ timeoutMs, stopJobs, target = process }: DrainOptions): void {
  const shutdown = (state.roundtableShutdown ??= { installed: false, draining: false });
  if (shutdown.installed) return;
  shutdown.installed = true;
  for (const signal of SIGNALS) {
    // One by one, not removeAllListeners: a launcher may keep a handler that `listeners()` does not show
    // (tsx reports the signal to its parent process with one, which otherwise kills this one).
    const owners = target.listeners(signal) as NodeJS.SignalsListener[];
    for (const owner of owners) target.removeListener(signal, owner);
    target.on(signal, () => {
      // Shells and process managers often deliver the same signal twice (to the group and forwarded).
      if (shutdown.draining) return;
      shutdown.draining = true;
      void drain(signal, owners, { timeoutMs, stopJobs, target });
    });
  }
}

async function drain(
  signal: NodeJS.Signals,
  owners: NodeJS.SignalsListener[],
  { timeoutMs, stopJobs, target }: Required<DrainOptions>,
): Promise<void> {
  const started = Date.now();
  logger.info({ signal, timeoutSeconds: timeoutMs / 1000 }, "draining: not ready any more, stopping");
  setTimeout(() => {
    logger.warn({ timeoutSeconds: timeoutMs / 1000 }, "still not stopped after the timeout: exiting now");
    target.exit(1);
  }, timeoutMs).unref();
  try {
    // Keep a second for the server's part; pg-boss waits at least one second for running jobs.
    await stopJobs(Math.max(1_000, timeoutMs - 1_000));
    logger.info({ ms: Date.now() - started }, "jobs stopped");
  } catch (error) {
    logger.error({ err: error }, "could not stop the jobs cleanly");
  }
  if (owners.length === 0) target.exit(0);
  for (const owner of owners) owner(signal);
}
