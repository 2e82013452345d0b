const utcFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** A date as admins read it on these pages: always in UTC, the zone the sponsor form uses. */
export function formatUtc(date: string | Date): string {
  return `${utcFormat.format(new Date(date))} UTC`;
}
