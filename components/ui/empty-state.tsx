import type * as React from "react";

import { cn } from "@/lib/utils";

export type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  title: string;
  description?: string;
  /** Usually a Button inviting the first contribution. */
  action?: React.ReactNode;
  /** A decorative icon, e.g. `<MessageSquarePlus />`; it is hidden from assistive tech. */
  icon?: React.ReactNode;
};

export function EmptyState({ title, description, action, icon, className, ...props }: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "border-input/60 flex flex-col items-center gap-3 rounded-lg border border-dashed px-6 py-10 text-center",
        className,
      )}
      {...props}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className="bg-muted text-muted-foreground flex size-11 items-center justify-center rounded-full [&_svg]:size-5"
        >
          {icon}
        </div>
      ) : null}
      <div className="grid max-w-sm gap-1">
        <p className="text-foreground font-semibold">{title}</p>
        {description ? <p className="text-muted-foreground text-sm">{description}</p> : null}
      </div>
      {action ? <div className="mt-1">{action}</div> : null}
    </div>
  );
}
