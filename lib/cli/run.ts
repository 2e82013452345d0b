// `npm run dev | build | start | db:seed` land here. Without DATABASE_URL an embedded PostgreSQL is
// started (data under .data/, kept across restarts), migrated and, when empty, seeded with demo content;
// then Next.js runs against it and the database stops when Next.js does.
// `tsx lib/cli/run.ts prisma <args>` runs the Prisma CLI against the same database (e.g. `migrate dev`).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";
import { multiInstanceRefusal } from "./instances";
import { migrateDeploy, run } from "./processes";

const DATA_DIR = path.resolve(".data");
const DATABASE_NAME = "roundtable";

type Database = { url: string; embedded: boolean };

async function openDatabase(): Promise<{ database: Database; server?: EmbeddedServer }> {
  const external = process.env.DATABASE_URL;
  if (external) return { database: { url: external, embedded: false } };
  const started = Date.now();
  const server = await startEmbeddedPostgres({ dir: path.join(DATA_DIR, "postgres") });
  await server.ensureDatabase(DATABASE_NAME);
  const url = server.urlFor(DATABASE_NAME);
  await migrateDeploy(url);
  console.error(
    `[roundtable] embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${server.dir})`,
  );
  return { database: { url, embedded: true }, server };
}

// next-auth needs a secret. A local trial on the embedded database gets one generated once and kept in
// .data/; a deployment against DATABASE_URL must provide its own.
function authSecret(database: Database): string | undefined {
  if (process.env.NEXTAUTH_SECRET || !database.embedded) return process.env.NEXTAUTH_SECRET;
  const file = path.join(DATA_DIR, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function seedDatabase(database: Database, options: { demoAccounts: boolean; onlyIfEmpty: boolean }) {
  const { seed } = await import("../../prisma/seed/index");
  const report = await seed(database.url, options);
  if (report) console.error(`[roundtable] ${report}`);
}

async function main() {
  const [command = "dev", ...rest] = process.argv.slice(2);
  const production = command === "build" || command === "start" || process.env.NODE_ENV === "production";
  const refusal = command === "build" || command === "start" ? multiInstanceRefusal(process.env) : undefined;
  if (refusal) {
    console.error(`[roundtable] refusing to ${command}. ${refusal}`);
    process.exit(1);
  }
  const { database, server } = await openDatabase();
  let exitCode = 0;
  try {
    if (command === "badges") {
      // A full badge pass now, as the daily job runs it (npm run badges:grant).
      process.env.DATABASE_URL = database.url;
      const { runBadgePass } = await import("../data/badges");
      const report = await runBadgePass();
      const line = (change: { userId: string; badgeSlug: string; domainId: string | null }) =>
        `  ${change.badgeSlug}${change.domainId ? ` (domain ${change.domainId})` : ""} → member ${change.userId}`;
      console.log(`Granted ${report.granted.length} badge(s):`);
      report.granted.forEach((change) => console.log(line(change)));
      console.log(`Revoked ${report.revoked.length} badge(s):`);
      report.revoked.forEach((change) => console.log(line(change)));
      return;
    }
    if (command === "seed") {
      const demoAccounts = !production && (database.embedded || rest.includes("--demo"));
      await seedDatabase(database, { demoAccounts, onlyIfEmpty: false });
      return;
    }
    // Demo content for a newcomer: only ever on an empty embedded database, and the shared-password demo
    // accounts never in production mode.
    if (database.embedded && command !== "prisma")
      await seedDatabase(database, { demoAccounts: !production, onlyIfEmpty: true });
    const port = process.env.PORT ?? "3000";
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXTAUTH_SECRET: authSecret(database),
      DEMO_MODE: process.env.DEMO_MODE ?? (database.embedded && !production ? "1" : "0"),
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    };
    if (command === "prisma") exitCode = await run("prisma", rest, env);
    else if (command === "dev") exitCode = await run("next", ["dev", "--port", port, ...rest], env);
    else if (command === "build") exitCode = await run("next", ["build", ...rest], env);
    // The production server: Next's handler behind the fast path for shared pages (lib/cli/serve.ts).
    // Plain node with tsx's loader, not the tsx command: that one SIGKILLs its child when the child does
    // not confirm a signal within 30 ms, which a busy server may not, and the requests in flight die.
    else if (command === "start")
      exitCode = await run(
        process.execPath,
        ["--import", "tsx", "lib/cli/serve.ts", "--port", port, ...rest],
        {
          ...env,
          NODE_ENV: "production",
        },
      );
    else throw new Error(`Unknown command "${command}": use dev, build, start, seed or prisma.`);
  } finally {
    await server?.stop();
  }
  // embedded-postgres installs an exit hook that ends the process with 0: say the real outcome explicitly.
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  console.error(`[roundtable] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
