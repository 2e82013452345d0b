"use client";

import type * as React from "react";
import { Toaster as Sonner } from "sonner";

export { toast } from "sonner";

/** Mount once in the root layout. Toasts follow the OS colour scheme and are announced politely. */
export function Toaster(props: React.ComponentProps<typeof Sonner>) {
  return <Sonner theme="system" richColors closeButton {...props} />;
}
