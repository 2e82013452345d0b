// Guards prisma/engine/schema-engine.mjs, our bridge between the Prisma CLI and Prisma's WebAssembly schema
// engine. It speaks an undocumented protocol, so a Prisma upgrade that changes it must fail here rather
// than in a deployment. Drives the real CLI (prisma.config.ts names the bridge) against a fresh database on
// the integration tests' PostgreSQL server.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, ensureDatabase } from "../../lib/cli/embedded-postgres";
import { runQuiet } from "../../lib/cli/processes";
import { withDatabase } from "../../lib/testing/local-database";

const BRIDGE = path.resolve("prisma/engine/schema-engine.mjs");
const MIGRATIONS = "prisma/migrations";
const SCHEMA = "prisma/schema.prisma";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("DATABASE_URL is not set: the integration global setup provides it.");
const adminUrl = withDatabase(serverUrl, "postgres");
const database = `schema_engine_check_${process.pid}_${Date.now()}`;
const url = withDatabase(adminUrl, database);
const scratch = mkdtempSync(path.join(os.tmpdir(), "roundtable-schema-engine-"));

const migrationNames = readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function prisma(...args: string[]) {
  return runQuiet("prisma", args, { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" });
}

async function query<Row>(connectionString: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

beforeAll(() => ensureDatabase(adminUrl, database));

afterAll(async () => {
  await dropDatabase(adminUrl, database);
  rmSync(scratch, { recursive: true, force: true });
});

// The steps build on each other (status and drift need the deployed database), in file order.
describe("the schema engine bridge", () => {
  it("answers --version with one line", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BRIDGE, "--version"]);
    expect(stdout).toMatch(/^\S[^\n]*\n$/);
  });

  it("applies every migration with `migrate deploy`", async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    const { exitCode, output } = await prisma("migrate", "deploy");
    expect(output, output).toContain("All migrations have been successfully applied");
    expect(exitCode).toBe(0);
    const applied = await query<{ migration_name: string }>(
      url,
      `SELECT migration_name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    expect(applied.map((row) => row.migration_name)).toEqual(migrationNames);
  });

  it("reports the database up to date with `migrate status`", async () => {
    const { exitCode, output } = await prisma("migrate", "status");
    expect(output, output).toContain("Database schema is up to date");
    expect(exitCode).toBe(0);
  });

  it("finds no drift between the migrations and schema.prisma", async () => {
    const { exitCode, output } = await prisma(
      "migrate",
      "diff",
      "--from-migrations",
      MIGRATIONS,
      "--to-schema",
      SCHEMA,
      "--exit-code",
    );
    expect(output, output).toContain("No difference detected");
    expect(exitCode).toBe(0);
  });

  it("reports a deliberate drift as a CREATE TABLE with exit code 2", async () => {
    const drifted = path.join(scratch, "schema.prisma");
    writeFileSync(
      drifted,
      `${readFileSync(SCHEMA, "utf8")}\nmodel SchemaEngineDriftCheck {\n  id Int @id\n}\n`,
    );
    const { exitCode, output } = await prisma(
      "migrate",
      "diff",
      "--from-migrations",
      MIGRATIONS,
      "--to-schema",
      drifted,
      "--script",
      "--exit-code",
    );
    expect(output, output).toContain('CREATE TABLE "SchemaEngineDriftCheck"');
    expect(exitCode).toBe(2);
  });

  it("drops the shadow databases it creates", async () => {
    const leftovers = await query<{ datname: string }>(
      adminUrl,
      "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
    );
    expect(leftovers).toEqual([]);
  });
});
