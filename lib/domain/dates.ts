// Calendar dates in words ("12 November 2026"), in UTC so a cached page reads the same everywhere. For
// server-rendered text only: client components use RelativeTime.
const DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

export function formatDay(iso: string): string {
  return DAY.format(new Date(iso));
}
