import type * as React from "react";

import { controlClassName } from "@/components/ui/input";
import { cn } from "@/lib/utils";

export function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  return (
    <textarea
      data-slot="textarea"
      className={cn(controlClassName, "min-h-28 resize-y py-2 leading-relaxed", className)}
      {...props}
    />
  );
}
