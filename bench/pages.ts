// Load benchmark of what anonymous readers hit most. Run against a production server on this machine:
//   npm run build && npm start        (in one terminal)
//   npm run bench                     (in another; BENCH_URL defaults to http://localhost:3000)
// Only loopback targets are allowed, and every run is bounded in time.
import autocannon from "autocannon";

const base = new URL(process.env.BENCH_URL ?? "http://localhost:3000");
if (!["localhost", "127.0.0.1", "[::1]"].includes(base.hostname)) {
  console.error(`Refusing to benchmark ${base.hostname}: only this machine's loopback is allowed.`);
  process.exit(1);
}

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PATHS = [
  "/",
  "/articles/frontend-vs-backend-career-growth",
  "/articles/backend-engineer-alternatives",
  "/domains/software-development",
  "/api/health",
];

type Row = {
  path: string;
  status: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
};

async function measure(path: string): Promise<Row> {
  const url = new URL(path, base).toString();
  // Warm the cache first: the first request renders, the rest are served from Next's cache.
  await fetch(url);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS });
  const statuses = Object.entries({ "2xx": result["2xx"], "4xx": result["4xx"], "5xx": result["5xx"] })
    .filter(([, count]) => count > 0)
    .map(([code, count]) => `${code}:${count}`)
    .join(" ");
  return {
    path,
    status: statuses,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
  };
}

const rows: Row[] = [];
for (const path of PATHS) rows.push(await measure(path));
console.log(`\n${CONNECTIONS} connections, ${DURATION_SECONDS} s per path against ${base.origin}\n`);
console.table(rows);
