// `npm test` runs every check the project has, cheapest first, and stops at the first failure:
//   format → lint → typecheck → unit → databases → integration → seed → build → e2e
// `tsx lib/cli/test.ts <part>...` runs only the named parts (format, lint, typecheck, unit, integration,
// e2e) plus what they need: integration and e2e get throw-away databases, e2e a seeded database and a
// production build. The last line is always `tests: N passed, N failed`, summed over vitest and Playwright.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  addCounts,
  NO_TESTS,
  playwrightCounts,
  readCounts,
  summaryLine,
  vitestCounts,
  type TestCounts,
} from "../testing/test-results";
import { findChromium, NO_CHROMIUM_MESSAGE } from "./browser";
import { run } from "./processes";
import { openTestDatabases, type TestDatabases } from "./test-database";

const PARTS = ["format", "lint", "typecheck", "unit", "integration", "e2e"] as const;
type Part = (typeof PARTS)[number];
type DatabaseName = "roundtable_integration" | "roundtable_e2e";

class StepFailed extends Error {
  constructor(
    readonly step: string,
    readonly exitCode: number,
  ) {
    super(`${step} failed (exit code ${exitCode})`);
  }
}

function selectedParts(args: string[]): Set<Part> {
  const unknown = args.filter((arg) => !(PARTS as readonly string[]).includes(arg));
  if (unknown.length > 0) {
    console.error(
      `Unknown part "${unknown.join('", "')}": choose from ${PARTS.join(", ")}, or none for all.`,
    );
    process.exit(1);
  }
  return new Set(args.length > 0 ? (args as Part[]) : PARTS);
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Runs one step under a header, prints its duration, and throws StepFailed when it fails. */
async function step(title: string, action: () => Promise<number | void>): Promise<void> {
  console.log(`\n=== ${title} ===`);
  const started = performance.now();
  let exitCode: number;
  try {
    exitCode = (await action()) ?? 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    exitCode = 1;
  }
  console.log(
    `--- ${title}: ${exitCode === 0 ? "passed" : `FAILED (exit code ${exitCode})`} in ${seconds(started)}`,
  );
  if (exitCode !== 0) throw new StepFailed(title, exitCode);
}

/** `npm run <script>`: lint and friends are defined once, in package.json. */
function npmScript(script: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script], { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", reject);
    child.on("exit", (code) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? 1);
    });
  });
}

async function main(): Promise<number> {
  // `npm test -- e2e -- e2e/some.spec.ts`: what follows a second "--" goes to Playwright (one journey).
  const args = process.argv.slice(2);
  const split = args.indexOf("--");
  const parts = selectedParts(split === -1 ? args : args.slice(0, split));
  const playwrightArgs = split === -1 ? [] : args.slice(split + 1);
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
  // Fail fast: a missing browser should not surface after ten minutes of other checks.
  const chromium = parts.has("e2e") ? await findChromium() : undefined;
  if (parts.has("e2e") && !chromium) {
    console.error(NO_CHROMIUM_MESSAGE);
    return 1;
  }

  const started = performance.now();
  const reports = mkdtempSync(path.join(os.tmpdir(), "roundtable-test-reports-"));
  let counts: TestCounts = NO_TESTS;
  let databases: TestDatabases<DatabaseName> | undefined;
  let failure: StepFailed | undefined;
  const vitest = async (project: string, projectEnv: NodeJS.ProcessEnv) => {
    const report = path.join(reports, `${project}.json`);
    const reporters = ["--reporter=default", "--reporter=json", `--outputFile=${report}`];
    const exitCode = await run("vitest", ["run", "--project", project, ...reporters], projectEnv);
    counts = addCounts(counts, readCounts(report, vitestCounts));
    return exitCode;
  };

  try {
    if (parts.has("format")) await step("format (prettier)", () => npmScript("format:check", env));
    if (parts.has("lint")) await step("lint (eslint)", () => npmScript("lint", env));
    if (parts.has("typecheck")) await step("typecheck (tsc)", () => npmScript("typecheck", env));
    if (parts.has("unit")) await step("unit tests (vitest)", () => vitest("unit", env));

    const names: DatabaseName[] = [];
    if (parts.has("integration")) names.push("roundtable_integration");
    if (parts.has("e2e")) names.push("roundtable_e2e");
    if (names.length > 0) {
      await step(`databases (${names.join(", ")})`, async () => {
        databases = await openTestDatabases(names);
        console.log(`Using ${databases.location}.`);
      });
    }
    const urls = databases?.urls;

    if (parts.has("integration") && urls) {
      const integrationEnv = { ...env, INTEGRATION_DATABASE_URL: urls.roundtable_integration };
      await step("integration tests (vitest)", () => vitest("integration", integrationEnv));
    }

    if (parts.has("e2e") && urls && chromium) {
      await step("seed the e2e database", async () => {
        const { seed } = await import("../../prisma/seed/index");
        const report = await seed(urls.roundtable_e2e, { demoAccounts: false, onlyIfEmpty: true });
        if (report) console.log(report);
      });
      const { findFreePort } = await import("./embedded-postgres");
      const port = await findFreePort();
      const appEnv: NodeJS.ProcessEnv = {
        ...env,
        DATABASE_URL: urls.roundtable_e2e,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        // localhost, not 127.0.0.1: next-auth's CSRF cookie is set for the host Next reports.
        NEXTAUTH_URL: `http://localhost:${port}`,
        DEMO_MODE: "0",
        NODE_ENV: "production",
      };
      await step("build (next build)", () => run("next", ["build"], appEnv));
      await step("end-to-end tests (playwright)", async () => {
        const report = path.join(reports, "e2e.json");
        const e2eEnv = {
          ...appEnv,
          CHROMIUM_PATH: chromium,
          E2E_PORT: String(port),
          PLAYWRIGHT_JSON_OUTPUT_NAME: report,
        };
        const exitCode = await run("playwright", ["test", ...playwrightArgs], e2eEnv);
        counts = addCounts(counts, readCounts(report, playwrightCounts));
        return exitCode;
      });
    }
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    failure = error;
  } finally {
    await databases?.close();
    rmSync(reports, { recursive: true, force: true });
  }

  console.log(
    `\n${failure ? `FAILED at step "${failure.step}"` : "All steps passed"} in ${seconds(started)}.`,
  );
  console.log(summaryLine(counts));
  return failure?.exitCode ?? 0;
}

// process.exit, not process.exitCode: embedded-postgres's exit hooks and the seed's connection pool would
// otherwise decide how, and when, this process ends.
main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
