// `npm run worker`: the background job worker as its own process, for deployments that run several web
// instances with JOBS_IN_PROCESS=0. Needs DATABASE_URL (the same database as the web instances).
import { startJobWorker } from "../jobs/worker";
import { stopQueue } from "../jobs/queue";

if (!process.env.DATABASE_URL) {
  console.error("[roundtable] npm run worker needs DATABASE_URL: the database the web instances use.");
  process.exit(1);
}

await startJobWorker();
console.error("[roundtable] job worker running; Ctrl-C stops it");
const stop = async () => {
  await stopQueue();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
