// `npm run worker`: the background job worker as its own process, the one place jobs run when several web
// instances run with JOBS_IN_PROCESS=0. Needs DATABASE_URL (the same database as the web instances).
// SIGTERM or Ctrl-C: no new jobs are fetched, running ones get up to SHUTDOWN_TIMEOUT_SECONDS to finish
// (what still runs then is marked failed and retried by pg-boss), then the process exits with 0.
import { logger } from "../logger";
import { stopQueue } from "../jobs/queue";
import { startJobWorker } from "../jobs/worker";
import { drainOnShutdown, shutdownTimeoutMs } from "../shutdown";

if (!process.env.DATABASE_URL) {
  console.error("[roundtable] npm run worker needs DATABASE_URL: the database the web instances use.");
  process.exit(1);
}

drainOnShutdown({ timeoutMs: shutdownTimeoutMs(), stopJobs: stopQueue });
try {
  await startJobWorker();
} catch (error) {
  logger.error({ err: error }, "could not start the job worker");
  process.exit(1);
}
console.error("[roundtable] job worker running; SIGTERM or Ctrl-C stops it");
