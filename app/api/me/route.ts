import { NextResponse } from "next/server";
import { countUnreadNotifications } from "@/lib/data/notifications";
import { describeBlock } from "@/lib/data/users";
import { getViewer } from "@/lib/session";

export type MeResponse = {
  user: { name: string; handle: string; role: "MEMBER" | "MODERATOR" | "ADMIN" } | null;
  /** set when a session exists but its account may no longer act: the client signs out and says why */
  blocked: string | null;
  /** the number on the header's bell; 0 when signed out */
  unreadNotifications: number;
};

// The signed-in parts of cached pages ask here who is reading, so the pages themselves stay shared.
export async function GET() {
  const { user, block } = await getViewer();
  const body: MeResponse = {
    user: user ? { name: user.name, handle: user.handle, role: user.role } : null,
    blocked: block ? describeBlock(block) : null,
    unreadNotifications: user ? await countUnreadNotifications(user) : 0,
  };
  return NextResponse.json(body, { headers: { "cache-control": "private, no-store" } });
}
