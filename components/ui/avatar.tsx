import type * as React from "react";

import { cn } from "@/lib/utils";

// Each has at least 5.3:1 contrast with white text, in light and dark themes alike.
const palette = [
  "bg-teal-700",
  "bg-indigo-700",
  "bg-rose-700",
  "bg-orange-800",
  "bg-emerald-700",
  "bg-sky-700",
  "bg-violet-700",
  "bg-slate-600",
  "bg-fuchsia-700",
  "bg-yellow-800",
] as const;

const sizes = {
  sm: "size-6 text-[0.625rem]/none",
  md: "size-8 text-xs/none",
  lg: "size-12 text-base/none",
} as const;

/** Up to two initials: first letters of the first and last words ("Ada King Lovelace" → "AL"). */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .map((word) => word.match(/[\p{L}\p{N}]/u)?.[0])
    .filter((letter): letter is string => letter !== undefined);
  const first = words[0];
  if (first === undefined) return "?";
  const last = words.length > 1 ? words[words.length - 1] : "";
  return (first + (last ?? "")).toLocaleUpperCase();
}

function colourFor(name: string): string {
  // FNV-1a: stable across server and client, spreads similar names apart.
  let hash = 0x811c9dc5;
  for (const char of name.trim().toLowerCase()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return palette[(hash >>> 0) % palette.length] ?? palette[0];
}

export type InitialsAvatarProps = Omit<React.ComponentProps<"span">, "children"> & {
  name: string;
  size?: keyof typeof sizes;
};

/** Decorative: always show the name next to it. */
export function InitialsAvatar({ name, size = "md", className, ...props }: InitialsAvatarProps) {
  return (
    <span
      data-slot="avatar"
      aria-hidden="true"
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white select-none",
        colourFor(name),
        sizes[size],
        className,
      )}
      {...props}
    >
      {initialsOf(name)}
    </span>
  );
}
