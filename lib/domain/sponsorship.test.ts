import { describe, expect, it } from "vitest";
import { isSponsorActive, MAX_TIMER_MS, msUntilNextChange } from "./sponsorship";

const window = { startsAt: "2026-12-01T00:00:00.000Z", endsAt: "2026-12-31T00:00:00.000Z" };
const at = (iso: string) => new Date(iso);

describe("isSponsorActive", () => {
  it("is active from the start, inclusive, to the end, exclusive", () => {
    expect(isSponsorActive(window, at("2026-11-30T23:59:59.999Z"))).toBe(false);
    expect(isSponsorActive(window, at("2026-12-01T00:00:00.000Z"))).toBe(true);
    expect(isSponsorActive(window, at("2026-12-15T12:00:00.000Z"))).toBe(true);
    expect(isSponsorActive(window, at("2026-12-30T23:59:59.999Z"))).toBe(true);
    expect(isSponsorActive(window, at("2026-12-31T00:00:00.000Z"))).toBe(false);
  });

  it("takes Date windows and millisecond times alike", () => {
    const dates = { startsAt: new Date(window.startsAt), endsAt: new Date(window.endsAt) };
    expect(isSponsorActive(dates, Date.parse("2026-12-02T00:00:00Z"))).toBe(true);
    expect(isSponsorActive(dates, Date.parse("2027-01-02T00:00:00Z"))).toBe(false);
  });
});

describe("msUntilNextChange", () => {
  it("counts to the start before it, to the end during it, and stops after it", () => {
    expect(msUntilNextChange(window, at("2026-11-30T23:59:00.000Z"))).toBe(60_000);
    expect(msUntilNextChange(window, at("2026-12-30T23:00:00.000Z"))).toBe(3_600_000);
    expect(msUntilNextChange(window, at("2026-12-31T00:00:00.000Z"))).toBeNull();
  });

  it("never asks for a longer timer than a browser keeps", () => {
    expect(msUntilNextChange(window, at("2025-01-01T00:00:00.000Z"))).toBe(MAX_TIMER_MS);
  });
});
