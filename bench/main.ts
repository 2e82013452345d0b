// `npm run bench`: what serving readers costs, from one run on this machine (README, "Benchmarks").
//   npm run build        once (the bench uses that build)
//   npm run bench        10 s per load run, about 6 minutes in all; `npm run bench -- --quick`: 3 s runs
// Starts its own durable embedded PostgreSQL with the demo content and production servers on loopback
// ports, pins the server side and the load generator to different cores, and removes everything at the end.
// Figures: the career-growth article as anonymous readers get it, beside a raw node:http server sending the
// same bytes; a signed-in page view; posting insights; how long a change takes to reach every instance;
// Lighthouse on the article page. Maximum throughput first, then latency at half of it, at a fixed rate.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { encode } from "next-auth/jwt";
import { RECORD_TAG_EXPIRATIONS_SQL, recordTagExpirationsParams } from "../lib/next-cache/tag-bus.mjs";
import { findBrowser, recordPersonalRequests, runLighthouse, type LighthouseFigures } from "./browser";
import {
  choosePinning,
  cleanupRegistry,
  openDatabase,
  POSTING_WORKERS,
  prepareBenchData,
  startApp,
  stopApp,
  TSX,
  withClient,
  type AppServer,
  type BenchData,
  type Cleanup,
  type Pinning,
} from "./environment";
import type { HttpJob, LoadResult, PostJob } from "./load-generator";

/**
 * The personal request of a signed-in article view (one, since /api/viewer). With a Chromium the bench
 * records what the page really requests instead, and says so.
 */
const PERSONAL_URLS = (articleId: string) => [`/api/viewer?article=${articleId}`];

const QUICK = process.argv.includes("--quick");
const SECONDS = QUICK ? 3 : 10;
const CONNECTIONS = 20;
const PROPAGATION_RUNS = QUICK ? 3 : 7;
const COMPRESSED = { "accept-encoding": "gzip, br" };

type Row = {
  what: string;
  /** maximum throughput */
  max: number;
  unit: string;
  /** latency at a fixed rate of half the maximum */
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  note: string;
};

const rows: Row[] = [];
const notes: string[] = [];
let lighthouse: LighthouseFigures | string | undefined;
let propagation: { medianMs: number; runsMs: number[] } | string | undefined;

function log(message: string) {
  console.error(`[bench] ${message}`);
}

/** GET without Node fetch's own Accept-Encoding: the exact bytes, as sent. */
function getRaw(url: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

function runLoadGenerator(pinning: Pinning, job: HttpJob | PostJob): Promise<LoadResult> {
  const [command, ...args] = [...pinning.load, TSX, "bench/load-generator.ts", JSON.stringify(job)];
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // a run is bounded by its duration; this only guards against a hung generator
    const timer = setTimeout(() => child.kill("SIGKILL"), (job.seconds + 60) * 1000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const line = output.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as LoadResult);
      else reject(new Error(`the load generator exited with ${code}: ${output.slice(-500)}`));
    });
  });
}

const hasWrk = spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined;

/** Maximum requests/s of one GET: wrk when installed (lighter than autocannon), else autocannon. */
async function maxThroughput(
  pinning: Pinning,
  base: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ perSecond: number; failed: number }> {
  if (!hasWrk) {
    const result = await runLoadGenerator(pinning, {
      kind: "http",
      base,
      requests: [{ path, headers }],
      connections: CONNECTIONS,
      seconds: SECONDS,
    });
    return { perSecond: result.perSecond, failed: result.failed };
  }
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const [command, ...args] = [
    ...pinning.load,
    "wrk",
    "-t1",
    `-c${CONNECTIONS}`,
    `-d${SECONDS}s`,
    "--timeout",
    "10s",
    ...headerArgs,
    base + path,
  ];
  const run = spawnSync(command!, args, { encoding: "utf8", timeout: (SECONDS + 30) * 1000 });
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(run.stdout)?.[1] ?? NaN);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(run.stdout)?.[1] ?? 0);
  const errors = /Socket errors: (.*)/.exec(run.stdout)?.[1];
  if (errors) notes.push(`wrk on ${path}: socket errors ${errors}`);
  return { perSecond, failed: non2xx };
}

