import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// Background and scheduled work runs on pg-boss: a job queue that lives in PostgreSQL (schema "pgboss"),
// so it needs nothing but the database the app already has. One instance per process, started on first
// use; pg-boss creates and migrates its own schema.
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

type QueueState = { boss?: Promise<PgBoss> };
const state = globalThis as unknown as { roundtableQueue?: QueueState };

/** The process's pg-boss instance, started and with our queues created. */
export function getQueue(): Promise<PgBoss> {
  const queue = (state.roundtableQueue ??= {});
  queue.boss ??= (async () => {
    const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss", max: 4 });
    boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
    await boss.start();
    for (const name of Object.values(QUEUES)) await boss.createQueue(name);
    return boss;
  })().catch((error: unknown) => {
    queue.boss = undefined; // try again on the next call
    throw error;
  });
  return queue.boss;
}

export async function stopQueue(): Promise<void> {
  const boss = await state.roundtableQueue?.boss?.catch(() => undefined);
  state.roundtableQueue = undefined;
  await boss?.stop({ graceful: true, wait: true });
}
