"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const LINKS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/articles", label: "Articles" },
  { href: "/admin/domains", label: "Domains" },
  { href: "/admin/members", label: "Members" },
  { href: "/admin/blocked-terms", label: "Blocked terms" },
  { href: "/admin/sponsorship", label: "Sponsorship" },
  { href: "/moderation", label: "Review queue" },
  { href: "/moderation/log", label: "Moderation log" },
] as const;

/** The admin area's own navigation, under the site header. */
export function AdminNav() {
  const pathname = usePathname();
  const isCurrent = (href: string) =>
    href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Admin" className="border-border -mt-2 overflow-x-auto border-b">
      <ul className="flex min-w-max gap-1 text-sm">
        {LINKS.map((link) => {
          const current = isCurrent(link.href);
          return (
            <li key={link.href}>
              <Link
                prefetch={false}
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "-mb-px inline-block rounded-t-md border-b-2 px-3 py-2 transition-colors",
                  current
                    ? "border-accent text-foreground font-medium"
                    : "text-muted-foreground hover:text-foreground border-transparent",
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
