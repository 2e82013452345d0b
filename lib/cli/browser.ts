// Finds the Chromium the end-to-end tests drive. Playwright's own browser download is unreachable on some
// machines (ours among them), where Debian's chromium serves instead; on a developer's machine with
// internet, `npx playwright install chromium` is the usual way. An explicit CHROMIUM_PATH wins.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found: install it (e.g. "sudo apt-get install chromium"), or set CHROMIUM_PATH to a Chromium or Chrome binary.';

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export type BrowserProbe = {
  env?: { CHROMIUM_PATH?: string };
  exists?: (file: string) => boolean;
  /** where Playwright keeps (or would keep) its own chromium */
  playwrightChromium?: () => Promise<string | undefined>;
  /** installs Playwright's chromium; true when that worked */
  install?: () => boolean;
};

async function playwrightChromium(): Promise<string | undefined> {
  try {
    const { chromium } = await import("@playwright/test");
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

function installPlaywrightChromium(): boolean {
  console.log("[test] No Chromium found: trying `npx playwright install chromium` once.");
  return spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" }).status === 0;
}

/** The first existing browser among: CHROMIUM_PATH, Playwright's chromium, /usr/bin/chromium. */
export async function findChromium(probe: BrowserProbe = {}): Promise<string | undefined> {
  const {
    env = process.env,
    exists = existsSync,
    playwrightChromium: playwright = playwrightChromium,
    install = installPlaywrightChromium,
  } = probe;
  const look = async () => {
    for (const candidate of [env.CHROMIUM_PATH, await playwright(), SYSTEM_CHROMIUM]) {
      if (candidate && exists(candidate)) return candidate;
    }
    return undefined;
  };
  return (await look()) ?? (install() ? await look() : undefined);
}
