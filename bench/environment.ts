// What `npm run bench` runs on: a throw-away durable PostgreSQL with the demo content and the bench's own
// members and articles, production servers from the existing build, and the cores everything is pinned to.
// Everything it starts is stopped and its folder removed at the end, also on failure and on Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { findFreePort, startEmbeddedPostgres, type EmbeddedServer } from "../lib/cli/embedded-postgres";
import { migrateDeploy } from "../lib/cli/processes";
import { untilGone } from "../lib/cli/test-database";
import { cleanUpOnSignals } from "./signals";

export const TSX = path.resolve("node_modules/.bin/tsx");
const BENCH_ROOT = path.resolve(".data/bench");

/** The demo article the page figures are about: ~200 KB of HTML, the largest of the seed. */
export const ARTICLE_SLUG = "frontend-vs-backend-career-growth";

export type Pinning = {
  /** command prefix for the server side (Next and the raw server; PostgreSQL is pinned after it starts) */
  server: string[];
  /** command prefix for the load generator */
  load: string[];
  serverCore?: string;
  description: string;
};

/** Server on core 0, load generator on core 1, when taskset exists and there are two cores to split. */
export function choosePinning(): Pinning {
  const cores = os.availableParallelism();
  const taskset = spawnSync("taskset", ["-V"], { stdio: "ignore" }).status === 0;
  if (taskset && cores >= 2) {
    return {
      server: ["taskset", "-c", "0"],
      load: ["taskset", "-c", "1"],
      serverCore: "0",
      description: `server and its PostgreSQL pinned to core 0, load generator to core 1 (taskset; ${cores} cores)`,
    };
  }
  return {
    server: [],
    load: [],
    description: `WARNING: not pinned (${taskset ? `only ${cores} core` : "no taskset"}): server and load generator share the CPU, so the figures understate the server`,
  };
}

/** Pins a running process and everything it has started to `core` (new children inherit it). */
export function pinProcessTree(pid: number, core: string) {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // the command name may hold spaces and parentheses: the parent pid follows the last ")"
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const pending = [pid];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    spawnSync("taskset", ["-a", "-p", "-c", core, String(next)], { stdio: "ignore" });
    pending.push(...(children.get(next) ?? []));
  }
}

export type Cleanup = () => Promise<unknown>;

/** Cleanups run in reverse order of registration, once, also on Ctrl-C and SIGTERM. */
export function cleanupRegistry() {
  const steps: Cleanup[] = [];
  let running: Promise<void> | undefined;
  const run = () =>
    (running ??= (async () => {
      for (const step of steps.splice(0).reverse()) {
        await step().catch((error: unknown) => console.error(`[bench] cleanup: ${String(error)}`));
      }
    })());
  cleanUpOnSignals(run);
  return { add: (step: Cleanup) => steps.push(step), run };
}

export type Database = { url: string; server: EmbeddedServer; settings: string };

/**
 * A durable cluster (fsync and synchronous_commit on, PostgreSQL's defaults: the test clusters turn them
 * off), migrated and seeded with the demo content.
 */
export async function openDatabase(add: (step: Cleanup) => void, pinning: Pinning): Promise<Database> {
  const runId = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${randomBytes(3).toString("hex")}`;
  const dir = path.join(BENCH_ROOT, runId);
  const server = await startEmbeddedPostgres({ dir, ephemeral: false });
  add(async () => {
    const pidFile = path.join(server.dir, "data", "postmaster.pid");
    await Promise.race([server.stop(), untilGone(pidFile), sleep(15_000, undefined, { ref: false })]);
    rmSync(dir, { recursive: true, force: true });
    rmSync(server.dir, { recursive: true, force: true });
    try {
      rmdirSync(BENCH_ROOT);
    } catch {
      // another run's folder is still there
    }
  });
  if (pinning.serverCore) {
    const postmaster = Number(
      readFileSync(path.join(server.dir, "data", "postmaster.pid"), "utf8").split("\n")[0],
    );
    pinProcessTree(postmaster, pinning.serverCore);
  }
  await server.ensureDatabase("roundtable_bench");
  const url = server.urlFor("roundtable_bench");
  await migrateDeploy(url);
  const { seed } = await import("../prisma/seed/index");
  await seed(url, { demoAccounts: false, onlyIfEmpty: false });
  const settings = await withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes') ORDER BY name`,
    );
    return rows.map((row) => `${row.name}=${row.setting}`).join(", ");
  });
  return { url, server, settings };
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const id = (prefix: string, n: string) => `('c' || substr(md5('${prefix}' || ${n}), 1, 24))`;

export type BenchData = {
  article: { id: string; slug: string; firstSectionId: string };
  /** a demo member with insights on the article: the signed-in reader */
  readerId: string;
  /** posters[run][worker] = the members that worker posts as in that run (see POSTING_RUNS) */
  posters: string[][][];
  /** sections open for insights, each on a small published article */
  sections: { id: string; path: string }[];
};

/** max and half-rate runs of the action and of the INSERT, and a warm-up */
export const POSTING_RUNS = 5;
export const POSTING_WORKERS = 8;
const MEMBERS_PER_WORKER = 50;
const BENCH_ARTICLES = 100;
const SECTIONS_PER_ARTICLE = 10;

/**
 * Adds what the posting figures need: trusted members (no new-member rate limit) in separate pools per run
 * and per concurrent poster, and 1,000 sections on 100 short published articles, so that every post is
 * a member's first insight in its section.
 */
