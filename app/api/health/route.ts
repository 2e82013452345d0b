import { NextResponse } from "next/server";
import { databaseReachable } from "@/lib/database-health";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: 200 when the app can reach its database, 503 when not. */
export async function GET() {
  const ok = await databaseReachable();
  return NextResponse.json(
    { status: ok ? "ok" : "unavailable", database: ok },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
