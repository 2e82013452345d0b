// Benchmark of search (lib/data/search.ts) on a throw-away embedded PostgreSQL:
//   npx tsx bench/search.ts     BENCH_SCALE=0.1: a tenth of the data; BENCH_HOLD=1: keep the database for
//                               EXPLAIN after the figures, until Ctrl-C
// Fills 20 domains, 5,000 articles (two sections each) and 200,000 insights of made-up English from a
// vocabulary with a skewed word frequency (common words match tens of thousands of documents, rare ones a
// handful), then reports the median time of the whole search (what /search runs: counts per kind and the
// results shown) for several queries, and the plans of the article and insight queries.
// The cluster and its folder are removed at the end, also on failure and on Ctrl-C.
import { randomBytes } from "node:crypto";
import { existsSync, rmdirSync, rmSync } from "node:fs";
import { register } from "node:module";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "../lib/cli/embedded-postgres";
import { migrateDeploy } from "../lib/cli/processes";
import { cleanUpOnSignals } from "./signals";
import type { SearchRequest } from "../lib/validation/search";

// lib/data modules begin with `import "server-only"`, which throws outside Next's server bundle: make it an
// empty module in this process, as the vitest config's alias does for the integration tests.
register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
      }`,
    ),
);

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SIZE = {
  members: Math.round(20_000 * SCALE),
  domains: 20,
  articles: Math.round(5_000 * SCALE),
  insights: Math.round(200_000 * SCALE),
};
const RUNS = 15;
const DATABASE = "roundtable_bench_search";
const GOAL_MS = 100;

// Words are drawn from a vocabulary of VOCABULARY_SIZE by a Zipf–Mandelbrot law (the word of rank k with
// probability ∝ 1 / (k + 50)), as content words are in real text: the commonest makes about 0.4 % of all
// words (in ~16 % of insights and most articles), rank 100 about 0.1 %. These real words take the first
// ranks, in this order; the rest are made-up words "w<rank>".
const VOCABULARY = `team work career growth engineer code review project manager product design data system
  skill learn mentor lead customer feature test deploy release process meeting plan goal feedback remote
  hiring interview salary promotion role senior junior backend frontend platform cloud security api database
  performance quality budget risk strategy roadmap sprint agile scrum stakeholder culture leadership
  communication documentation incident outage monitoring latency migration refactor architecture service
  microservice kubernetes docker terraform python java rust typescript react kotlin swift golang scala
  analytics dashboard pipeline warehouse metrics experiment hypothesis onboarding offboarding burnout
  wellbeing freelance consultant contract invoice negotiation portfolio certification bootcamp degree
  internship apprenticeship networking conference meetup newsletter podcast blog mentorship sponsorship
  accessibility localisation compliance privacy encryption authentication authorisation observability`
  .trim()
  .split(/\s+/);
const VOCABULARY_SIZE = 10_000;
const ZIPF_SHIFT = 50;

/** A word outside the vocabulary, in every 997th section and every 4,999th insight. */
const RARE = "quokka";

/** `count` words drawn from the vocabulary; `seed` (a column) makes PostgreSQL draw them per row. */
function words(count: number, seed: string): string {
  const q = ZIPF_SHIFT;
  const rank = `floor(${q} * power(${(VOCABULARY_SIZE + q) / q}, random()) - ${q})::int`;
  const named = `ARRAY[${VOCABULARY.map((w) => `'${w}'`).join(",")}]`;
  return `(SELECT string_agg(CASE WHEN k < ${VOCABULARY.length} THEN (${named})[k + 1] ELSE 'w' || k END, ' ')
           FROM (SELECT ${rank} AS k FROM generate_series(1, ${count} + 0 * ${seed})) drawn)`;
}

type Row = { step: string; ms: number; result: string };
const rows: Row[] = [];
const closers: (() => Promise<unknown>)[] = [];

async function timed<T>(step: string, work: () => Promise<T>) {
  const started = performance.now();
  const value = await work();
  const ms = Math.round(performance.now() - started);
  rows.push({ step, ms, result: "" });
  console.error(`[bench] ${step}: ${ms} ms`);
  return value;
}

const id = (prefix: string, n: string) => `('c' || substr(md5('${prefix}' || ${n}), 1, 24))`;

async function fill(client: pg.Client) {
  const { members, domains, articles, insights } = SIZE;
  const sections = articles * 2;
  await timed("fill: members, domains", async () => {
    await client.query(`
      INSERT INTO "User" ("id", "name", "handle", "email", "passwordHash", "status", "createdAt", "updatedAt")
      SELECT ${id("u", "n")}, 'Member ' || n, 'member-' || n, 'member-' || n || '@bench.test', 'not-a-hash',
             (CASE WHEN n % 97 = 0 THEN 'BANNED' ELSE 'ACTIVE' END)::"UserStatus", now(), now()
      FROM generate_series(1, ${members}) n`);
    // Domains 1–5 are parents of 6–20.
    await client.query(`
      INSERT INTO "Domain" ("id", "name", "slug", "position", "parentId", "updatedAt")
      SELECT ${id("d", "n")}, 'Domain ' || n, 'domain-' || n, n, NULL, now() FROM generate_series(1, 5) n`);
    await client.query(`
      INSERT INTO "Domain" ("id", "name", "slug", "position", "parentId", "updatedAt")
      SELECT ${id("d", "n")}, 'Domain ' || n, 'domain-' || n, n, ${id("d", "(1 + n % 5)")}, now()
      FROM generate_series(6, ${domains}) n`);
  });
  await timed("fill: articles (title 8 words, summary 30, every 10th a guide, every 50th a draft)", () =>
    client.query(`
      INSERT INTO "Article" ("id", "domainId", "title", "slug", "summary", "kind", "status", "publishedAt",
        "createdAt", "updatedAt")
      SELECT ${id("a", "n")}, ${id("d", `(1 + n % ${domains})`)}, ${words(8, "n")}, 'article-' || n,
             ${words(30, "n")},
             (CASE WHEN n % 10 = 0 THEN 'GUIDE' ELSE 'COLLABORATIVE' END)::"ArticleKind",
             (CASE WHEN n % 50 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END)::"ArticleStatus",
             CASE WHEN n % 50 = 0 THEN NULL ELSE now() - n * interval '1 hour' END, now(), now()
      FROM generate_series(1, ${articles}) n`),
  );
  // The Section trigger keeps Article.searchText, as in production.
  await timed("fill: sections (150 words each, through the searchText trigger)", () =>
    client.query(`
      INSERT INTO "Section" ("id", "articleId", "position", "title", "anchor", "body", "updatedAt")
      SELECT ${id("s", "n")}, ${id("a", `((n + 1) / 2)`)}, (n + 1) % 2, ${words(3, "n")},
             'section-' || ((n + 1) % 2 + 1),
             ${words(150, "n")} || CASE WHEN n % 997 = 0 THEN ' ${RARE}' ELSE '' END, now()
      FROM generate_series(1, ${sections}) n`),
  );
  await timed("fill: insights (45 words each; 90 % published)", () =>
    client.query(`
      INSERT INTO "Insight" ("id", "sectionId", "authorId", "body", "status", "liveSectionId", "idempotencyKey",
        "bodyHash", "publishedAt", "createdAt", "updatedAt")
      SELECT ${id("i", "n")}, ${id("s", `(1 + n % ${sections})`)}, ${id("u", `(1 + n % ${members})`)},
             ${words(45, "n")} || CASE WHEN n % 4999 = 0 THEN ' ${RARE}' ELSE '' END,
             (CASE WHEN n % 10 = 0 THEN 'PENDING' ELSE 'PUBLISHED' END)::"InsightStatus",
             NULL, 'bench-' || n, md5('body' || n),
             CASE WHEN n % 10 = 0 THEN NULL ELSE now() - n * interval '1 minute' END,
             now() - n * interval '1 minute', now() - n * interval '1 minute'
      FROM generate_series(1, ${insights}) n`),
  );
  await timed("fill: VACUUM ANALYZE", () => client.query(`VACUUM (ANALYZE)`));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(url: string) {
  process.env.DATABASE_URL = url;
  const { search, articleSearchSql, insightHitsSql } = await import("../lib/data/search");
  const { db } = await import("../lib/db");
  const { Prisma } = await import("../lib/generated/prisma/client");
  closers.unshift(() => db.$disconnect());

  const base: SearchRequest = { q: "", kind: "all", domain: undefined, page: 1 };
  const cases: [string, Partial<SearchRequest>][] = [
    ["most common word", { q: VOCABULARY[0] }],
    ["two common words", { q: `${VOCABULARY[0]} ${VOCABULARY[1]}` }],
    ["a mid-frequency word", { q: VOCABULARY[60] }],
    ["a word of rank 1,000", { q: "w1000" }],
    ["a rare word", { q: RARE }],
    ["a phrase", { q: `"${VOCABULARY[2]} ${VOCABULARY[3]}"` }],
    ["OR", { q: `${VOCABULARY[40]} or ${VOCABULARY[41]}` }],
    ["minus", { q: `${VOCABULARY[5]} -${VOCABULARY[0]}` }],
    ["common word, parent domain", { q: VOCABULARY[0], domain: "domain-1" }],
    ["common word, insights page 20", { q: VOCABULARY[0], kind: "insights", page: 20 }],
    ["nothing matches", { q: "zzyzzyva" }],
    ["stop words only", { q: "the of and" }],
  ];
  for (const [label, overrides] of cases) {
    const request = { ...base, ...overrides };
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof search>> | undefined;
    for (let run = 0; run < RUNS + 2; run++) {
      const started = performance.now();
      last = await search(request);
      if (run >= 2) times.push(performance.now() - started); // two warm-up runs
    }
    const { counts } = last!;
    rows.push({
      step: `search: ${label} (${request.q}${request.domain ? `, ${request.domain}` : ""})`,
      ms: Math.round(median(times) * 10) / 10,
      result: `${counts.articles} articles, ${counts.guides} guides, ${counts.insights} insights (capped)`,
    });
    if (median(times) > GOAL_MS) process.exitCode = 1;
  }

  const explain = async (label: string, query: InstanceType<typeof Prisma.Sql>) => {
    const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(
      Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query}`,
    );
    console.log(`\n--- plan: ${label}`);
    console.log(plan.map((row) => row["QUERY PLAN"]).join("\n"));
  };
  const page = { limit: 10, offset: 0 };
  await explain(
    `articles, "${VOCABULARY[0]}"`,
    articleSearchSql(VOCABULARY[0]!, ["COLLABORATIVE", "GUIDE"], { domainIds: null }, page),
  );
  await explain(`insights, "${VOCABULARY[0]}"`, insightHitsSql(VOCABULARY[0]!, { domainIds: null }, page));
  await explain(`insights, "${RARE}"`, insightHitsSql(RARE, { domainIds: null }, page));
}

