// The load-generating side of `npm run bench`, a process of its own so it can be pinned to another core
// than the server: bench/main.ts starts it with one job as JSON and reads one JSON line back.
//   http: a sequence of GET requests per connection (a page view is the page and its personal requests),
//         as fast as it goes (autocannon) or at a fixed overall rate, in evenly spaced slots
//   post: concurrent members posting insights, through the server action over HTTP or as a plain INSERT
//         of the same row, either as fast as they go or at a fixed overall rate
// Latencies are every response's own time (from sending the request to its last byte).
import { randomBytes, randomUUID } from "node:crypto";
import { Agent, request as httpRequest } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { hashBody } from "../lib/insight-hash";

export type HttpJob = {
  kind: "http";
  base: string;
  requests: { path: string; headers?: Record<string, string> }[];
  connections: number;
  seconds: number;
  /** requests per second over all connections; as fast as possible without */
  rate?: number;
};

export type PostJob = {
  kind: "post";
  mode: "action" | "insert";
  seconds: number;
  rate?: number;
  /** members[worker] = the members that concurrent poster takes turns as */
  members: string[][];
  sections: { id: string; path: string }[];
  base: string;
  actionId: string;
  authSecret: string;
  databaseUrl: string;
};

export type LoadResult = {
  /** requests (or posts) completed per second */
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  completed: number;
  failed: number;
  /** the first failure, to show what went wrong */
  failure?: string;
  bytesPerResponse?: number;
};

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarize(latencies: number[], seconds: number, failed: number, failure?: string): LoadResult {
  const sorted = Float64Array.from(latencies).sort();
  return {
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    completed: latencies.length,
    failed,
    failure,
  };
}

async function runHttp(job: HttpJob): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  let bytes = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.base,
        requests: job.requests.map((request) => ({ method: "GET", ...request })),
        connections: job.connections,
        duration: job.seconds,
      },
      (error, value) => (error ? reject(error) : resolve(value)),
    );
    instance.on("response", (_client, statusCode: number, resBytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else failed++;
      bytes += resBytes;
    });
  });
  const seconds = Math.min(job.seconds, (performance.now() - started) / 1000);
  const failure =
    failed > 0 || result.errors + result.timeouts > 0
      ? `non-2xx: ${failed}, errors: ${result.errors}, timeouts: ${result.timeouts}`
      : undefined;
  return {
    ...summarize(latencies, seconds, failed + result.errors + result.timeouts, failure),
    bytesPerResponse: Math.round(bytes / Math.max(1, latencies.length + failed)),
  };
}

// Words for the insights' bodies: random picks make texts that share no three-word sequence, so the
// near-duplicate check (which holds copies for review) lets every post through, as it would real ones.
const WORDS = `team work career growth engineer code review project manager product design data system skill
  learn mentor lead customer feature test deploy release process meeting plan goal feedback remote hiring
  interview salary promotion role senior junior backend frontend platform cloud security database quality
  budget risk strategy roadmap sprint culture leadership communication documentation incident outage latency
  migration refactor architecture service pipeline warehouse metrics experiment onboarding burnout wellbeing
  freelance consultant contract negotiation portfolio certification degree internship networking conference
  newsletter podcast mentorship sponsorship accessibility compliance privacy encryption observability morning
  evening weekend quarter budget office kitchen garden river window train bicycle market village harbour
  winter summer autumn spring letter notebook pencil library museum theatre concert festival journey island`
  .trim()
  .split(/\s+/);

function insightBody(): string {
  const words = Array.from({ length: 40 }, () => WORDS[randomBytes(2).readUInt16BE() % WORDS.length]);
  return `In my experience ${words.join(" ")}.`;
}

type Poster = (member: string, section: { id: string; path: string }) => Promise<void>;

async function actionPoster(job: PostJob): Promise<Poster> {
  const cookies = new Map<string, string>();
  for (const member of job.members.flat()) {
    const token = await encode({ token: { sub: member }, secret: job.authSecret });
    cookies.set(member, `next-auth.session-token=${token}`);
  }
  return async (member, section) => {
    const response = await fetch(job.base + section.path, {
      method: "POST",
      headers: {
        "next-action": job.actionId,
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
        origin: job.base,
        cookie: cookies.get(member)!,
      },
      body: JSON.stringify([
        { sectionId: section.id, body: insightBody(), idempotencyKey: randomUUID(), composeMs: 120_000 },
      ]),
    });
    const text = await response.text();
    if (response.status !== 200 || !text.includes('"ok":true')) {
      throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
    }
  };
}

