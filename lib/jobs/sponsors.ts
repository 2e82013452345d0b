import "server-only";
import type PgBoss from "pg-boss";
import { expireTags } from "@/lib/cache-expiry";
import { tags } from "@/lib/cache-tags";
import { logger } from "@/lib/logger";
import { getQueue, QUEUES } from "./queue";

type SponsorRefresh = { domainId: string };

/**
 * Asks for the domain's cached pages to be refreshed when a sponsor starts and when it ends showing, so the
 * "Sponsored by" line appears and disappears by itself. Times already past are skipped. Never fails the
 * caller: the line also checks its window in the browser, and cached pages expire within the hour anyway.
 */
export async function scheduleSponsorRefresh(
  domainId: string,
  times: Date[],
  now = new Date(),
): Promise<void> {
  try {
    const boss = await getQueue();
    const later = [...new Set(times.map((time) => time.getTime()))].filter((time) => time > now.getTime());
    await Promise.all(
      // A second past the boundary, so the page rendered then is already on the new side of it.
      later.map((time) =>
        boss.sendAfter(
          QUEUES.sponsorRefresh,
          { domainId } satisfies SponsorRefresh,
          {},
          new Date(time + 1000),
        ),
      ),
    );
  } catch (error) {
    logger.error({ err: error, domainId }, "could not schedule a sponsor refresh");
  }
}

/** Registers the worker that refreshes a domain's pages at a sponsor's start and end. */
export async function registerSponsorJobs(boss: PgBoss): Promise<void> {
  await boss.work<SponsorRefresh>(QUEUES.sponsorRefresh, { batchSize: 20 }, async (jobs) => {
    const domainIds = new Set(
      jobs.map((job) => job.data.domainId).filter((id): id is string => typeof id === "string"),
    );
    await expireTags({ tags: [...domainIds].map((id) => tags.domain(id)) });
  });
}
