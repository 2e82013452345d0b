"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { useViewer } from "./viewer-provider";

/** "Notifications, 3 unread": the link's name carries the count, so the badge is only for the eye. */
function notificationBellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : "Notifications";
}

/** The header's bell: a link to /notifications with the unread count, for signed-in readers only. */
export function NotificationBell() {
  const { viewer, unreadNotifications } = useViewer();
  const pathname = usePathname();
  if (viewer.status !== "signed-in") return null;

  const current = pathname === "/notifications";
  return (
    <Link
      prefetch={false}
      href="/notifications"
      aria-label={notificationBellLabel(unreadNotifications)}
      aria-current={current ? "page" : undefined}
      className={cn(
        buttonVariants({ variant: "ghost", size: "icon" }),
        "relative size-9",
        current && "bg-muted",
      )}
    >
      <Bell aria-hidden="true" className="size-5" />
      {unreadNotifications > 0 ? (
        <span
          aria-hidden="true"
          className="bg-accent text-accent-foreground ring-background absolute -top-0.5 -right-0.5 min-w-5 rounded-full px-1 text-center text-[0.6875rem] leading-5 font-semibold tabular-nums ring-2"
        >
          {unreadNotifications > 99 ? "99+" : unreadNotifications}
        </span>
      ) : null}
    </Link>
  );
}
