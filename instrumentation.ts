// Runs once when a Next.js server starts. It takes part in stopping (lib/shutdown.ts: /api/health/ready
// turns 503, jobs stop, then Next finishes the requests in flight) and, by default, runs the job worker
// inside the app, so `npm run dev` needs nothing else. Deployments with several web instances run the
// worker on its own (`npm run worker`) and set JOBS_IN_PROCESS=0 on the web instances, which then only add
// jobs (lib/jobs/queue.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { drainOnShutdown, shutdownTimeoutMs } = await import("@/lib/shutdown");
  const { stopWorking } = await import("@/lib/jobs/queue");
  drainOnShutdown({ timeoutMs: shutdownTimeoutMs(), stopJobs: stopWorking });
  if (process.env.JOBS_IN_PROCESS === "0" || !process.env.DATABASE_URL) return;
  const { startJobWorker } = await import("@/lib/jobs/worker");
  await startJobWorker().catch((error: unknown) => {
    // The site works without the worker; badges then arrive with the next successful start or daily pass.
    console.error("[roundtable] could not start the job worker:", error);
  });
}
