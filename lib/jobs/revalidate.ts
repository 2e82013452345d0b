import "server-only";
import { signInternal } from "@/lib/internal-signature";
import { logger } from "@/lib/logger";

/** Asks the web server to mark cached pages stale (jobs have no request of their own to do it in). */
export async function revalidateFromJob(tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  const base = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
  const body = JSON.stringify({ tags: tags.slice(0, 1000) });
  try {
    const response = await fetch(new URL("/api/internal/revalidate", base), {
      method: "POST",
      headers: { "content-type": "application/json", "x-roundtable-signature": signInternal(body) },
      body,
    });
    if (!response.ok) logger.warn({ status: response.status }, "cache revalidation from a job was refused");
  } catch (error) {
    logger.warn({ err: error }, "could not reach the web server to revalidate its cache");
  }
}
