import "server-only";
import type PgBoss from "pg-boss";
import { expireTags } from "@/lib/cache-expiry";
import { publishDueArticles } from "@/lib/data/editorial/publishing";
import { logger } from "@/lib/logger";
import { requestFollowerNotifications } from "./follows";
import { QUEUES } from "./queue";

/**
 * Scheduled publishing: once a minute, every draft whose scheduled time has come is published and the pages
 * that list or show it are refreshed. pg-boss runs a schedule once across workers, and the publishing
 * UPDATE claims each article once even if two runs overlap, so an article is never published twice.
 */
export async function registerPublishingJobs(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.publishScheduled, async () => {
    const change = await publishDueArticles();
    if (change.published.length === 0) return;
    logger.info({ articles: change.published.map((a) => a.id) }, "scheduled articles published");
    await expireTags(change);
    await requestFollowerNotifications(change.published.map((article) => ({ articleId: article.id })));
  });
  await boss.schedule(QUEUES.publishScheduled, "* * * * *", {}, { tz: "UTC" });
}
