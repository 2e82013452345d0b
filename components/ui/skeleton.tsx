import type * as React from "react";

import { cn } from "@/lib/utils";

/**
 * A placeholder block in the shape of the content to come. Hidden from assistive tech: mark the loading
 * region with aria-busy and/or a visually hidden "Loading…" instead.
 */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("bg-muted rounded-md motion-safe:animate-pulse", className)}
      {...props}
    />
  );
}
