// The production layout of README "Several instances", running: two web instances (JOBS_IN_PROCESS=0, one
// deployment id and server-action key, each on its own port, started as `npm start` starts them, from the
// one build) and one job worker, on a database of their own. An edit saved on A is served by B; a scheduled
// article is published once; stopping A lets its request in flight finish while B serves on.
import { randomInt } from "node:crypto";
import net from "node:net";
import type { Browser, Page } from "@playwright/test";
import PgBoss from "pg-boss";
import { createPrismaClient, type Database } from "../prisma/client";
import { createArticle, createDomain, createUser } from "../prisma/factories";
import { accountMenu, expect, revealingGoto, submitSignInForm, test, type TestUser } from "./fixtures";
import {
  createThrowAwayDatabase,
  deploymentEnv,
  isReady,
  startWebInstance,
  startWorker,
  timeUntilServed,
  type StartedProcess,
  type ThrowAwayDatabase,
  type WebInstance,
} from "./instances";

test.describe.configure({ mode: "serial" });

// lib/jobs/queue.ts QUEUES (a server-only module, so not importable here).
const PUBLISH_SCHEDULED_QUEUE = "editorial.publish-scheduled";
const NOTIFY_FOLLOWERS_QUEUE = "follows.notify-followers";

let database: ThrowAwayDatabase | undefined;
let db: Database;
let worker: StartedProcess | undefined;
let a: WebInstance | undefined;
let b: WebInstance | undefined;
let admin: TestUser;

/** A word no other content contains. */
function madeUpWord(): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  return Array.from({ length: 12 }, () => letters[randomInt(letters.length)]).join("");
}

function layout() {
  if (!database || !a || !b || !worker) throw new Error("The layout did not start (see the setup's error).");
  return { database, a, b, worker };
}

