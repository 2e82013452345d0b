import "server-only";
import type PgBoss from "pg-boss";
import { expireTags } from "@/lib/cache-expiry";
import { runBadgePass } from "@/lib/data/badges";
import { logger } from "@/lib/logger";
import { getQueue, QUEUES } from "./queue";

/** Seconds to wait for more changes by the same member before evaluating them once. */
export const EVALUATION_DEBOUNCE_SECONDS = 5;

/**
 * Asks for a badge evaluation of these members soon. Debounced per member, so a burst of reactions makes
 * one evaluation; never fails the caller (the daily pass catches anything missed).
 */
export async function requestBadgeEvaluation(userIds: string[]): Promise<void> {
  try {
    const boss = await getQueue();
    await Promise.all(
      [...new Set(userIds)].map((userId) =>
        boss.sendDebounced(QUEUES.evaluateMember, { userId }, {}, EVALUATION_DEBOUNCE_SECONDS, userId),
      ),
    );
  } catch (error) {
    logger.error({ err: error }, "could not queue a badge evaluation");
  }
}

/** Registers the badge workers and the daily schedule on `boss` (pg-boss runs a schedule once across workers). */
export async function registerBadgeJobs(boss: PgBoss): Promise<void> {
  await boss.work<{ userId: string }>(QUEUES.evaluateMember, { batchSize: 20 }, async (jobs) => {
    const users = jobs.map((job) => job.data.userId).filter((id): id is string => typeof id === "string");
    const report = await runBadgePass({ users });
    if (report.granted.length) logger.info({ granted: report.granted.length }, "badges granted");
    await expireTags(report);
  });
  await boss.work(QUEUES.dailyBadgePass, async () => {
    const report = await runBadgePass();
    logger.info({ granted: report.granted.length, revoked: report.revoked.length }, "daily badge pass");
    await expireTags(report);
  });
  await boss.schedule(QUEUES.dailyBadgePass, "0 0 * * *", {}, { tz: "UTC" });
}
