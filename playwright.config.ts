// End-to-end tests in real Chromium against a production build, served as `npm start` serves it
// (lib/cli/serve.ts: Next behind the fast path). Run them through
// `npm run test:e2e` (lib/cli/test.ts), which finds a browser, prepares a seeded throw-away database, builds,
// and passes CHROMIUM_PATH, DATABASE_URL, E2E_PORT and NEXTAUTH_SECRET down to this config.
import { defineConfig, devices, type ReporterDescription } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3100";
// localhost, not 127.0.0.1: Next reports the host as localhost and next-auth's CSRF cookie must match it.
const baseURL = `http://localhost:${port}`;

// The runner asks for a JSON report (for its summary line) by naming the file.
const reporter: ReporterDescription[] = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME
  ? [["list"], ["json"]]
  : [["list"]];

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter,
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "retain-on-failure",
    // Playwright's own browser download is unreachable on some machines: the runner finds a Chromium.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // Expects `next build` to have run with the same environment (the runner does both).
    command: `node --import tsx lib/cli/serve.ts --port ${port}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 120_000,
    // Playwright passes its own environment (DATABASE_URL, NEXTAUTH_SECRET, …) to the server as well.
    env: { NEXTAUTH_URL: baseURL, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
