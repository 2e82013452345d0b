// The fast path on the real production build: a shared page is answered from a prepared copy after Next
// rendered it once, byte for byte what Next sent, in every encoding; a change reaches it within a second;
// and while the database is away the copy keeps serving, with a notice, while dynamic pages answer 503.
// Runs its own server (lib/cli/serve.ts, what `npm start` runs) whose database connections pass
// through a relay the test can cut, so "the database is away" affects no other test. No browser.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { promisify } from "node:util";
import zlib from "node:zlib";
import pg from "pg";
import { findFreePort } from "../lib/cli/embedded-postgres";
import { RECORD_TAG_EXPIRATIONS_SQL, recordTagExpirationsParams } from "../lib/next-cache/tag-bus.mjs";
import { createPrismaClient, type Database } from "../prisma/client";
import { createArticle } from "../prisma/factories";
import { expect, test } from "./fixtures";

const NOTICE = "data-read-only-notice";

/** A TCP relay to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
async function databaseRelay(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const port = await findFreePort();
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
  await open();
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    cut: async () => {
      const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      for (const socket of sockets) socket.destroy();
      server = null;
      await closed;
    },
    restore: open,
  };
}

type Answer = { status: number; headers: Headers; body: Buffer };

let port: number;
let server: ChildProcess;
let output = "";
let relay: Awaited<ReturnType<typeof databaseRelay>>;
let db: Database;
let pool: pg.Pool;

/** One request, its body exactly as sent (fetch would decompress it). */
function get(pathname: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = net.connect(port, "127.0.0.1");
    const lines = [`${method} ${pathname} HTTP/1.1`, "Host: localhost", "Connection: close"];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    request.write(`${lines.join("\r\n")}\r\n\r\n`);
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("error", reject);
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf("\r\n\r\n");
      const [statusLine = "", ...headerLines] = raw.subarray(0, split).toString("latin1").split("\r\n");
      const parsed = new Headers();
      for (const line of headerLines) {
        const colon = line.indexOf(":");
        parsed.append(line.slice(0, colon), line.slice(colon + 1).trim());
      }
      let body: Buffer = raw.subarray(split + 4);
      if (parsed.get("transfer-encoding") === "chunked") body = unchunk(body);
      resolve({ status: Number(statusLine.split(" ")[1]), headers: parsed, body });
    });
  });
}

function unchunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const end = body.indexOf("\r\n", at);
    const size = parseInt(body.subarray(at, end).toString("latin1"), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(body.subarray(end + 2, end + 2 + size));
    at = end + 2 + size + 2;
  }
}

const fast = (answer: Answer) => answer.headers.get("x-roundtable-cache") === "fast";

/** Requests `pathname` until the fast path answers it, and returns that answer. */
async function untilFast(pathname: string): Promise<Answer> {
  let answer = await get(pathname);
  await expect.poll(async () => fast((answer = await get(pathname))), { timeout: 15_000 }).toBe(true);
  return answer;
}

