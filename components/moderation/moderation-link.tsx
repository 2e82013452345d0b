"use client";

import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useViewer } from "@/components/layout/viewer-provider";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/** "Moderation, 4 items waiting": the link's name carries the count, so the badge is only for the eye. */
export function moderationLinkLabel(count: number): string {
  if (count === 0) return "Moderation, queue empty";
  return `Moderation, ${count} ${count === 1 ? "item" : "items"} waiting`;
}

/**
 * The header's way into the review queue, with the number of items waiting. Only moderators and admins
 * see it; the count comes from /api/viewer, so the cached header stays the same for every reader.
 */
export function ModerationLink() {
  const { viewer, moderationQueueCount } = useViewer();
  const pathname = usePathname();
  if (viewer.status !== "signed-in" || !viewer.user.permissions.moderate || moderationQueueCount === null) {
    return null;
  }

  const current = pathname === "/moderation" || pathname.startsWith("/moderation/");
  return (
    <Link
      prefetch={false}
      href="/moderation"
      aria-label={moderationLinkLabel(moderationQueueCount)}
      aria-current={current ? "page" : undefined}
      className={cn(
        buttonVariants({ variant: "ghost", size: "sm" }),
        "relative gap-1.5",
        current && "bg-muted",
      )}
    >
      <ShieldCheck aria-hidden="true" className="size-4" />
      <span className="hidden md:inline">Moderation</span>
      {moderationQueueCount > 0 ? (
        <span
          aria-hidden="true"
          className="bg-warning/15 text-warning min-w-5 rounded-full px-1.5 text-center text-[0.6875rem] leading-5 font-semibold tabular-nums"
        >
          {moderationQueueCount > 99 ? "99+" : moderationQueueCount}
        </span>
      ) : null}
    </Link>
  );
}
