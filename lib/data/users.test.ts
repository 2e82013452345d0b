import { describe, expect, it } from "vitest";
import { accountBlock, describeBlock } from "./users";

const now = new Date("2026-11-22T12:00:00Z");
const hourAgo = new Date(now.getTime() - 3_600_000);
const inAWeek = new Date(now.getTime() + 7 * 24 * 3_600_000);

describe("accountBlock", () => {
  it("does not block an active account", () => {
    expect(accountBlock({ status: "ACTIVE", statusReason: null, statusUntil: null }, now)).toBeNull();
    // a leftover end date does not matter for an active account
    expect(accountBlock({ status: "ACTIVE", statusReason: "old", statusUntil: inAWeek }, now)).toBeNull();
  });

  it("blocks a suspension that has not ended yet", () => {
    expect(accountBlock({ status: "SUSPENDED", statusReason: "Spam", statusUntil: inAWeek }, now)).toEqual({
      status: "SUSPENDED",
      reason: "Spam",
      until: inAWeek,
    });
  });

  it("no longer blocks a suspension that has ended (also at the exact end)", () => {
    expect(accountBlock({ status: "SUSPENDED", statusReason: "Spam", statusUntil: hourAgo }, now)).toBeNull();
    expect(accountBlock({ status: "SUSPENDED", statusReason: "Spam", statusUntil: now }, now)).toBeNull();
  });

  it("blocks an open-ended suspension", () => {
    expect(accountBlock({ status: "SUSPENDED", statusReason: null, statusUntil: null }, now)).toMatchObject({
      status: "SUSPENDED",
    });
  });

  it("always blocks a ban, whatever its end date says", () => {
    for (const statusUntil of [null, hourAgo, inAWeek]) {
      expect(accountBlock({ status: "BANNED", statusReason: "Abuse", statusUntil }, now)).toMatchObject({
        status: "BANNED",
        reason: "Abuse",
      });
    }
  });
});

describe("describeBlock", () => {
  it("says a ban is a ban, with its reason", () => {
    expect(describeBlock({ status: "BANNED", reason: "Harassment", until: null })).toBe(
      "This account has been banned. Reason: Harassment",
    );
    expect(describeBlock({ status: "BANNED", reason: null, until: null })).toBe(
      "This account has been banned.",
    );
  });

  it("says until when a suspension lasts, and why", () => {
    const message = describeBlock({ status: "SUSPENDED", reason: "Spam", until: inAWeek });
    expect(message).toMatch(/suspended/);
    expect(message).toContain(inAWeek.toUTCString());
    expect(message).toContain("Reason: Spam");
    expect(describeBlock({ status: "SUSPENDED", reason: null, until: null })).toBe(
      "This account is suspended.",
    );
  });
});
