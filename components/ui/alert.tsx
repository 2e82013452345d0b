import { cva, type VariantProps } from "class-variance-authority";
import { CircleCheck, CircleX, Info, TriangleExclamationPoint } from "lucide-react";
import type * as React from "react";

import { cn } from "@/lib/utils";

export const alertVariants = cva(
  "relative grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1 rounded-lg border px-4 py-3 text-sm text-foreground [&>svg]:row-span-2 [&>svg]:mt-0.5 [&>svg]:size-4",
  {
    variants: {
      variant: {
        info: "border-accent/40 bg-accent/5 [&>svg]:text-accent",
        success: "border-success/40 bg-success/5 [&>svg]:text-success",
        warning: "border-warning/40 bg-warning/5 [&>svg]:text-warning",
        destructive: "border-destructive/50 bg-destructive/5 [&>svg]:text-destructive",
      },
    },
    defaultVariants: { variant: "info" },
  },
);

const icons = {
  info: Info,
  success: CircleCheck,
  warning: TriangleExclamationPoint,
  destructive: CircleX,
} as const;

export type AlertProps = React.ComponentProps<"div"> & VariantProps<typeof alertVariants>;

/** A message block. role="status" (polite) by default, role="alert" (assertive) for destructive. */
export function Alert({ className, variant, role, children, ...props }: AlertProps) {
  const tone = variant ?? "info";
  const Icon = icons[tone];
  return (
    <div
      data-slot="alert"
      role={role ?? (tone === "destructive" ? "alert" : "status")}
      className={cn(alertVariants({ variant: tone }), className)}
      {...props}
    >
      <Icon aria-hidden="true" />
      {children}
    </div>
  );
}

export function AlertTitle({ className, ...props }: React.ComponentProps<"p">) {
  return (
    <p
      data-slot="alert-title"
      className={cn("col-start-2 leading-snug font-semibold", className)}
      {...props}
    />
  );
}

export function AlertDescription({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn("text-foreground/90 col-start-2 leading-relaxed [&_p]:leading-relaxed", className)}
      {...props}
    />
  );
}