/** Latency at a fixed rate: half of the maximum, so the figures are of a server that keeps up. */
async function latencyAtHalf(pinning: Pinning, job: Omit<HttpJob, "kind" | "rate" | "seconds">, max: number) {
  return runLoadGenerator(pinning, { kind: "http", ...job, seconds: SECONDS, rate: max / 2 });
}

/** Says so when the fixed-rate run fell short of its rate (the generator or the server could not keep up). */
function shortfall(asked: number, got: number): string | undefined {
  return got < asked * 0.9
    ? `the latency run reached ${count(got)} of the ${count(asked)}/s asked, so its percentiles are of that rate`
    : undefined;
}

function joinNotes(...parts: (string | undefined | false)[]): string {
  return parts.filter(Boolean).join("; ");
}

async function measurePage(
  pinning: Pinning,
  what: string,
  base: string,
  pagePath: string,
  headers: Record<string, string>,
  note: string,
) {
  log(`${what}: maximum for ${SECONDS} s`);
  const max = await maxThroughput(pinning, base, pagePath, headers);
  log(`${what}: ${Math.round(max.perSecond)} req/s; latency at half that rate for ${SECONDS} s`);
  const half = await latencyAtHalf(
    pinning,
    { base, requests: [{ path: pagePath, headers }], connections: CONNECTIONS },
    max.perSecond,
  );
  const failed = max.failed + half.failed;
  rows.push({
    what,
    max: max.perSecond,
    unit: "req/s",
    rate: half.perSecond,
    p50: half.p50,
    p95: half.p95,
    p99: half.p99,
    note: joinNotes(
      note,
      failed > 0 && `${failed} failed${half.failure ? ` (${half.failure})` : ""}`,
      shortfall(max.perSecond / 2, half.perSecond),
    ),
  });
  return max.perSecond;
}

async function sessionCookie(userId: string, secret: string) {
  return { name: "next-auth.session-token", value: await encode({ token: { sub: userId }, secret }) };
}

/** Which personal requests the signed-in page makes: recorded in Chromium when there is one. */
async function personalUrls(
  app: AppServer,
  data: BenchData,
  cookie: { name: string; value: string },
  chromium: string | undefined,
) {
  const fallback = PERSONAL_URLS(data.article.id);
  if (!chromium) {
    notes.push(`signed-in view: no Chromium to record the page's requests; assumed ${fallback.join(" + ")}`);
    return fallback;
  }
  const pageUrl = `http://localhost:${app.port}/articles/${data.article.slug}`;
  const recorded = await recordPersonalRequests(pageUrl, cookie, chromium).catch((error: unknown) => {
    notes.push(
      `signed-in view: recording the page's requests failed (${String(error)}); assumed ${fallback.join(" + ")}`,
    );
    return undefined;
  });
  if (!recorded) return fallback;
  const personal = recorded.filter((url) => !url.startsWith("/api/auth/") || url === "/api/auth/session");
  if (personal.length === 0) {
    notes.push(
      `signed-in view: Chromium saw no personal request within 10 s; assumed ${fallback.join(" + ")}`,
    );
    return fallback;
  }
  notes.push(`signed-in view: the personal requests were recorded in Chromium`);
  return personal;
}

