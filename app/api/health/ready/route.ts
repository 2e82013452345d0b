import { NextResponse } from "next/server";
import { databaseReachable } from "@/lib/database-health";
import { isDraining } from "@/lib/shutdown";

export const dynamic = "force-dynamic";

/**
 * Readiness, for the load balancer: 200 when this instance should get traffic. 503 while it is stopping
 * (so the balancer moves traffic elsewhere before the connections close) or cannot reach the database.
 */
export async function GET() {
  const draining = isDraining();
  const database = await databaseReachable();
  const ok = database && !draining;
  return NextResponse.json(
    { status: ok ? "ok" : draining ? "draining" : "unavailable", database, draining },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
