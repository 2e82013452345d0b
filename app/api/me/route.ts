import { NextResponse } from "next/server";
import { listMenuBadges, type MenuBadge } from "@/lib/data/badge-views";
import { countModerationQueue } from "@/lib/data/moderation/queue";
import { countUnreadNotifications } from "@/lib/data/notifications";
import { describeBlock } from "@/lib/data/users";
import { getViewer } from "@/lib/session";

export type MeResponse = {
  user: {
    name: string;
    handle: string;
    role: "MEMBER" | "MODERATOR" | "ADMIN";
    /** the badges the member holds now, highest tier of each family only, for the account menu */
    badges: MenuBadge[];
  } | null;
  /** set when a session exists but its account may no longer act: the client signs out and says why */
  blocked: string | null;
  /** the number on the header's bell; 0 when signed out */
  unreadNotifications: number;
  /** items awaiting a moderator, for the header's Moderation link; null for everyone but moderators and admins */
  moderationQueueCount: number | null;
};

// The signed-in parts of cached pages ask here who is reading, so the pages themselves stay shared.
export async function GET() {
  const { user, block } = await getViewer();
  const staff = user?.role === "MODERATOR" || user?.role === "ADMIN";
  const [unreadNotifications, badges, moderationQueueCount] = user
    ? await Promise.all([
        countUnreadNotifications(user),
        listMenuBadges(user),
        staff ? countModerationQueue(user) : null,
      ])
    : [0, [], null];
  const body: MeResponse = {
    user: user ? { name: user.name, handle: user.handle, role: user.role, badges } : null,
    blocked: block ? describeBlock(block) : null,
    unreadNotifications,
    moderationQueueCount,
  };
  return NextResponse.json(body, { headers: { "cache-control": "private, no-store" } });
}
