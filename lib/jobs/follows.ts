import "server-only";
import type PgBoss from "pg-boss";
import { z } from "zod";
import { notifyArticleFollowersOfInsight, notifyDomainFollowersOfArticle } from "@/lib/data/follows";
import { logger } from "@/lib/logger";
import { getQueue, QUEUES } from "./queue";

const id = z.string().min(1).max(64);

/** Something followers hear about: an article just published, or an insight just published. */
const followerEventSchema = z.union([
  /** `publishedById`: the admin who published it, who is not told about it */
  z.object({ articleId: id, publishedById: id.nullish() }),
  z.object({ insightId: id }),
]);
export type FollowerEvent = z.infer<typeof followerEventSchema>;

/**
 * Asks for the followers of what changed to be notified: the job runs after the response, outside the
 * publishing transaction, however many followers there are. Call it once the publication has committed
 * (in an action, inside `after()`). Never fails the caller: a lost event costs a notification, not a publish.
 */
export async function requestFollowerNotifications(events: FollowerEvent | FollowerEvent[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  try {
    const boss = await getQueue();
    await Promise.all(
      list.map((event) =>
        boss.send(QUEUES.notifyFollowers, event, { retryLimit: 5, retryDelay: 10, retryBackoff: true }),
      ),
    );
  } catch (error) {
    logger.error({ err: error }, "could not queue follower notifications");
  }
}

/** Notifies the followers of one event; safe to run again for the same event (see lib/data/follows.ts). */
export async function notifyFollowers(data: unknown): Promise<number> {
  const parsed = followerEventSchema.safeParse(data);
  if (!parsed.success) {
    logger.warn({ data }, "ignored a malformed follower notification job");
    return 0;
  }
  const event = parsed.data;
  return "insightId" in event
    ? notifyArticleFollowersOfInsight(event.insightId)
    : notifyDomainFollowersOfArticle(event.articleId, { publishedById: event.publishedById });
}

/** Registers the worker that fans follower notifications out. */
export async function registerFollowJobs(boss: PgBoss): Promise<void> {
  await boss.work<unknown>(QUEUES.notifyFollowers, { batchSize: 10 }, async (jobs) => {
    // One statement per event; a failure fails the batch and pg-boss retries it, which changes nothing for
    // the events already done.
    for (const job of jobs) {
      const notified = await notifyFollowers(job.data);
      if (notified > 0) logger.info({ job: job.id, notified }, "followers notified");
    }
  });
}
