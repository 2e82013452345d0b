// Global setup of the `integration` vitest project: one migrated, throw-away database for all test files.
// `npm test` passes the database it prepared as INTEGRATION_DATABASE_URL; a direct
// `npm run test:integration` starts its own throw-away embedded PostgreSQL and removes it afterwards.
import { openTestDatabases } from "../cli/test-database";
import { databaseHost, isLocalDatabaseUrl } from "./local-database";

export default async function setup(): Promise<() => Promise<void>> {
  const given = process.env.INTEGRATION_DATABASE_URL;
  if (given && !isLocalDatabaseUrl(given)) {
    throw new Error(
      `INTEGRATION_DATABASE_URL points at "${databaseHost(given)}": integration tests only run on a local database.`,
    );
  }
  // Test workers are forked after global setup and inherit this environment (checked with vitest 4.1); the
  // data layer reads DATABASE_URL at its first query.
  if (given) {
    process.env.DATABASE_URL = given;
    return async () => {};
  }
  const databases = await openTestDatabases(["roundtable_integration"]);
  console.log(`[integration] using ${databases.location}`);
  process.env.DATABASE_URL = databases.urls.roundtable_integration;
  return databases.close;
}
