import { NextResponse } from "next/server";
import { listMenuBadges } from "@/lib/data/badge-views";
import { countModerationQueue } from "@/lib/data/moderation/queue";
import { countUnreadNotifications } from "@/lib/data/notifications";
import { describeBlock } from "@/lib/data/users";
import { permissionsOf } from "@/lib/domain/permissions";
import type { MeResponse } from "@/lib/domain/viewer";
import { getViewer } from "@/lib/session";

// The signed-in parts of cached pages ask here who is reading, so the pages themselves stay shared.
export async function GET() {
  const { user, block } = await getViewer();
  const permissions = permissionsOf(user);
  const [unreadNotifications, badges, moderationQueueCount] = user
    ? await Promise.all([
        countUnreadNotifications(user),
        listMenuBadges(user),
        permissions.moderate ? countModerationQueue(user) : null,
      ])
    : [0, [], null];
  const body: MeResponse = {
    user: user ? { name: user.name, handle: user.handle, role: user.role, permissions, badges } : null,
    blocked: block ? describeBlock(block) : null,
    unreadNotifications,
    moderationQueueCount,
  };
  return NextResponse.json(body, { headers: { "cache-control": "private, no-store" } });
}
