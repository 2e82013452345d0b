"use client";

import {
  Award,
  BellOff,
  CheckCheck,
  CircleCheck,
  EyeOff,
  FileText,
  Gavel,
  MessageCircleHeart,
  MessageSquarePlus,
  RotateCcw,
  ShieldAlert,
  ShieldCheck,
  ShieldX,
} from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useAction } from "@/components/hooks/use-action";
import { useViewer } from "@/components/layout/viewer-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { toast } from "@/components/ui/toaster";
import { callAction } from "@/lib/client/call-action";
import type { NotificationItem, NotificationPage } from "@/lib/data/notifications";
import { cn } from "@/lib/utils";
import {
  loadMoreNotificationsAction,
  markAllNotificationsReadAction,
  markNotificationReadAction,
} from "../actions";

const ICONS: Record<NotificationItem["kind"], typeof CircleCheck> = {
  INSIGHT_PUBLISHED: CircleCheck,
  INSIGHT_REACTIONS: MessageCircleHeart,
  BADGE_GRANTED: Award,
  INSIGHT_APPROVED: CircleCheck,
  INSIGHT_REJECTED: ShieldX,
  INSIGHT_REMOVED: ShieldX,
  INSIGHT_RESTORED: RotateCcw,
  INSIGHT_HIDDEN: EyeOff,
  APPEAL_DECIDED: Gavel,
  MEMBER_WARNED: ShieldAlert,
  MEMBER_SUSPENDED: ShieldAlert,
  SANCTION_LIFTED: ShieldCheck,
  FOLLOWED_DOMAIN_ARTICLE: FileText,
  FOLLOWED_ARTICLE_INSIGHT: MessageSquarePlus,
};

export function NotificationList({
  initialPage,
  initialUnreadCount,
}: {
  initialPage: NotificationPage;
  initialUnreadCount: number;
}) {
  const { refresh } = useViewer();
  const [items, setItems] = useState(initialPage.items);
  const [nextCursor, setNextCursor] = useState(initialPage.nextCursor);
  const [unreadCount, setUnreadCount] = useState(initialUnreadCount);
  // several rows may be marked at once: each row's own pending state is kept here
  const [marking, setMarking] = useState<ReadonlySet<string>>(new Set());
  const { run: sendRead } = useAction(markNotificationReadAction);
  const { run: markAllRead, pending: markingAll } = useAction(markAllNotificationsReadAction, {
    onSuccess: async () => {
      showRead("all");
      setUnreadCount(0);
      toast.success("All notifications marked as read");
      await refresh();
    },
  });
  const { run: fetchMore, pending: loadingMore } = useAction(loadMoreNotificationsAction, {
    onSuccess: (page) => {
      setItems((current) => {
        const shown = new Set(current.map((item) => item.id));
        return [...current, ...page.items.filter((item) => !shown.has(item.id))];
      });
      setNextCursor(page.nextCursor);
    },
  });

  function showRead(ids: ReadonlySet<string> | "all") {
    setItems((current) =>
      current.map((item) => (ids === "all" || ids.has(item.id) ? { ...item, unread: false } : item)),
    );
  }

  async function markRead(item: NotificationItem) {
    setMarking((current) => new Set(current).add(item.id));
    const outcome = await sendRead({ id: item.id });
    setMarking((current) => {
      const next = new Set(current);
      next.delete(item.id);
      return next;
    });
    if (!outcome.ok) return;
    showRead(new Set([item.id]));
    setUnreadCount((count) => Math.max(0, count - 1));
    await refresh();
  }

  // Opening a notification reads it. The link navigates at once; the action is already on its way and the
  // bell is asked again when it lands (the page change alone could ask before the write commits).
  function open(item: NotificationItem) {
    if (!item.unread) return;
    showRead(new Set([item.id]));
    setUnreadCount((count) => Math.max(0, count - 1));
    // The member is on their way elsewhere: a failure is not worth a toast, and the bell shows what is true.
    void callAction(() => markNotificationReadAction({ id: item.id })).then(() => refresh());
  }

  async function loadMore() {
    if (nextCursor) await fetchMore({ cursor: nextCursor });
  }

  if (items.length === 0) {
    return (
      <EmptyState
        icon={<BellOff />}
        title="You're all caught up"
        description="When one of your insights is published, or members react to it, you will hear about it here."
        action={
          <Button asChild variant="outline" size="sm">
            <Link href="/#domains">Find an article to contribute to</Link>
          </Button>
        }
      />
    );
  }

  const anyUnread = unreadCount > 0 || items.some((item) => item.unread);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="text-muted-foreground text-sm tabular-nums">
          {unreadCount > 0 ? `${unreadCount} unread` : "Nothing unread"}
        </p>
        <Button
          variant="outline"
          size="sm"
          onClick={() => void markAllRead()}
          disabled={!anyUnread || markingAll}
        >
          <CheckCheck aria-hidden="true" />
          {markingAll ? "Marking…" : "Mark all as read"}
        </Button>
      </div>

      <ul className="flex flex-col gap-2" aria-label="Your notifications">
        {items.map((item) => {
          const Icon = ICONS[item.kind];
          const textId = `notification-${item.id}`;
          return (
            <li
              key={item.id}
              className={cn(
                "flex items-start gap-3 rounded-lg border p-4 transition-colors",
                item.unread ? "border-accent/40 bg-accent/5" : "border-border bg-card",
              )}
            >
              <span
                aria-hidden="true"
                className={cn(
                  "grid size-9 shrink-0 place-items-center rounded-full",
                  item.unread ? "bg-accent text-accent-foreground" : "bg-muted text-muted-foreground",
                )}
              >
                <Icon className="size-4" />
              </span>
              <div className="grid min-w-0 flex-1 gap-1">
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  {item.unread ? <Badge>New</Badge> : null}
                  <Link
                    id={textId}
                    href={item.href}
                    onClick={() => open(item)}
                    className={cn(
                      "rounded-sm underline-offset-4 hover:underline",
                      item.unread ? "text-foreground font-semibold" : "text-foreground/85",
                    )}
                  >
                    {item.text}
                  </Link>
                </p>
                <RelativeTime date={item.updatedAt} className="text-muted-foreground text-sm" />
              </div>
              {item.unread ? (
                <Button
                  variant="ghost"
                  size="sm"
                  aria-describedby={textId}
                  disabled={marking.has(item.id)}
                  onClick={() => void markRead(item)}
                  className="shrink-0"
                >
                  Mark as read
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>

      {nextCursor ? (
        <div className="flex justify-center">
          <Button
            variant="outline"
            onClick={() => void loadMore()}
            disabled={loadingMore}
            aria-busy={loadingMore}
          >
            {loadingMore ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
