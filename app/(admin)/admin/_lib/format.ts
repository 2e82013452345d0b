const utcFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/**
 * A moment as admin pages write it: always in UTC, so the server and every browser write the same words, and
 * the sponsor form's window reads in the zone it is entered in.
 */
export function formatUtc(date: string | Date): string {
  return `${utcFormat.format(new Date(date))} UTC`;
}
