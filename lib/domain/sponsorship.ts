// When a sponsor shows: pure rules shared by the data layer, the pages and the "Sponsored by" line.

export type SponsorWindow = { startsAt: string | Date; endsAt: string | Date };

/** A sponsor as readers see it (cached pages, the "Sponsored by" line). */
export type SponsorView = {
  id: string;
  name: string;
  url: string;
  tagline: string;
  /** our own route, with the logo's version in the query so it can be cached for a year */
  logoUrl: string | null;
  startsAt: string;
  endsAt: string;
};

/** Whether `now` falls in the sponsor's window: from its start (inclusive) to its end (exclusive). */
export function isSponsorActive(window: SponsorWindow, now: Date | number): boolean {
  const time = typeof now === "number" ? now : now.getTime();
  return new Date(window.startsAt).getTime() <= time && time < new Date(window.endsAt).getTime();
}

/** Longest delay a browser timer takes (about 24.8 days); a later change is checked again after this. */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * Milliseconds from `now` until the sponsor starts or ends showing, whichever comes next, capped for a
 * browser timer; null once it has ended (nothing changes any more).
 */
export function msUntilNextChange(window: SponsorWindow, now: Date | number): number | null {
  const time = typeof now === "number" ? now : now.getTime();
  const start = new Date(window.startsAt).getTime();
  const end = new Date(window.endsAt).getTime();
  const next = time < start ? start : time < end ? end : null;
  return next === null ? null : Math.min(next - time, MAX_TIMER_MS);
}
