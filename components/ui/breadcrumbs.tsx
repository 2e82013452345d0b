import { ChevronRight } from "lucide-react";
import Link from "next/link";
import type * as React from "react";

import { cn } from "@/lib/utils";

/** `prefetch: false` for a dynamic page (a staff page): prefetching it would run its queries. */
export type BreadcrumbItem = { label: string; href?: string; prefetch?: false };

export type BreadcrumbsProps = Omit<React.ComponentProps<"nav">, "children"> & {
  items: BreadcrumbItem[];
};

/** The trail to the current page; the last item is the current page and is never a link. */
export function Breadcrumbs({ items, className, ...props }: BreadcrumbsProps) {
  return (
    <nav aria-label="Breadcrumb" data-slot="breadcrumbs" className={cn("text-sm", className)} {...props}>
      <ol className="text-muted-foreground flex flex-wrap items-center gap-x-1.5 gap-y-1">
        {items.map((item, index) => {
          const isLast = index === items.length - 1;
          return (
            <li key={`${index}-${item.label}`} className="inline-flex min-w-0 items-center gap-1.5">
              {isLast || item.href === undefined ? (
                <span
                  aria-current={isLast ? "page" : undefined}
                  className={cn(isLast && "text-foreground font-medium")}
                >
                  {item.label}
                </span>
              ) : (
                <Link
                  href={item.href}
                  prefetch={item.prefetch}
                  className="hover:text-foreground rounded-sm underline-offset-4 transition-colors hover:underline"
                >
                  {item.label}
                </Link>
              )}
              {isLast ? null : <ChevronRight aria-hidden="true" className="size-3.5 shrink-0" />}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
