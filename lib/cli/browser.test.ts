import { describe, expect, it, vi } from "vitest";
import { findChromium, type BrowserProbe } from "./browser";

const FROM_ENV = "/opt/chrome/chrome";
const PLAYWRIGHTS = "/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";
const SYSTEM = "/usr/bin/chromium";

// A machine on which exactly `present` exist; installing makes `installs` appear.
function machine(present: string[], installs: string[] = []) {
  const files = new Set(present);
  const install = vi.fn(() => {
    installs.forEach((file) => files.add(file));
    return installs.length > 0;
  });
  const probe: BrowserProbe = {
    env: { CHROMIUM_PATH: FROM_ENV },
    exists: (file) => files.has(file),
    playwrightChromium: () => Promise.resolve(PLAYWRIGHTS),
    install,
  };
  return { probe, install };
}

describe("findChromium", () => {
  it("prefers CHROMIUM_PATH over every other browser", async () => {
    const { probe, install } = machine([FROM_ENV, PLAYWRIGHTS, SYSTEM]);
    expect(await findChromium(probe)).toBe(FROM_ENV);
    expect(install).not.toHaveBeenCalled();
  });

  it("takes Playwright's chromium next, when its file exists", async () => {
    const { probe } = machine([PLAYWRIGHTS, SYSTEM]);
    expect(await findChromium(probe)).toBe(PLAYWRIGHTS);
  });

  it("falls back to /usr/bin/chromium", async () => {
    const { probe } = machine([SYSTEM]);
    expect(await findChromium({ ...probe, env: {} })).toBe(SYSTEM);
  });

  it("skips a Playwright that cannot name its chromium", async () => {
    const { probe } = machine([SYSTEM]);
    expect(await findChromium({ ...probe, playwrightChromium: () => Promise.resolve(undefined) })).toBe(
      SYSTEM,
    );
  });

  it("installs Playwright's chromium once when nothing exists, then looks again", async () => {
    const { probe, install } = machine([], [PLAYWRIGHTS]);
    expect(await findChromium(probe)).toBe(PLAYWRIGHTS);
    expect(install).toHaveBeenCalledTimes(1);
  });

  it("gives up when the install fails", async () => {
    const { probe, install } = machine([]);
    expect(await findChromium(probe)).toBeUndefined();
    expect(install).toHaveBeenCalledTimes(1);
  });
});
