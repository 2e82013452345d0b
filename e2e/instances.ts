// The multi-instance layout (README, "Several instances") as processes a test or a benchmark can start:
// web instances started the way `npm start` starts one, the job worker the way `npm run worker` does, a
// throw-away database for them, and a clock for "how long until every instance serves a change". Plain
// Node (no Playwright), so the bench can use it too. Expects a production build in .next/.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { dropDatabase, ensureDatabase, findFreePort } from "../lib/cli/embedded-postgres";
import { migrateDeploy } from "../lib/cli/processes";
import { isLocalDatabaseUrl, withDatabase } from "../lib/testing/local-database";

export type StartedProcess = {
  name: string;
  pid: number;
  /** everything the process has printed so far, stdout and stderr interleaved */
  output: () => string;
  /** its exit code (128 + the signal's number when a signal ended it) */
  exited: Promise<number>;
  /** SIGTERM, as an orchestrator stops it; then the exit code */
  terminate: () => Promise<number>;
  /** ends it and everything it started at once; safe to call more than once, and after it exited */
  kill: () => Promise<void>;
};

export type WebInstance = StartedProcess & { port: number; origin: string };

/** What every instance of one deployment shares (lib/cli/instances.ts refuses to start without it). */
export function deploymentEnv(instances: number): Record<string, string> {
  return {
    INSTANCES: String(instances),
    DEPLOYMENT_ID: `test-${randomBytes(4).toString("hex")}`,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
}

const running = new Set<StartedProcess>();
// Last resort if the caller never gets to clean up (an exception in the runner): each process leads its own
// process group, which would otherwise outlive us.
process.once("exit", () => {
  for (const started of running) killGroup(started.pid);
});

function killGroup(pid: number) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * Spawns `node --import tsx <args>` (how package.json runs `npm start` and `npm run worker`) as the leader
 * of its own process group: it may start Next, and killing the group ends all of them. SIGTERM goes to the
 * leader only, which passes it on like `npm start`.
 */
function spawnTsx(name: string, args: string[], env: NodeJS.ProcessEnv): StartedProcess {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", ...args], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${name} (node --import tsx ${args.join(" ")}).`);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0))),
  );
  const started: StartedProcess = {
    name,
    pid,
    output: () => output,
    exited,
    terminate: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
    kill: async () => {
      killGroup(pid);
      await Promise.race([exited, sleep(5_000, undefined, { ref: false })]);
      running.delete(started);
    },
  };
  running.add(started);
  void exited.then(() => {
    // What it left running goes with it, as with an orchestrator (a container ends with its main process):
    // an instance that exits before Next has answered its requests in flight is caught here.
    killGroup(pid);
    running.delete(started);
  });
  return started;
}

/** Waits until `check` is true; fails, saying `what` did not happen, after `timeoutMs` or if the process exits. */
async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  options: { timeoutMs: number; process?: StartedProcess },
): Promise<void> {
  let gone = false;
  void options.process?.exited.then(() => (gone = true));
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    if (await check()) return;
    const tail = options.process ? `\n--- ${options.process.name} said:\n${options.process.output()}` : "";
    if (gone) throw new Error(`${options.process?.name} exited before ${what}.${tail}`);
    if (performance.now() > deadline)
      throw new Error(`Timed out after ${options.timeoutMs} ms: ${what}.${tail}`);
    await sleep(100);
  }
}

/** Whether the instance at `origin` says it can take traffic. */
export async function isReady(origin: string): Promise<boolean> {
  const response = await fetch(`${origin}/api/health/ready`, { signal: AbortSignal.timeout(5_000) }).catch(
    () => null,
  );
  await response?.body?.cancel();
  return response?.status === 200;
}

/**
 * One web instance: `lib/cli/run.ts start` (what `npm start` runs) on a free port with jobs kept out
 * (JOBS_IN_PROCESS=0), resolved once `/api/health/ready` answers 200. `env` must carry DATABASE_URL (so no
 * embedded database starts), NEXTAUTH_SECRET and, for more than one instance, `deploymentEnv()`.
 */
