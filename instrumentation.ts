// Runs once when a Next.js server starts: the job worker runs inside the app by default, so `npm run dev`
// needs nothing else. Deployments with several web instances may run it on its own (`npm run worker`)
// and set JOBS_IN_PROCESS=0 on the web instances.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.JOBS_IN_PROCESS === "0" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (!process.env.DATABASE_URL) return;
  const { startJobWorker } = await import("@/lib/jobs/worker");
  await startJobWorker().catch((error: unknown) => {
    // The site works without the worker; badges then arrive with the next successful start or daily pass.
    console.error("[roundtable] could not start the job worker:", error);
  });
}
