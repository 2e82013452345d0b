// The bench's two uses of a real browser: Lighthouse on the article page, and finding out which personal
// requests a signed-in reader's article page makes (so the signed-in figure follows the code, whatever the
// endpoints are called). Both are skipped when no Chromium is found; nothing is downloaded.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findChromium } from "../lib/cli/browser";

export async function findBrowser(): Promise<string | undefined> {
  return findChromium({ install: () => false });
}

const CHROME_FLAGS = "--headless=new --no-sandbox --disable-dev-shm-usage --disable-gpu";

export type LighthouseFigures = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  /** compressed bytes of every script the page loaded */
  scriptBytes: number;
  scriptRequests: number;
  failedAudits: string[];
};

type Report = {
  categories: Record<string, { score: number | null }>;
  audits: Record<
    string,
    {
      score: number | null;
      numericValue?: number;
      scoreDisplayMode?: string;
      title: string;
      details?: { items?: { resourceType?: string; transferSize?: number }[] };
    }
  >;
  runtimeError?: { message: string };
};

/** Lighthouse with its defaults: mobile form factor, simulated slow 4G and a 4× slower CPU. */
export async function runLighthouse(url: string, chromium: string): Promise<LighthouseFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "roundtable-lighthouse-"));
  try {
    const output = path.join(dir, "report.json");
    const args = [
      url,
      "--output=json",
      `--output-path=${output}`,
      "--quiet",
      `--chrome-flags=${CHROME_FLAGS}`,
      "--only-categories=performance,accessibility,best-practices,seo",
    ];
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(path.resolve("node_modules/.bin/lighthouse"), args, {
        env: { ...process.env, CHROME_PATH: chromium },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      const timer = setTimeout(() => child.kill("SIGKILL"), 180_000);
      child.on("error", reject);
      child.on("exit", (exitCode) => {
        clearTimeout(timer);
        if (exitCode !== 0) console.error(`[bench] lighthouse: ${stderr}`);
        resolve(exitCode ?? 1);
      });
    });
    if (code !== 0) throw new Error(`lighthouse exited with ${code}`);
    const report = JSON.parse(readFileSync(output, "utf8")) as Report;
    if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
    const score = (category: string) => Math.round((report.categories[category]?.score ?? 0) * 100);
    const scripts = (report.audits["network-requests"]?.details?.items ?? []).filter(
      (item) => item.resourceType === "Script",
    );
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      lcpMs: report.audits["largest-contentful-paint"]?.numericValue ?? NaN,
      tbtMs: report.audits["total-blocking-time"]?.numericValue ?? NaN,
      scriptBytes: scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
      scriptRequests: scripts.length,
      failedAudits: Object.entries(report.audits)
        .filter(([, audit]) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary")
        .map(([id]) => id),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The same-origin /api/ GET requests a signed-in reader's browser makes while the page loads and settles
 * (paths with their query), in order, without repeats.
 */
export async function recordPersonalRequests(
  pageUrl: string,
  sessionCookie: { name: string; value: string },
  chromium: string,
): Promise<string[]> {
  const { chromium: launcher } = await import("@playwright/test");
  const browser = await launcher.launch({ executablePath: chromium, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    const origin = new URL(pageUrl).origin;
    await page.context().addCookies([{ ...sessionCookie, url: origin }]);
    const seen: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin === origin && url.pathname.startsWith("/api/") && request.method() === "GET") {
        const target = url.pathname + url.search;
        if (!seen.includes(target)) seen.push(target);
      }
    });
    await page.goto(pageUrl, { waitUntil: "networkidle", timeout: 30_000 });
    // On a busy machine hydration can end after the network went quiet: give the personal requests up to
    // 10 s to start, then a second for any that follow the first.
    for (const deadline = Date.now() + 10_000; seen.length === 0 && Date.now() < deadline;) {
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(1000);
    return seen;
  } finally {
    await browser.close();
  }
}