function printTable() {
  console.log(`\nSearch at ${JSON.stringify(SIZE)}: median of ${RUNS} runs (goal < ${GOAL_MS} ms)\n`);
  console.table(rows);
}

function untilGone(file: string): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (existsSync(file)) return;
      clearInterval(timer);
      resolve();
    }, 50);
  });
}

function rmdirIfEmpty(dir: string) {
  try {
    rmdirSync(dir);
  } catch {
    // not empty, or already gone
  }
}

async function main() {
  const runId = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${randomBytes(3).toString("hex")}`;
  const dir = path.resolve(".data/bench", runId);
  let server: EmbeddedServer | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await Promise.allSettled(closers.map((close) => close()));
      if (server) {
        const pidFile = path.join(server.dir, "data", "postmaster.pid");
        await Promise.race([server.stop(), untilGone(pidFile), sleep(15_000, undefined, { ref: false })]);
      }
      rmSync(dir, { recursive: true, force: true });
      if (server) rmSync(server.dir, { recursive: true, force: true });
      rmdirIfEmpty(path.dirname(dir));
    })());
  cleanUpOnSignals(cleanUp);

  try {
    server = await timed("start PostgreSQL", () => startEmbeddedPostgres({ dir, ephemeral: true }));
    await server.ensureDatabase(DATABASE);
    const url = server.urlFor(DATABASE);
    await timed("migrate", () => migrateDeploy(url));
    const client = new pg.Client({ connectionString: url });
    closers.push(() => client.end());
    await client.connect();
    await fill(client);
    await measure(url);
    printTable();
    if (process.env.BENCH_HOLD === "1") {
      console.error(`[bench] holding ${url} until Ctrl-C`);
      await new Promise(() => {});
    }
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await cleanUp();
  }
  process.exit();
}

await main();