async function get(origin: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}${path}`, { headers, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.text() };
}

/** A browser page on `origin`, signed in as the admin through the real form there. */
async function adminPageOn(browser: Browser, origin: string): Promise<Page> {
  // The admin's clock is UTC, so a `datetime-local` value is the UTC time it reads.
  const context = await browser.newContext({ baseURL: origin, timezoneId: "UTC" });
  const page = revealingGoto(await context.newPage());
  await page.goto("/sign-in");
  await submitSignInForm(page, admin);
  await expect(accountMenu(page)).toHaveAccessibleName(`Account menu for ${admin.name}`);
  return page;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const e2eDatabase = process.env.DATABASE_URL;
  if (!e2eDatabase) throw new Error("DATABASE_URL is not set: run this through `npm run test:e2e`.");
  // Its own database on the e2e server: the worker runs every job it finds, which must not be other tests'.
  database = await createThrowAwayDatabase(e2eDatabase, "roundtable_multi");
  db = createPrismaClient(database.url, { max: 2 });
  const env = { ...process.env, DATABASE_URL: database.url, ...deploymentEnv(2) };
  // The worker first: it creates pg-boss's tables and queues, which sending instances expect.
  worker = await startWorker({ env });
  [a, b] = await Promise.all([
    startWebInstance({ name: "web-a", env }),
    startWebInstance({ name: "web-b", env }),
  ]);
  admin = await createUser(db, { role: "ADMIN" });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const started of [a, b, worker]) {
    if (started) await testInfo.attach(`${started.name}.log`, { body: started.output() });
  }
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await Promise.all([a, b, worker].map((started) => started?.kill()));
  await db?.$disconnect();
  await database?.drop();
});

test("an edit saved through instance A is served by instance B within 5 s, from its cache and from Next", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { a, b } = layout();
  const [before, after] = [madeUpWord(), madeUpWord()];
  const article = await createArticle(db, {
    sections: [{ title: "Setting up", body: `The old advice mentions ${before} twice.` }],
  });
  const path = `/articles/${article.slug}`;

  // Both instances render the page and keep it: from here on they serve it from their caches.
  for (const origin of [a.origin, b.origin, a.origin, b.origin]) {
    const page = await get(origin, path);
    expect(page.status).toBe(200);
    expect(page.body).toContain(before);
  }

  const page = await adminPageOn(browser, a.origin);
  await page.goto(`/admin/articles/${article.id}`);
  await page.getByRole("button", { name: "Edit “Setting up”" }).click();
  const form = page.getByRole("form", { name: "Edit “Setting up”" });
  await form.getByLabel("Body (Markdown)").fill(`The new advice mentions ${after} instead.`);
  const clicked = performance.now();
  const answered = page
    .waitForResponse(
      (response) => response.request().method() === "POST" && response.url().startsWith(a.origin),
    )
    .then(() => performance.now());
  await form.getByRole("button", { name: "Save section" }).click();
  const saved = await answered;
  await expect(form).toBeHidden();

  const served = (body: string) => body.includes(after) && !body.includes(before);
  const [reachedB] = await timeUntilServed([b.origin], path, served, { since: saved, timeoutMs: 5_000 });
  const message =
    `the edit reached instance B ${seconds(reachedB!.afterMs)} after A answered the save ` +
    `(the save took ${seconds(saved - clicked)})`;
  console.log(`[multi-instance] ${message}`);
  test.info().annotations.push({ type: "change reached B", description: message });

  // No stale copy after that, whichever way B answers: again from its cache, compressed or not, and the
  // payload a client-side navigation asks Next for.
  const variants: Record<string, Record<string, string>> = {
    "plain again": {},
    compressed: { "accept-encoding": "gzip, br" },
    uncompressed: { "accept-encoding": "identity" },
    "React Server Component payload": { rsc: "1" },
  };
  for (const [variant, headers] of Object.entries(variants)) {
    const again = await get(b.origin, path, headers);
    expect(again.status, variant).toBe(200);
    expect(again.body, variant).toContain(after);
    expect(again.body, variant).not.toContain(before);
  }
  // And the writer's own instance.
  expect((await get(a.origin, path)).body).toContain(after);
  await page.context().close();
});

test("an article scheduled through A is published exactly once by the worker, and B serves it", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { database, a, b, worker } = layout();
  const domain = await createDomain(db);
  const follower = await createUser(db);
  await db.domainFollow.create({ data: { userId: follower.id, domainId: domain.id } });
  const title = `Scheduled ${madeUpWord()}`;
  const article = await createArticle(db, { domainId: domain.id, status: "DRAFT", title });

  // B keeps the domain page, which does not list the draft yet, and readers get a 404 for the draft.
  for (let i = 0; i < 2; i += 1) {
    const domainPage = await get(b.origin, `/domains/${domain.slug}`);
    expect(domainPage.status).toBe(200);
    expect(domainPage.body).not.toContain(title);
  }
  expect((await get(b.origin, `/articles/${article.slug}`)).status).toBe(404);

  // Scheduled through A's editor, some seconds ahead rather than at the next whole minute (the time must
  // still be ahead when the action runs, however loaded the machine).
  const page = await adminPageOn(browser, a.origin);
  await page.goto(`/admin/articles/${article.id}`);
  const due = new Date(Date.now() + 12_000);
  due.setMilliseconds(0);
  const schedule = page.getByRole("form", { name: "Schedule publishing" });
  await schedule.getByLabel("Publish at a set time").fill(due.toISOString().slice(0, 19));
  await schedule.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByText("Publishes itself on")).toBeVisible();
  await page.context().close();
  expect(
    await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { scheduledAt: true } }),
  ).toEqual({ scheduledAt: due });

  // The worker's schedule sends the publishing job once a minute. Rather than wait for it, send the same
  // job as soon as the article is due, three times: the runs after the first must find nothing to do (and
  // the worker's own scheduled run may come in between).
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due.getTime() - Date.now() + 200)));
  const boss = new PgBoss({
    connectionString: database.url,
    schema: "pgboss",
    max: 1,
    supervise: false,
    schedule: false,
    migrate: false,
  });
  await boss.start();
  let sent: (string | null)[];
  try {
    sent = await Promise.all([1, 2, 3].map(() => boss.send(PUBLISH_SCHEDULED_QUEUE, {})));
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
  const jobIds = sent.filter((id): id is string => id !== null);
  expect(jobIds).toHaveLength(3);

  const publishJobsDone = async () => {
    const rows = await db.$queryRaw<{ state: string }[]>`
      SELECT "state"::text FROM pgboss.job WHERE "id" = ANY(${jobIds}::uuid[])
      UNION ALL SELECT "state"::text FROM pgboss.archive WHERE "id" = ANY(${jobIds}::uuid[])`;
    return rows.filter((row) => row.state === "completed").length;
  };
  await expect.poll(publishJobsDone, { timeout: 30_000 }).toBe(3);
  const published = await db.article.findUniqueOrThrow({
    where: { id: article.id },
    select: { status: true, scheduledAt: true, publishedAt: true },
  });
  expect(published).toEqual({ status: "PUBLISHED", scheduledAt: null, publishedAt: due });

  const follows = () => db.notification.count({ where: { userId: follower.id, articleId: article.id } });
  await expect.poll(follows, { timeout: 15_000 }).toBe(1);

  // What one publication leaves, and only one: an audit entry naming the admin who scheduled it, one
  // follower notification job, one log line from the worker and none from the web instances.
  const audit = await db.auditEntry.findMany({
    where: { targetType: "article", targetId: article.id, action: "article.publish" },
    select: { actorId: true, data: true },
  });
  expect(audit).toEqual([{ actorId: admin.id, data: expect.objectContaining({ byScheduler: true }) }]);
  const [notifyJobs] = await db.$queryRaw<{ jobs: number }[]>`
    SELECT ((SELECT count(*) FROM pgboss.job WHERE "name" = ${NOTIFY_FOLLOWERS_QUEUE} AND "data"->>'articleId' = ${article.id})
          + (SELECT count(*) FROM pgboss.archive WHERE "name" = ${NOTIFY_FOLLOWERS_QUEUE} AND "data"->>'articleId' = ${article.id}))::int AS "jobs"`;
  expect(notifyJobs?.jobs).toBe(1);
  const publishedLines = (output: string) =>
    output
      .split("\n")
      .filter((line) => line.includes("scheduled articles published") && line.includes(article.id));
  expect(publishedLines(worker.output())).toHaveLength(1);
  for (const instance of [a, b]) {
    expect(instance.output(), instance.name).not.toContain("scheduled articles published");
    expect(instance.output(), instance.name).not.toContain("job worker started");
  }

  // The job expired the pages it changed on every instance: B lists and serves the new article.
  const since = performance.now();
  const lists = (body: string) => body.includes(title);
  await timeUntilServed([b.origin], `/domains/${domain.slug}`, lists, { since, timeoutMs: 5_000 });
  await timeUntilServed([b.origin], `/articles/${article.slug}`, lists, { since, timeoutMs: 5_000 });
});

test("SIGTERM to instance A: its request in flight completes, A exits, B keeps serving", async () => {
  test.setTimeout(60_000);
  const { a, b } = layout();
  const article = await createArticle(db);
  const path = `/articles/${article.slug}`;
  expect((await get(b.origin, path)).status).toBe(200);

  // A request in flight on A: its headers are in, its body is still arriving (a form on a slow network).
  const body = "csrfToken=x&email=nobody%40example.test&password=not-the-password";
  const socket = net.connect(a.port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let response = "";
  socket.on("data", (chunk: Buffer) => (response += chunk.toString()));
  const responded = new Promise((resolve) => socket.once("end", resolve));

  socket.write(
    `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: localhost:${a.port}\r\nConnection: close\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n` +
      body.slice(0, 10),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));

  const exited = a.terminate();
  let answeredBeforeExit = false;
  void exited.then(() => (answeredBeforeExit = response !== ""));
  // A leaves the balancer's rotation and stops accepting; B answers readers all along.
  await expect.poll(() => isReady(a.origin), { timeout: 10_000 }).toBe(false);
  expect((await get(b.origin, path)).status).toBe(200);
  await expect.poll(() => accepts(a.port), { timeout: 15_000 }).toBe(false);
  expect(response).toBe("");
  expect((await get(b.origin, path)).status).toBe(200);

  socket.end(body.slice(10));
  await responded;
  expect(response).toMatch(/^HTTP\/1\.1 \d{3} /);
  // `npm start` itself exits only after that: an orchestrator ends whatever it leaves behind.
  expect(await exited, a.output()).toBe(143);
  expect(answeredBeforeExit).toBe(true);
  expect(a.output()).toMatch(/"msg":"draining/);

  expect(await isReady(b.origin)).toBe(true);
  const afterwards = await get(b.origin, path);
  expect(afterwards.status).toBe(200);
  expect(afterwards.body).toContain(article.title);
});

/** Whether a new TCP connection to `port` is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}
