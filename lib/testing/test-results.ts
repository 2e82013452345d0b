// Test counts for the runner's last line, `tests: N passed, N failed`, read from the JSON reports vitest
// (`--reporter=json --outputFile=…`) and Playwright (PLAYWRIGHT_JSON_OUTPUT_NAME) write.
import { existsSync, readFileSync } from "node:fs";

export type TestCounts = { passed: number; failed: number };

export const NO_TESTS: TestCounts = { passed: 0, failed: 0 };

type VitestReport = {
  numPassedTests?: number;
  numFailedTests?: number;
  testResults?: { status?: string; assertionResults?: { status?: string }[] }[];
};

type PlaywrightReport = {
  stats?: { expected?: number; unexpected?: number; flaky?: number };
  errors?: unknown[];
};

export function vitestCounts(report: VitestReport): TestCounts {
  // A file that fails before any of its tests run (a syntax error, a failing import) has no test results:
  // it counts as one failure, or a broken file would read as "0 failed".
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === "failed" && !file.assertionResults?.some((test) => test.status === "failed"),
  ).length;
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + brokenFiles };
}

export function playwrightCounts(report: PlaywrightReport): TestCounts {
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
  // Flaky tests passed on a retry. Errors outside tests (a global setup that refuses to run, a web server
  // that does not start) fail the run without failing a test: each counts as one failure.
  return { passed: expected + flaky, failed: unexpected + (report.errors?.length ?? 0) };
}

/** Counts from a report file; NO_TESTS when the tool died before writing one. */
export function readCounts<Report>(file: string, count: (report: Report) => TestCounts): TestCounts {
  if (!existsSync(file)) return NO_TESTS;
  return count(JSON.parse(readFileSync(file, "utf8")) as Report);
}

export function addCounts(a: TestCounts, b: TestCounts): TestCounts {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed };
}

export function summaryLine({ passed, failed }: TestCounts): string {
  return `tests: ${passed} passed, ${failed} failed`;
}
