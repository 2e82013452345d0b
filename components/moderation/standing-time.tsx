import type * as React from "react";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const pad = (n: number) => String(n).padStart(2, "0");

/** "29 Nov 2026, 09:30 UTC": the same text on the server and in every browser, whatever its time zone. */
export function formatUtcDateTime(value: string | Date): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** A `<time>` showing an exact moment in UTC: when a suspension ends, when a sanction was issued. */
export function UtcDateTime({
  date,
  ...props
}: Omit<React.ComponentProps<"time">, "dateTime" | "children"> & { date: string | Date }) {
  const value = typeof date === "string" ? new Date(date) : date;
  return (
    <time dateTime={value.toISOString()} {...props}>
      {formatUtcDateTime(value)}
    </time>
  );
}
