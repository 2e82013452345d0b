import "server-only";
import type PgBoss from "pg-boss";
import { expireTags } from "@/lib/cache-expiry";
import { endExpiredSuspensions } from "@/lib/data/sanctions/sanctions";
import { logger } from "@/lib/logger";
import { requestBadgeEvaluation } from "./badges";
import { QUEUES } from "./queue";

/**
 * Ends suspensions whose time is up, once a minute. A member whose suspension ended can sign in and act at
 * once (`accountBlock` ignores an ended suspension when it reads it); this sweep sets their status back to
 * ACTIVE, which brings their insights back onto the cached pages. A job delayed to each suspension's end is
 * not needed: the sweep is one indexed UPDATE, and its delay (at most a minute) only affects what readers see.
 */
export async function registerSanctionJobs(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.endSuspensions, async () => {
    const change = await endExpiredSuspensions();
    if (change.userIds.length === 0) return;
    logger.info({ members: change.userIds.length }, "suspensions ended");
    await expireTags(change);
    await requestBadgeEvaluation(change.userIds);
  });
  await boss.schedule(QUEUES.endSuspensions, "* * * * *", {}, { tz: "UTC" });
}