async function measureSignedIn(
  pinning: Pinning,
  app: AppServer,
  data: BenchData,
  secret: string,
  chromium: string | undefined,
) {
  const cookie = await sessionCookie(data.readerId, secret);
  const urls = await personalUrls(app, data, cookie, chromium);
  const headers = { ...COMPRESSED, cookie: `${cookie.name}=${cookie.value}` };
  for (const url of urls) {
    const response = await getRaw(app.base + url, headers);
    if (response.status !== 200)
      throw new Error(`${url} answered ${response.status} to the signed-in reader`);
  }
  const requests = [`/articles/${data.article.slug}`, ...urls].map((url) => ({ path: url, headers }));
  const perView = requests.length;
  log(`signed-in view (${perView} requests): maximum for ${SECONDS} s`);
  const max = await runLoadGenerator(pinning, {
    kind: "http",
    base: app.base,
    requests,
    connections: CONNECTIONS,
    seconds: SECONDS,
  });
  log(`signed-in view: ${Math.round(max.perSecond / perView)} views/s; latency at half that rate`);
  const half = await latencyAtHalf(
    pinning,
    { base: app.base, requests, connections: CONNECTIONS },
    max.perSecond,
  );
  const failed = max.failed + half.failed;
  rows.push({
    what: `signed-in article view: the page + ${urls.map((url) => `\`${url.replaceAll(data.article.id, "<id>")}\``).join(" + ")}`,
    max: max.perSecond / perView,
    unit: "views/s",
    rate: half.perSecond / perView,
    p50: half.p50,
    p95: half.p95,
    p99: half.p99,
    note: joinNotes(
      "latency per request of the view, compressed",
      failed > 0 && `${failed} failed (${max.failure ?? half.failure})`,
      shortfall(max.perSecond / 2, half.perSecond),
    ),
  });
}

function addInsightActionId(): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, action]) =>
      action.exportedName === "addInsightAction" && action.filename === "lib/actions/insights.ts",
  );
  if (!found) throw new Error("The build has no addInsightAction in lib/actions/insights.ts.");
  return found[0];
}

async function measurePosting(
  pinning: Pinning,
  app: AppServer,
  data: BenchData,
  databaseUrl: string,
  secret: string,
) {
  const common = {
    kind: "post" as const,
    seconds: SECONDS,
    sections: data.sections,
    base: app.base,
    actionId: addInsightActionId(),
    authSecret: secret,
    databaseUrl,
  };
  // The first posts compile and render the bench articles' pages for the first time: not part of the figure.
  log("posting: warming up for 2 s");
  await runLoadGenerator(pinning, { ...common, seconds: 2, mode: "action", members: data.posters[4]! });
  const modes = [
    ["action", "addInsightAction over HTTP (the browser's request), durable commit", 0],
    ["insert", "a plain parameterised INSERT of the same row, same database", 2],
  ] as const;
  for (const [mode, what, run] of modes) {
    log(`posting (${mode}), ${POSTING_WORKERS} members at once: maximum for ${SECONDS} s`);
    const max = await runLoadGenerator(pinning, { ...common, mode, members: data.posters[run]! });
    log(`posting (${mode}): ${Math.round(max.perSecond)}/s; latency at half that rate`);
    const half = await runLoadGenerator(pinning, {
      ...common,
      mode,
      members: data.posters[run + 1]!,
      rate: max.perSecond / 2,
    });
    const failed = max.failed + half.failed;
    rows.push({
      what: `posting an insight, ${POSTING_WORKERS} members at once: ${what}`,
      max: max.perSecond,
      unit: "insights/s",
      rate: half.perSecond,
      p50: half.p50,
      p95: half.p95,
      p99: half.p99,
      note: joinNotes(
        failed > 0 && `${failed} failed: ${max.failure ?? half.failure}`,
        shortfall(max.perSecond / 2, half.perSecond),
      ),
    });
  }
}

/**
 * Two instances on one database, as in production (README, "Several instances"): an article's text changes
 * and its tag expires through the tag bus, as a write does; the time until both serve the new text.
 */
async function measurePropagation(
  add: (step: Cleanup) => void,
  pinning: Pinning,
  data: BenchData,
  env: Record<string, string>,
) {
  const shared = {
    ...env,
    JOBS_IN_PROCESS: "0",
    INSTANCES: "2",
    DEPLOYMENT_ID: `bench-${randomBytes(4).toString("hex")}`,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  log("propagation: starting two instances");
  const instances = [await startApp(add, pinning, shared), await startApp(add, pinning, shared)];
  const pagePath = `/articles/${data.article.slug}`;
  try {
    const runs: number[] = [];
    await withClient(env.DATABASE_URL!, async (client) => {
      for (let run = 0; run < PROPAGATION_RUNS; run++) {
        const marker = `bench-change-${run}-${randomBytes(4).toString("hex")}`;
        // both instances hold the page before the change
        for (const instance of instances) {
          for (let warm = 0; warm < 3; warm++) await getRaw(instance.base + pagePath);
        }
        const started = performance.now();
        await client.query(
          `UPDATE "Section" SET "body" = regexp_replace("body", '\\n\\nbench-change-\\S+$', '') || $2, "updatedAt" = now() WHERE "id" = $1`,
          [data.article.firstSectionId, `\n\n${marker}`],
        );
        await client.query(
          RECORD_TAG_EXPIRATIONS_SQL,
          recordTagExpirationsParams([`article:${data.article.id}`], undefined, "bench"),
        );
        const seen = await Promise.all(
          instances.map(async (instance) => {
            while (performance.now() - started < 10_000) {
              const { body } = await getRaw(instance.base + pagePath);
              if (body.includes(marker)) return performance.now() - started;
              await sleep(10);
            }
            return Infinity;
          }),
        );
        // no stale page after it: every instance keeps serving the new text
        for (const instance of instances) {
          const { body } = await getRaw(instance.base + pagePath);
          if (!body.includes(marker)) throw new Error(`${instance.base} served the old text again`);
        }
        runs.push(Math.max(...seen));
      }
    });
    const sorted = [...runs].sort((a, b) => a - b);
    propagation = { medianMs: sorted[Math.floor(sorted.length / 2)]!, runsMs: runs };
  } finally {
    for (const instance of instances) await stopApp(instance);
  }
}

const ms = (value: number) =>
  Number.isFinite(value) ? (value < 10 ? value.toFixed(1) : Math.round(value).toString()) : "—";
const count = (value: number) => Math.round(value).toLocaleString("en-US");

function markdown(pinning: Pinning, settings: string): string {
  const lines = [
    `| what | max | at half: p50 | p95 | p99 |`,
    `| --- | --- | --- | --- | --- |`,
    ...rows.map(
      (row) =>
        `| ${row.what}${row.note ? ` (${row.note})` : ""} | ${count(row.max)} ${row.unit} | ${ms(row.p50)} ms | ${ms(row.p95)} ms | ${ms(row.p99)} ms |`,
    ),
  ];
  const app = rows.find((row) => row.what.startsWith("article page, compressed"));
  const raw = rows.find((row) => row.what.startsWith("raw node:http, compressed"));
  const appPlain = rows.find((row) => row.what.startsWith("article page, uncompressed"));
  const rawPlain = rows.find((row) => row.what.startsWith("raw node:http, uncompressed"));
  const ratio = (a?: Row, b?: Row) => (a && b ? `${((a.max / b.max) * 100).toFixed(1)} %` : "—");
  lines.push(
    "",
    `App ÷ raw node:http: ${ratio(app, raw)} compressed, ${ratio(appPlain, rawPlain)} uncompressed.`,
  );
  if (typeof propagation === "object") {
    lines.push(
      `A change reaches both of two instances in ${ms(propagation.medianMs)} ms (median of ${propagation.runsMs.length}: ${propagation.runsMs.map(ms).join(", ")} ms).`,
    );
  } else if (propagation) lines.push(`Propagation: ${propagation}`);
  if (typeof lighthouse === "object") {
    lines.push(
      "",
      "| Lighthouse (mobile, default throttling) | performance | accessibility | best practices | SEO | LCP | TBT | JavaScript transferred |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      `| the article page | ${lighthouse.performance} | ${lighthouse.accessibility} | ${lighthouse.bestPractices} | ${lighthouse.seo} | ${(lighthouse.lcpMs / 1000).toFixed(1)} s | ${Math.round(lighthouse.tbtMs)} ms | ${Math.round(lighthouse.scriptBytes / 1024)} KB in ${lighthouse.scriptRequests} scripts |`,
    );
    if (lighthouse.failedAudits.length > 0)
      lines.push(`Failed Lighthouse audits: ${lighthouse.failedAudits.join(", ")}.`);
  } else if (lighthouse) lines.push("", `Lighthouse: ${lighthouse}`);
  lines.push(
    "",
    `${SECONDS} s per load run, ${CONNECTIONS} connections for pages; ${pinning.description}; PostgreSQL ${settings}; ` +
      `maximum with ${hasWrk ? "wrk (pages) and autocannon (signed-in view)" : "autocannon"}; latency at a fixed rate of half the maximum, in evenly spaced requests from Node's http client.`,
    ...notes.map((note) => `- ${note}`),
  );
  return lines.join("\n");
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("No production build: run `npm run build` first.");
    process.exit(1);
  }
  const cleanup = cleanupRegistry();
  const pinning = choosePinning();
  log(pinning.description);
  const scratch = mkdtempSync(path.join(os.tmpdir(), "roundtable-bench-"));
  cleanup.add(async () => rmSync(scratch, { recursive: true, force: true }));
  try {
    log("starting a durable embedded PostgreSQL, migrating, seeding the demo content");
    const database = await openDatabase(cleanup.add, pinning);
    const data = await prepareBenchData(database.url);
    const secret = randomBytes(32).toString("base64url");
    const env = { DATABASE_URL: database.url, NEXTAUTH_SECRET: secret };
    log("starting the production server (lib/cli/run.ts start)");
    const app = await startApp(cleanup.add, pinning, env);
    const pagePath = `/articles/${data.article.slug}`;
    for (let warm = 0; warm < 5; warm++) await getRaw(app.base + pagePath, COMPRESSED);
    const page = await getRaw(app.base + pagePath);
    if (page.status !== 200) throw new Error(`${pagePath} answered ${page.status}`);
    const compressed = await getRaw(app.base + pagePath, COMPRESSED);
    const bodyFile = path.join(scratch, "article.html");
    writeFileSync(bodyFile, page.body);

    const [rawCommand, ...rawArgs] = [...pinning.server, process.execPath, "bench/raw-server.mjs", bodyFile];
    const raw = spawn(rawCommand!, rawArgs, { stdio: ["ignore", "pipe", "inherit"] });
    cleanup.add(async () => raw.kill("SIGTERM"));
    const rawInfo = JSON.parse(
      await new Promise<string>((resolve) => createInterface({ input: raw.stdout }).once("line", resolve)),
    ) as { port: number; bytes: { identity: number; br: number; gzip: number } };
    const rawBase = `http://127.0.0.1:${rawInfo.port}`;
    const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
    const appEncoding = String(compressed.headers["content-encoding"] ?? "identity");

    await measurePage(
      pinning,
      "raw node:http, uncompressed",
      rawBase,
      "/",
      {},
      `${kb(rawInfo.bytes.identity)}`,
    );
    await measurePage(
      pinning,
      "article page, uncompressed",
      app.base,
      pagePath,
      {},
      `${kb(page.body.length)}`,
    );
    await measurePage(
      pinning,
      "raw node:http, compressed",
      rawBase,
      "/",
      COMPRESSED,
      `br, ${kb(rawInfo.bytes.br)}`,
    );
    await measurePage(
      pinning,
      "article page, compressed",
      app.base,
      pagePath,
      COMPRESSED,
      `${appEncoding}, ${kb(compressed.body.length)}`,
    );
    raw.kill("SIGTERM");

    const chromium = await findBrowser();
    await measureSignedIn(pinning, app, data, secret, chromium);
    await measurePosting(pinning, app, data, database.url, secret);

    if (!chromium) lighthouse = "skipped: no Chromium found (set CHROMIUM_PATH, or install chromium)";
    else {
      log("Lighthouse on the article page (mobile, default throttling)");
      lighthouse = await runLighthouse(`http://localhost:${app.port}${pagePath}`, chromium).catch(
        (error: unknown) => `failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    await stopApp(app);

    await measurePropagation(cleanup.add, pinning, data, env).catch((error: unknown) => {
      propagation = `failed: ${error instanceof Error ? error.message : String(error)}`;
    });

    console.table(
      rows.map((row) => ({
        what: row.what,
        max: `${count(row.max)} ${row.unit}`,
        "at rate": count(row.rate),
        p50: ms(row.p50),
        p95: ms(row.p95),
        p99: ms(row.p99),
      })),
    );
    console.log(`\n${markdown(pinning, database.settings)}\n`);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await cleanup.run();
  }
  process.exit();
}

await main();
