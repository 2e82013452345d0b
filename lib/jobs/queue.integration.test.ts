import { randomBytes } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getQueue, queueOptions, stopQueue, type QueueRole } from "./queue";

// A web instance with JOBS_IN_PROCESS=0 only adds jobs; `npm run worker` runs them. What a pg-boss instance
// runs is read back from pg-boss's own table: the maintenance and the cron check each stamp
// pgboss.version (maintained_on, cron_on) when they run.
const url = process.env.DATABASE_URL!;
const sql = new pg.Pool({ connectionString: url, max: 1 });
const started: PgBoss[] = [];
const queueName = `test.send-only-${randomBytes(4).toString("hex")}`;
const jobsInProcess = process.env.JOBS_IN_PROCESS;

/** A pg-boss instance in `role`, checking for maintenance and schedules every second instead of minutes. */
async function startBoss(role: QueueRole, overrides: PgBoss.ConstructorOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    ...queueOptions(role, url),
    maintenanceIntervalSeconds: 1,
    cronMonitorIntervalSeconds: 1,
    ...overrides,
  });
  boss.on("error", () => {});
  started.push(boss);
  await boss.start();
  return boss;
}

async function stamps(): Promise<{ maintained: boolean; cron: boolean }> {
  const { rows } = await sql.query<{ maintained_on: Date | null; cron_on: Date | null }>(
    "SELECT maintained_on, cron_on FROM pgboss.version",
  );
  const row = rows[0]!;
  return { maintained: row.maintained_on !== null, cron: row.cron_on !== null };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  // The worker owns pg-boss's schema and queues: it installs them before any web instance sends.
  const worker = await startBoss("work");
  await worker.createQueue(queueName);
  await worker.stop({ graceful: false });
});

afterEach(async () => {
  await stopQueue();
  await Promise.all(started.splice(0).map((boss) => boss.stop({ graceful: false })));
  if (jobsInProcess === undefined) delete process.env.JOBS_IN_PROCESS;
  else process.env.JOBS_IN_PROCESS = jobsInProcess;
});

afterAll(() => sql.end());

describe("a web instance with JOBS_IN_PROCESS=0", () => {
  it("sends a job that the worker then runs", async () => {
    process.env.JOBS_IN_PROCESS = "0";
    const worker = await startBoss("work", { pollingIntervalSeconds: 0.5 });
    const ran = new Promise<unknown>((resolve) => {
      void worker.work(queueName, { pollingIntervalSeconds: 0.5 }, async (jobs) => resolve(jobs[0]?.data));
    });
    const sender = await getQueue();
    const id = await sender.send(queueName, { article: "a-1" });
    expect(id).toEqual(expect.any(String));
    await expect(ran).resolves.toEqual({ article: "a-1" });
  });

  it("runs no maintenance and no schedules, where a worker runs both", async () => {
    process.env.JOBS_IN_PROCESS = "0";
    await sql.query("UPDATE pgboss.version SET maintained_on = NULL, cron_on = NULL");
    await getQueue();
    await startBoss("send");
    await sleep(2_500);
    expect(await stamps()).toEqual({ maintained: false, cron: false });

    // The same check sees a worker at once, so the silence above is the sender's.
    await startBoss("work");
    await expect.poll(stamps, { timeout: 5_000, interval: 250 }).toEqual({ maintained: true, cron: true });
  });

  it("does not install or migrate pg-boss's schema", async () => {
    const schema = `pgboss_absent_${randomBytes(3).toString("hex")}`;
    await expect(startBoss("send", { schema })).rejects.toThrow(/not installed/);
    const { rows } = await sql.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = $1", [
      schema,
    ]);
    expect(rows).toEqual([]);
  });
});

describe("a web instance running its jobs in process (the default)", () => {
  it("runs the schedules itself", async () => {
    delete process.env.JOBS_IN_PROCESS;
    await sql.query("UPDATE pgboss.version SET cron_on = NULL");
    await getQueue();
    await expect.poll(stamps, { timeout: 5_000, interval: 250 }).toMatchObject({ cron: true });
  });
});
