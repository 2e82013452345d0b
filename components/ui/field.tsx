import type * as React from "react";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

export type FieldProps = {
  /** The control's id; the description and error get `${id}-description` and `${id}-error`. */
  id: string;
  label: React.ReactNode;
  description?: React.ReactNode;
  error?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
};

/** Label, control, description and error for one form field. The control sets its own aria-* (see `fieldControlProps`). */
export function Field({ id, label, description, error, className, children }: FieldProps) {
  return (
    <div data-slot="field" className={cn("grid gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {description ? (
        <p id={`${id}-description`} className="text-muted-foreground text-sm">
          {description}
        </p>
      ) : null}
      {error ? (
        <p role="alert" id={`${id}-error`} className="text-destructive text-sm font-medium">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The aria attributes a control inside `<Field>` should carry, e.g. `<Input {...fieldControlProps(id, { description, error })} />`. */
export function fieldControlProps(
  id: string,
  { description, error }: { description?: unknown; error?: unknown },
): { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined } {
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined };
}
