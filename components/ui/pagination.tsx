import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import type * as React from "react";

import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

export type PaginationProps = Omit<React.ComponentProps<"nav">, "children"> & {
  /** 1-based. */
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** false on the pages of a dynamic list (search, staff pages): prefetching one would run its queries */
  prefetch?: false;
};

const linkClass = cn(buttonVariants({ variant: "outline", size: "sm" }), "gap-1");

/**
 * Previous / "Page X of Y" / Next. Renders nothing when there is a single page. A server component:
 * `hrefFor` is a function, so call it from server code (or a client component) only.
 */
export function Pagination({ page, pageCount, hrefFor, prefetch, className, ...props }: PaginationProps) {
  if (pageCount <= 1) return null;
  const current = Number.isFinite(page) ? Math.min(Math.max(1, Math.trunc(page)), pageCount) : 1;
  const hasPrevious = current > 1;
  const hasNext = current < pageCount;

  return (
    <nav
      aria-label="Pagination"
      data-slot="pagination"
      className={cn("flex items-center justify-between gap-3", className)}
      {...props}
    >
      {hasPrevious ? (
        <Link href={hrefFor(current - 1)} prefetch={prefetch} rel="prev" className={linkClass}>
          <ChevronLeft aria-hidden="true" />
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={linkClass}>
          <ChevronLeft aria-hidden="true" />
          Previous
        </span>
      )}
      <p className="text-muted-foreground text-sm tabular-nums">
        Page {current} of {pageCount}
      </p>
      {hasNext ? (
        <Link href={hrefFor(current + 1)} prefetch={prefetch} rel="next" className={linkClass}>
          Next
          <ChevronRight aria-hidden="true" />
        </Link>
      ) : (
        <span aria-disabled="true" className={linkClass}>
          Next
          <ChevronRight aria-hidden="true" />
        </span>
      )}
    </nav>
  );
}