export async function startWebInstance(options: {
  name: string;
  env: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
}): Promise<WebInstance> {
  if (!options.env.DATABASE_URL) throw new Error(`${options.name} needs DATABASE_URL.`);
  const port = await findFreePort();
  // Readers reach each instance at its own address here; behind a load balancer all share one NEXTAUTH_URL.
  const origin = `http://localhost:${port}`;
  const started = spawnTsx(options.name, ["lib/cli/run.ts", "start"], {
    ...options.env,
    PORT: String(port),
    NEXTAUTH_URL: origin,
    JOBS_IN_PROCESS: "0",
    INSTANCE_ID: options.name,
  });
  const instance: WebInstance = { ...started, port, origin };
  try {
    await until(`${options.name} answered /api/health/ready`, () => isReady(origin), {
      timeoutMs: options.readyTimeoutMs ?? 60_000,
      process: instance,
    });
  } catch (error) {
    await instance.kill();
    throw error;
  }
  return instance;
}

/**
 * The job worker: `lib/cli/worker.ts` with `--conditions=react-server` (what `npm run worker` runs), resolved
 * once it has created pg-boss's tables and queues and runs jobs. Start it before web instances that send.
 */
export async function startWorker(options: {
  name?: string;
  env: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
}): Promise<StartedProcess> {
  const name = options.name ?? "worker";
  if (!options.env.DATABASE_URL) throw new Error(`${name} needs DATABASE_URL.`);
  const worker = spawnTsx(name, ["--conditions=react-server", "lib/cli/worker.ts"], {
    ...options.env,
    INSTANCE_ID: name,
  });
  try {
    // lib/cli/worker.ts prints this once startJobWorker() has registered every job.
    await until(`${name} started its jobs`, () => worker.output().includes("job worker running"), {
      timeoutMs: options.readyTimeoutMs ?? 60_000,
      process: worker,
    });
  } catch (error) {
    await worker.kill();
    throw error;
  }
  return worker;
}

export type ThrowAwayDatabase = { url: string; drop: () => Promise<void> };

/**
 * A new, migrated database on the (local) server behind `serverUrl`, for one test's processes alone.
 * `drop()` removes it, closing whatever connections are still open to it.
 */
export async function createThrowAwayDatabase(serverUrl: string, prefix: string): Promise<ThrowAwayDatabase> {
  if (!isLocalDatabaseUrl(serverUrl)) throw new Error("Throw-away databases are only made on this machine.");
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const adminUrl = withDatabase(serverUrl, "postgres");
  await ensureDatabase(adminUrl, name);
  const drop = () => dropDatabase(adminUrl, name);
  const url = withDatabase(serverUrl, name);
  try {
    await migrateDeploy(url);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, drop };
}

export type Served = { origin: string; afterMs: number };

/**
 * Polls `path` on every instance until each answers 200 with a body for which `serves` is true, and says
 * when each first did, in milliseconds after `since` (a `performance.now()` reading, e.g. when the change
 * was saved). Fails naming the instances still behind once `timeoutMs` after `since` has passed.
 */
export async function timeUntilServed(
  origins: string[],
  path: string,
  serves: (body: string) => boolean,
  options: { since: number; timeoutMs: number; headers?: Record<string, string> },
): Promise<Served[]> {
  const deadline = options.since + options.timeoutMs;
  return Promise.all(
    origins.map(async (origin) => {
      let last = "no answer yet";
      while (performance.now() < deadline) {
        const response = await fetch(`${origin}${path}`, {
          headers: options.headers,
          signal: AbortSignal.timeout(Math.max(1, Math.ceil(deadline - performance.now()))),
        }).catch((error: unknown) => error as Error);
        if (response instanceof Error) last = response.message;
        else {
          const body = await response.text().catch(() => "");
          const answered = performance.now();
          if (response.status === 200 && serves(body)) return { origin, afterMs: answered - options.since };
          last = `${response.status}, not the change yet`;
        }
        await sleep(20);
      }
      throw new Error(`${origin}${path} did not serve the change within ${options.timeoutMs} ms (${last}).`);
    }),
  );
}
