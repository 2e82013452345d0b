"use server";

import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationPage,
} from "@/lib/data/notifications";
import { requireUser } from "@/lib/session";

// Notifications are personal and rendered per request, so no shared cache tag changes here. The schemas
// stay in this file: no form shares them, and a "use server" module may export only its actions.
const notificationIdSchema = z.object({ id: z.string().trim().min(1).max(64) });
const notificationsPageSchema = z.object({ cursor: z.string().min(1).max(200) });

export async function markNotificationReadAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    const { id } = notificationIdSchema.parse(input);
    await markNotificationRead(user, id);
    return { id };
  });
}

export async function markAllNotificationsReadAction(): Promise<ActionResult<{ count: number }>> {
  return runAction(async () => {
    const user = await requireUser();
    return markAllNotificationsRead(user);
  });
}

export async function loadMoreNotificationsAction(input: unknown): Promise<ActionResult<NotificationPage>> {
  return runAction(async () => {
    const user = await requireUser();
    const { cursor } = notificationsPageSchema.parse(input);
    return listNotifications(user, { cursor });
  });
}
