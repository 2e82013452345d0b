// Runs before any end-to-end test: the tests create users and content directly in DATABASE_URL, so refuse
// anything but a local database, and fail with a clear message instead of a browser launch error.
import { existsSync } from "node:fs";
import { databaseHost, isLocalDatabaseUrl } from "../lib/testing/local-database";

export default function globalSetup(): void {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error("DATABASE_URL is not set: run the end-to-end tests with `npm run test:e2e`.");
  }
  if (!isLocalDatabaseUrl(databaseUrl)) {
    throw new Error(
      `Refusing to run end-to-end tests against the database on "${databaseHost(databaseUrl)}": only localhost, 127.0.0.1 or ::1.`,
    );
  }
  const chromium = process.env.CHROMIUM_PATH;
  if (!chromium || !existsSync(chromium)) {
    throw new Error(
      `CHROMIUM_PATH ${chromium ? `("${chromium}") does not exist` : "is not set"}: run the end-to-end tests with \`npm run test:e2e\`, which finds a browser.`,
    );
  }
}
