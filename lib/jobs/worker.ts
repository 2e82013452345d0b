import "server-only";
import { logger } from "@/lib/logger";
import { registerBadgeJobs } from "./badges";
import { registerFollowJobs } from "./follows";
import { registerPublishingJobs } from "./publishing";
import { getWorkingQueue } from "./queue";
import { registerSanctionJobs } from "./sanctions";
import { registerSponsorJobs } from "./sponsors";

/** Starts processing background jobs in this process: inside the app by default, or `npm run worker`. */
export async function startJobWorker(): Promise<void> {
  const boss = await getWorkingQueue();
  await registerBadgeJobs(boss);
  await registerFollowJobs(boss);
  await registerSanctionJobs(boss);
  await registerSponsorJobs(boss);
  await registerPublishingJobs(boss);
  logger.info("job worker started");
}