async function expireTags(tags: string[]) {
  await pool.query(RECORD_TAG_EXPIRATIONS_SQL, recordTagExpirationsParams(tags, undefined, "e2e"));
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const databaseUrl = process.env.DATABASE_URL!;
  db = createPrismaClient(databaseUrl, { max: 2 });
  pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  relay = await databaseRelay(databaseUrl);
  port = await findFreePort();
  server = spawn(process.execPath, ["--import", "tsx", "lib/cli/serve.ts", "--port", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: relay.url,
      NEXTAUTH_URL: `http://localhost:${port}`,
      JOBS_IN_PROCESS: "0",
      INSTANCE_ID: "fast-path-test",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const ready = async () => (await get("/api/health/ready").catch(() => null))?.status;
  await expect.poll(ready, { timeout: 90_000 }).toBe(200);
});

test.afterAll(async () => {
  server?.kill("SIGKILL");
  await relay?.cut();
  await db?.$disconnect();
  await pool?.end();
});

test("a shared page is served from its copy: Next's bytes, headers and ETag, in every encoding", async () => {
  const article = await createArticle(db, { title: "Fast path original title" });
  const address = `/articles/${article.slug}`;
  // Other journeys running meanwhile may expire what every page shows (the domain list): then a newer
  // version is copied. Compare a copy with Next's answer of the same version.
  let fromNext: Answer | undefined;
  let copy: Answer | undefined;
  await expect
    .poll(
      async () => {
        const answer = await get(address);
        if (!fast(answer)) fromNext = answer;
        else copy = answer;
        return fast(answer) && copy?.headers.get("etag") === fromNext?.headers.get("etag");
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  if (!fromNext || !copy) throw new Error("no answer from Next and from the fast path");
  expect(fromNext.status).toBe(200);
  expect(fromNext.headers.get("x-nextjs-cache")).toMatch(/^(MISS|HIT)$/);
  expect(copy.status).toBe(200);
  expect(copy.body.equals(fromNext.body)).toBe(true);
  for (const name of [
    "etag",
    "cache-control",
    "content-type",
    "content-security-policy",
    "x-frame-options",
  ]) {
    expect(copy.headers.get(name), name).toBe(fromNext.headers.get(name));
  }
  expect(copy.headers.get("vary")).toContain("Accept-Encoding");

  const brotli = await get(address, { "Accept-Encoding": "gzip, deflate, br" });
  expect(brotli.headers.get("content-encoding")).toBe("br");
  expect(fast(brotli)).toBe(true);
  expect((await promisify(zlib.brotliDecompress)(brotli.body)).equals(fromNext.body)).toBe(true);
  const gzip = await get(address, { "Accept-Encoding": "gzip" });
  expect(gzip.headers.get("content-encoding")).toBe("gzip");
  expect(zlib.gunzipSync(gzip.body).equals(fromNext.body)).toBe(true);

  const etag = copy.headers.get("etag")!;
  const notModified = await get(address, { "If-None-Match": etag });
  expect(notModified.status).toBe(304);
  expect(notModified.body.length).toBe(0);
  const head = await get(address, {}, "HEAD");
  expect(head.status).toBe(200);
  expect(head.headers.get("content-length")).toBe(String(fromNext.body.length));

  // A signed-in reader's cookie changes nothing about a shared page.
  const withSession = await get(address, { Cookie: "next-auth.session-token=anything" });
  expect(fast(withSession)).toBe(true);
  expect(withSession.body.equals(fromNext.body)).toBe(true);
});

test("a change reaches the fast path within a second, and the next answer shows it", async () => {
  const article = await createArticle(db, { title: "Before the change" });
  const address = `/articles/${article.slug}`;
  await untilFast(address);

  await db.article.update({ where: { id: article.id }, data: { title: "After the change" } });
  const changed = Date.now();
  await expireTags([`article:${article.id}`]);
  let answer: Answer;
  let askedAt: number;
  do {
    askedAt = Date.now();
    answer = await get(address);
  } while (fast(answer) && answer.body.includes("Before the change") && askedAt - changed < 5_000);
  expect(askedAt - changed).toBeLessThan(1_000);
  expect(answer.body.toString()).toContain("After the change");
  expect(answer.body.toString()).not.toContain("Before the change");
  const copy = await untilFast(address);
  expect(copy.body.toString()).toContain("After the change");
});

test("while the database is away, held pages keep serving with a notice and dynamic pages answer 503", async () => {
  test.setTimeout(90_000);
  const held = await createArticle(db, { title: "Still readable" });
  const notHeld = await createArticle(db, { title: "Never requested" });
  const address = `/articles/${held.slug}`;
  const before = await untilFast(address);
  expect(before.body.includes(NOTICE)).toBe(false);

  await relay.cut();
  try {
    await expect.poll(async () => (await get(address)).body.includes(NOTICE), { timeout: 20_000 }).toBe(true);
    const during = await get(address, { "Accept-Encoding": "br" });
    expect(during.status).toBe(200);
    expect(fast(during)).toBe(true);
    expect(during.headers.get("cache-control")).toBe("no-store");
    const html = (await promisify(zlib.brotliDecompress)(during.body)).toString();
    expect(html).toContain("Still readable");
    expect(html).toContain("posting, reactions and signing in are paused");
    expect((await get("/search?q=readable")).status).toBe(503);
    expect((await get(`/articles/${notHeld.slug}`)).status).toBe(503);
  } finally {
    await relay.restore();
  }
  // Back: the notice goes as soon as this instance hears expirations again.
  await expect
    .poll(
      async () => {
        const answer = await get(address);
        return answer.status === 200 && !answer.body.includes(NOTICE);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  expect(output).not.toMatch(/"level":60/);
});