export async function prepareBenchData(url: string): Promise<BenchData> {
  return withClient(url, async (client) => {
    const members = POSTING_RUNS * POSTING_WORKERS * MEMBERS_PER_WORKER;
    await client.query(`
      INSERT INTO "User" ("id", "name", "handle", "email", "passwordHash", "status", "trustOverride", "createdAt", "updatedAt")
      SELECT ${id("bench-u", "n")}, 'Bench poster ' || n, 'bench-poster-' || n, 'bench-poster-' || n || '@bench.test',
             'not-a-hash', 'ACTIVE', 'TRUSTED', now() - interval '1 year', now() - interval '1 year'
      FROM generate_series(0, ${members - 1}) n`);
    await client.query(`
      INSERT INTO "Domain" ("id", "name", "slug", "position", "updatedAt")
      VALUES (${id("bench-d", "1")}, 'Bench', 'bench', 999, now())`);
    await client.query(`
      INSERT INTO "Article" ("id", "domainId", "title", "slug", "summary", "status", "publishedAt", "createdAt", "updatedAt")
      SELECT ${id("bench-a", "n")}, ${id("bench-d", "1")}, 'Bench article ' || n, 'bench-article-' || n,
             'A short article the bench posts insights on.', 'PUBLISHED', now() - interval '1 day',
             now() - interval '1 day', now() - interval '1 day'
      FROM generate_series(0, ${BENCH_ARTICLES - 1}) n`);
    await client.query(`
      INSERT INTO "Section" ("id", "articleId", "position", "title", "anchor", "body", "updatedAt")
      SELECT ${id("bench-s", "n")}, ${id("bench-a", `(n / ${SECTIONS_PER_ARTICLE})`)}, n % ${SECTIONS_PER_ARTICLE},
             'Section ' || n, 'section-' || n, 'A short section of a bench article.', now()
      FROM generate_series(0, ${BENCH_ARTICLES * SECTIONS_PER_ARTICLE - 1}) n`);
    const posters = Array.from({ length: POSTING_RUNS }, (_, run) =>
      Array.from({ length: POSTING_WORKERS }, (_, worker) =>
        Array.from({ length: MEMBERS_PER_WORKER }, (_, j) => {
          const n = (run * POSTING_WORKERS + worker) * MEMBERS_PER_WORKER + j;
          return `c${md5(`bench-u${n}`).slice(0, 24)}`;
        }),
      ),
    );
    // Post to the sections in an order that spreads consecutive posts over the articles.
    const { rows: sections } = await client.query<{ id: string; slug: string }>(`
      SELECT s."id", a."slug" FROM "Section" s JOIN "Article" a ON a."id" = s."articleId"
      WHERE a."slug" LIKE 'bench-article-%' ORDER BY s."position", a."slug"`);
    const {
      rows: [article],
    } = await client.query<{ id: string; firstSectionId: string }>(
      `SELECT a."id", (SELECT s."id" FROM "Section" s WHERE s."articleId" = a."id" ORDER BY s."position" LIMIT 1) AS "firstSectionId"
       FROM "Article" a WHERE a."slug" = $1`,
      [ARTICLE_SLUG],
    );
    if (!article) throw new Error(`The demo seed has no article "${ARTICLE_SLUG}".`);
    const {
      rows: [reader],
    } = await client.query<{ authorId: string }>(
      `SELECT i."authorId" FROM "Insight" i JOIN "Section" s ON s."id" = i."sectionId"
       JOIN "User" u ON u."id" = i."authorId"
       WHERE s."articleId" = $1 AND i."status" = 'PUBLISHED' AND u."status" = 'ACTIVE'
       GROUP BY i."authorId" ORDER BY count(*) DESC, i."authorId" LIMIT 1`,
      [article.id],
    );
    if (!reader) throw new Error(`No demo member has an insight on "${ARTICLE_SLUG}".`);
    await client.query(`VACUUM (ANALYZE)`);
    return {
      article: { id: article.id, slug: ARTICLE_SLUG, firstSectionId: article.firstSectionId },
      readerId: reader.authorId,
      posters,
      sections: sections.map((row) => ({ id: row.id, path: `/articles/${row.slug}` })),
    };
  });
}

function md5(text: string): string {
  return createHash("md5").update(text).digest("hex");
}

export type AppServer = { base: string; port: number; process: ChildProcess; output: () => string };

/**
 * `npm start` (lib/cli/run.ts start) from the existing build, against `databaseUrl`, pinned as `pinning`
 * says; resolves once /api/health/ready answers 200.
 */
export async function startApp(
  add: (step: Cleanup) => void,
  pinning: Pinning,
  env: Record<string, string>,
): Promise<AppServer> {
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const [command, ...args] = [
    ...pinning.server,
    process.execPath,
    "--import",
    "tsx",
    "lib/cli/run.ts",
    "start",
  ];
  const child = spawn(command!, args, {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      NEXTAUTH_URL: `http://localhost:${port}`,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // its own process group, so the cleanup ends exactly what this started
    detached: true,
  });
  let tail = "";
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  add(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // the whole group has exited
    }
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${tail}`);
    const status = await fetch(`${base}/api/health/ready`)
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) return { base, port, process: child, output: () => tail };
    await sleep(250);
  }
  throw new Error(`The server did not get ready within 60 s:\n${tail}`);
}

export async function stopApp(app: AppServer) {
  if (app.process.exitCode !== null || app.process.signalCode !== null) return;
  const exited = new Promise((resolve) => app.process.once("exit", resolve));
  app.process.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  try {
    process.kill(-app.process.pid!, "SIGKILL");
  } catch {
    // the whole group has exited
  }
}
