import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// Background and scheduled work runs on pg-boss: a job queue that lives in PostgreSQL (schema "pgboss"),
// so it needs nothing but the database the app already has. One instance per process, started on first
// use, in one of two roles:
// - "work": the process runs jobs (`npm run worker`, or the web server itself unless JOBS_IN_PROCESS=0).
//   It owns pg-boss's side of the database: creates and migrates the schema and the queues, runs the
//   maintenance (expiring, archiving) and the cron schedules.
// - "send": a web instance with JOBS_IN_PROCESS=0 only adds jobs. With many such instances, each running
//   maintenance and polling the cron tables would multiply that load for nothing; they expect the schema
//   and the queues to exist, so the worker must have started once before their first job.
export const QUEUES = {
  /** evaluate one member's badges after something of theirs changed (debounced per member) */
  evaluateMember: "badges.evaluate-member",
  /** the daily full pass: grants, revocations and Top Voice */
  dailyBadgePass: "badges.daily-pass",
  /** an article or insight was published: tell who follows its domain or article (lib/jobs/follows.ts) */
  notifyFollowers: "follows.notify-followers",
  /** every minute: members whose suspension ended become active again (lib/jobs/sanctions.ts) */
  endSuspensions: "sanctions.end-suspensions",
  /** at a sponsor's start and end: refresh the domain's cached pages (lib/jobs/sponsors.ts) */
  sponsorRefresh: "sponsors.refresh-domain",
  /** every minute: drafts whose scheduled time has come are published (lib/jobs/publishing.ts) */
  publishScheduled: "editorial.publish-scheduled",
} as const;

export type QueueRole = "send" | "work";

/** pg-boss's constructor options for a role: a sender runs no maintenance, no schedules, no migrations. */
export function queueOptions(role: QueueRole, connectionString: string): PgBoss.ConstructorOptions {
  const shared = { connectionString, schema: "pgboss" };
  if (role === "send") return { ...shared, max: 2, supervise: false, schedule: false, migrate: false };
  return { ...shared, max: 4 };
}

type QueueState = { role?: QueueRole; boss?: Promise<PgBoss> };
const state = globalThis as unknown as { roundtableQueue?: QueueState };

/** The role a process gets when it only asks to send: whether jobs run here is the deployment's choice. */
function defaultRole(): QueueRole {
  return process.env.JOBS_IN_PROCESS === "0" ? "send" : "work";
}

function startBoss(queue: QueueState, role: QueueRole): Promise<PgBoss> {
  queue.role = role;
  queue.boss = (async () => {
    const boss = new PgBoss(queueOptions(role, env().DATABASE_URL));
    boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
    await boss.start();
    if (role === "work") for (const name of Object.values(QUEUES)) await boss.createQueue(name);
    return boss;
  })().catch((error: unknown) => {
    if (state.roundtableQueue === queue) state.roundtableQueue = undefined; // try again on the next call
    throw error;
  });
  return queue.boss;
}

/** The process's pg-boss instance for adding jobs, started on first use. */
export function getQueue(): Promise<PgBoss> {
  const queue = (state.roundtableQueue ??= {});
  return queue.boss ?? startBoss(queue, defaultRole());
}

/** The process's pg-boss instance in the "work" role, replacing a send-only one started earlier. */
export async function getWorkingQueue(): Promise<PgBoss> {
  const queue = state.roundtableQueue;
  if (queue?.boss && queue.role === "work") return queue.boss;
  if (queue?.boss) await stopQueue();
  return startBoss((state.roundtableQueue = {}), "work");
}

/**
 * Stops running jobs: no new ones are fetched, no schedules fire, and the running ones get up to
 * `timeoutMs` to finish (pg-boss marks whatever is still running then as failed, so it is retried). The
 * connection stays open, so requests still being answered can add jobs until the process exits.
 */
export async function stopWorking(timeoutMs: number): Promise<void> {
  const queue = state.roundtableQueue;
  if (queue?.role !== "work") return;
  const boss = await queue.boss?.catch(() => undefined);
  await boss?.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
}

/** Stops the process's pg-boss instance (running jobs get up to `timeoutMs`) and closes its connections. */
export async function stopQueue(timeoutMs = 30_000): Promise<void> {
  const boss = await state.roundtableQueue?.boss?.catch(() => undefined);
  state.roundtableQueue = undefined;
  await boss?.stop({ graceful: true, wait: true, close: true, timeout: timeoutMs });
}
