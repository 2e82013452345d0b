"use client";

import { Award, Bookmark, ChevronDown, LayoutDashboard, LogOut, Medal, Settings, User } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
import { InitialsAvatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Skeleton } from "@/components/ui/skeleton";
import { badgeLabel, type BadgeTierName } from "@/lib/domain/badge-labels";
import { opensBackOffice } from "@/lib/domain/permissions";
import { cn } from "@/lib/utils";
import { useViewer } from "./viewer-provider";

const ROLE_LABEL = { MEMBER: "Member", MODERATOR: "Moderator", ADMIN: "Admin" } as const;

// The tier's tone on the icon only: a highlighted item turns accent-coloured, and its text must stay legible.
const TIER_TONE: Record<BadgeTierName, string> = {
  NONE: "text-accent",
  BRONZE: "text-bronze",
  SILVER: "text-silver",
  GOLD: "text-gold",
};

export function AccountMenu() {
  const { viewer } = useViewer();
  const pathname = usePathname();
  const badgesLabelId = useId();

  if (viewer.status === "loading") return <Skeleton className="h-9 w-28" aria-label="Loading your account" />;

  if (viewer.status === "signed-out") {
    const back = pathname.startsWith("/sign-") ? "" : `?callbackUrl=${encodeURIComponent(pathname)}`;
    return (
      <div className="flex items-center gap-2">
        <Button asChild variant="ghost" size="sm">
          <Link prefetch={false} href={`/sign-in${back}`}>
            Sign in
          </Link>
        </Button>
        <Button asChild size="sm">
          <Link prefetch={false} href={`/sign-up${back}`}>
            Join
          </Link>
        </Button>
      </div>
    );
  }

  const { user } = viewer;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Account menu for ${user.name}`} className="gap-2 px-2">
          <InitialsAvatar name={user.name} size="sm" />
          <span className="hidden max-w-40 truncate sm:inline">{user.name}</span>
          <ChevronDown aria-hidden="true" className="size-4" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel>
          <span className="block truncate">{user.name}</span>
          <span className="text-muted-foreground block text-xs font-normal">
            @{user.handle} · {ROLE_LABEL[user.role]}
          </span>
        </DropdownMenuLabel>
        {user.badges.length > 0 ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuGroup aria-labelledby={badgesLabelId}>
              <DropdownMenuLabel id={badgesLabelId}>Your badges</DropdownMenuLabel>
              {user.badges.map((badge) => {
                const Icon = badge.tier === "NONE" ? Award : Medal;
                return (
                  <DropdownMenuItem key={`${badge.slug}:${badge.domainName ?? ""}`} asChild className="group">
                    <Link href={`/badges/${badge.slug}`}>
                      <Icon
                        aria-hidden="true"
                        className={cn("size-4 group-data-highlighted:text-current", TIER_TONE[badge.tier])}
                      />
                      <span className="min-w-0 truncate">
                        {badgeLabel(badge.name, badge.tier)}
                        {badge.domainName ? ` in ${badge.domainName}` : ""}
                      </span>
                    </Link>
                  </DropdownMenuItem>
                );
              })}
            </DropdownMenuGroup>
          </>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={`/members/${user.handle}`}>
            <User aria-hidden="true" /> Your profile
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link prefetch={false} href="/following">
            <Bookmark aria-hidden="true" /> Following
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link prefetch={false} href="/settings">
            <Settings aria-hidden="true" /> Settings
          </Link>
        </DropdownMenuItem>
        {opensBackOffice(user.permissions) ? (
          <DropdownMenuItem asChild>
            <Link prefetch={false} href="/admin">
              <LayoutDashboard aria-hidden="true" /> Admin
            </Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: "/" })}>
          <LogOut aria-hidden="true" /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
