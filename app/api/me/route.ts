import { NextResponse } from "next/server";
import { describeBlock } from "@/lib/data/users";
import { getViewer } from "@/lib/session";

export type MeResponse = {
  user: { name: string; handle: string; role: "MEMBER" | "MODERATOR" | "ADMIN" } | null;
  /** set when a session exists but its account may no longer act: the client signs out and says why */
  blocked: string | null;
};

// The signed-in parts of cached pages ask here who is reading, so the pages themselves stay shared.
export async function GET() {
  const { user, block } = await getViewer();
  const body: MeResponse = {
    user: user ? { name: user.name, handle: user.handle, role: user.role } : null,
    blocked: block ? describeBlock(block) : null,
  };
  return NextResponse.json(body, { headers: { "cache-control": "private, no-store" } });
}
