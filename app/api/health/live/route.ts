import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness: 200 while the process answers at all, whatever the database does (a restart would not help). */
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
