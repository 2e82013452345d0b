"use client";

import { useSyncExternalStore } from "react";
import type * as React from "react";

import { cn } from "@/lib/utils";

// One shared clock for every <RelativeTime> on the page, ticking only while at least one is mounted.
const TICK_MS = 30_000;
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick() {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribeToClock(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) {
    // The clock may be stale after a while with nothing mounted; React re-reads the snapshot after subscribing.
    now = Date.now();
    timer = setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const getClock = () => now;
// On the server and during hydration there is no "now" to agree on, so the absolute date is shown.
const getServerClock = () => null;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const pad = (n: number) => String(n).padStart(2, "0");

// Formatted by hand rather than with Intl so server and browser produce identical text whatever their ICU data.
function absoluteDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

function absoluteDateTimeUtc(date: Date): string {
  return `${absoluteDate(date)}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 days ago", "in 2 hours", "yesterday", "just now". */
export function formatRelative(date: Date, nowMs: number, locale = "en-GB"): string {
  const seconds = (date.getTime() - nowMs) / 1000;
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, unitSeconds] of UNITS) {
    if (abs >= unitSeconds) return format.format(Math.round(seconds / unitSeconds), unit);
  }
  return format.format(Math.sign(seconds), "minute");
}

function exactDateTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

export type RelativeTimeProps = Omit<React.ComponentProps<"time">, "children" | "dateTime"> & {
  date: string | Date;
  /** Locale for the relative text and the hover title (default "en-GB"). */
  locale?: string;
};

/**
 * `<time>` showing "3 days ago", with the exact date-time (in the reader's time zone) on hover.
 * The server and the hydration pass render the absolute UTC date ("12 Nov 2026") so the markup matches.
 */
export function RelativeTime({ date, locale = "en-GB", className, title, ...props }: RelativeTimeProps) {
  const clock = useSyncExternalStore(subscribeToClock, getClock, getServerClock);
  const value = typeof date === "string" ? new Date(date) : date;

  if (Number.isNaN(value.getTime())) {
    return (
      <time className={className} {...props}>
        {String(date)}
      </time>
    );
  }

  const mounted = clock !== null;
  return (
    <time
      dateTime={value.toISOString()}
      title={title ?? (mounted ? exactDateTime(value, locale) : absoluteDateTimeUtc(value))}
      className={cn("whitespace-nowrap", className)}
      {...props}
    >
      {mounted ? formatRelative(value, clock, locale) : absoluteDate(value)}
    </time>
  );
}
