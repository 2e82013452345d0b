import { describe, expect, it } from "vitest";
import {
  computeTrust,
  isTrustedByRole,
  TRUST_RULES,
  upheldReportWindowStart,
  type TrustFacts,
} from "./trust";

const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;
const NOW = new Date("2026-06-15T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

/** A member who meets every condition; each test spoils one. */
const established: TrustFacts = {
  role: "MEMBER",
  createdAt: ago(30 * DAY),
  publishedCount: 3,
  upheldReportsLast30Days: 0,
  override: null,
};

describe("computeTrust", () => {
  it("states the rule's numbers: 7 days, 3 published insights, no upheld report in 30 days", () => {
    expect(TRUST_RULES).toEqual({ accountAgeDays: 7, publishedInsights: 3, upheldReportWindowDays: 30 });
  });

  it("trusts a member with an old enough account, 3 published insights and no upheld report", () => {
    expect(computeTrust(established, NOW)).toBe("TRUSTED");
  });

  it("trusts an account exactly 7 days old, not one a second younger", () => {
    expect(computeTrust({ ...established, createdAt: ago(7 * DAY) }, NOW)).toBe("TRUSTED");
    expect(computeTrust({ ...established, createdAt: ago(7 * DAY - SECOND) }, NOW)).toBe("NEW");
    expect(computeTrust({ ...established, createdAt: NOW }, NOW)).toBe("NEW");
  });

  it("keeps a member with 2 published insights new, and trusts one with 3 or more", () => {
    expect(computeTrust({ ...established, publishedCount: 0 }, NOW)).toBe("NEW");
    expect(computeTrust({ ...established, publishedCount: 2 }, NOW)).toBe("NEW");
    expect(computeTrust({ ...established, publishedCount: 3 }, NOW)).toBe("TRUSTED");
    expect(computeTrust({ ...established, publishedCount: 250 }, NOW)).toBe("TRUSTED");
  });

  it("makes a member new again while a report against them upheld in the last 30 days counts", () => {
    expect(computeTrust({ ...established, upheldReportsLast30Days: 1 }, NOW)).toBe("NEW");
    expect(computeTrust({ ...established, publishedCount: 90, upheldReportsLast30Days: 4 }, NOW)).toBe("NEW");
  });

  it("counts reports upheld within 30 days: the window starts exactly 30 days before now", () => {
    expect(upheldReportWindowStart(NOW)).toEqual(ago(30 * DAY));
    // A report upheld 31 days ago is outside the window, so the caller counts 0.
    const upheld31DaysAgo = ago(31 * DAY);
    expect(upheld31DaysAgo < upheldReportWindowStart(NOW)).toBe(true);
  });

  it("lets an admin's override win in both directions", () => {
    expect(computeTrust({ ...established, override: "NEW" }, NOW)).toBe("NEW");
    const brandNew: TrustFacts = {
      ...established,
      createdAt: NOW,
      publishedCount: 0,
      upheldReportsLast30Days: 2,
    };
    expect(computeTrust({ ...brandNew, override: "TRUSTED" }, NOW)).toBe("TRUSTED");
  });

  it.each(["MODERATOR", "ADMIN"] as const)("always trusts a %s, whatever their record", (role) => {
    const record: TrustFacts = {
      role,
      createdAt: NOW,
      publishedCount: 0,
      upheldReportsLast30Days: 3,
      override: "NEW",
    };
    expect(computeTrust(record, NOW)).toBe("TRUSTED");
  });
});

describe("isTrustedByRole", () => {
  it("trusts moderators and admins by their role alone, members by their record", () => {
    expect(isTrustedByRole("MEMBER")).toBe(false);
    expect(isTrustedByRole("MODERATOR")).toBe(true);
    expect(isTrustedByRole("ADMIN")).toBe(true);
  });
});