function insertPoster(job: PostJob, pool: pg.Pool): Poster {
  return async (member, section) => {
    const body = insightBody();
    await pool.query(
      `INSERT INTO "Insight" ("id", "sectionId", "liveSectionId", "authorId", "body", "bodyHash", "idempotencyKey",
         "status", "autoFlags", "publishedAt", "createdAt", "updatedAt")
       VALUES ($1, $2, $2, $3, $4, $5, $6, 'PUBLISHED', '{}', now(), now(), now())`,
      [`c${randomBytes(12).toString("hex")}`, section.id, member, body, hashBody(body), randomUUID()],
    );
  };
}

/**
 * `workers` concurrent loops calling `task(worker, k)` for their k-th request until `seconds` are up: as
 * fast as each answer comes, or, with `rate`, in evenly spaced slots (worker w's k-th at
 * (w / workers + k) · workers / rate seconds), so the load is smooth rather than a burst every second.
 * A loop that falls behind sends at once. `task` returns false when it has nothing left to send.
 */
async function drive(
  workers: number,
  seconds: number,
  rate: number | undefined,
  task: (worker: number, k: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  let failure: string | undefined;
  const started = performance.now();
  const end = started + seconds * 1000;
  const interval = rate ? (workers / rate) * 1000 : 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let k = 0; ; k++) {
        if (interval) {
          const due = started + (worker / workers) * interval + k * interval;
          if (due > performance.now()) await sleep(due - performance.now());
        }
        if (performance.now() >= end) return;
        const sent = performance.now();
        try {
          if (!(await task(worker, k))) return;
          latencies.push(performance.now() - sent);
        } catch (error) {
          failed++;
          failure ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  return summarize(latencies, (performance.now() - started) / 1000, failed, failure);
}

/** A fixed-rate run of a GET sequence over keep-alive connections (autocannon's rate comes in bursts). */
async function runHttpAtRate(job: HttpJob & { rate: number }): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections });
  let bytes = 0;
  const get = (request: HttpJob["requests"][number]) =>
    new Promise<void>((resolve, reject) => {
      const outgoing = httpRequest(
        job.base + request.path,
        { agent, headers: request.headers },
        (response) => {
          response.on("data", (chunk: Buffer) => (bytes += chunk.length));
          response.on("end", () =>
            response.statusCode && response.statusCode < 300
              ? resolve()
              : reject(new Error(`${request.path}: HTTP ${response.statusCode}`)),
          );
          response.on("error", reject);
        },
      );
      outgoing.on("error", reject);
      outgoing.end();
    });
  const perLoop = job.requests.length;
  const result = await drive(job.connections, job.seconds, job.rate, async (_worker, k) => {
    await get(job.requests[k % perLoop]!);
    return true;
  });
  agent.destroy();
  return { ...result, bytesPerResponse: Math.round(bytes / Math.max(1, result.completed)) };
}

async function runPost(job: PostJob): Promise<LoadResult> {
  const pool = new pg.Pool({ connectionString: job.databaseUrl, max: job.members.length });
  const post = job.mode === "action" ? await actionPoster(job) : insertPoster(job, pool);
  let exhausted = false;
  const result = await drive(job.members.length, job.seconds, job.rate, async (worker, k) => {
    const members = job.members[worker]!;
    // each post is its member's first insight in that section
    const section = job.sections[Math.floor(k / members.length)];
    if (!section) {
      exhausted = true;
      return false;
    }
    await post(members[k % members.length]!, section);
    return true;
  });
  await pool.end();
  if (exhausted) result.failure ??= "ran out of sections to post in before the time was up";
  return result;
}

const job = JSON.parse(process.argv[2] ?? "null") as HttpJob | PostJob | null;
if (!job) {
  console.error("usage: tsx bench/load-generator.ts <job as JSON>");
  process.exit(2);
}
const result =
  job.kind === "post"
    ? await runPost(job)
    : job.rate
      ? await runHttpAtRate({ ...job, rate: job.rate })
      : await runHttp(job);
console.log(JSON.stringify(result));
process.exit(0);
