import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addCounts, playwrightCounts, readCounts, summaryLine, vitestCounts } from "./test-results";

describe("vitestCounts", () => {
  it("takes vitest's passed and failed tests", () => {
    const report = {
      numPassedTests: 7,
      numFailedTests: 1,
      numPendingTests: 2,
      testResults: [{ status: "failed", assertionResults: [{ status: "passed" }, { status: "failed" }] }],
    };
    expect(vitestCounts(report)).toEqual({ passed: 7, failed: 1 });
  });

  it("counts a file that broke before its tests ran as one failure", () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [
        { status: "failed", assertionResults: [] },
        { status: "passed", assertionResults: [{ status: "passed" }] },
      ],
    };
    expect(vitestCounts(report)).toEqual({ passed: 3, failed: 1 });
  });
});

describe("playwrightCounts", () => {
  it("counts flaky tests as passed and unexpected ones as failed", () => {
    expect(playwrightCounts({ stats: { expected: 4, unexpected: 2, flaky: 1 }, errors: [] })).toEqual({
      passed: 5,
      failed: 2,
    });
  });

  it("counts an error outside the tests (a refusing global setup) as a failure", () => {
    expect(
      playwrightCounts({ stats: { expected: 0, unexpected: 0, flaky: 0 }, errors: [{ message: "x" }] }),
    ).toEqual({ passed: 0, failed: 1 });
  });
});

describe("readCounts", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "test-results-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads a report file", () => {
    const file = path.join(dir, "vitest.json");
    writeFileSync(file, JSON.stringify({ numPassedTests: 2, numFailedTests: 0, testResults: [] }));
    expect(readCounts(file, vitestCounts)).toEqual({ passed: 2, failed: 0 });
  });

  it("counts nothing when the tool wrote no report", () => {
    expect(readCounts(path.join(dir, "missing.json"), playwrightCounts)).toEqual({ passed: 0, failed: 0 });
  });
});

describe("summaryLine", () => {
  it("sums the counts into the runner's last line", () => {
    expect(summaryLine(addCounts({ passed: 10, failed: 0 }, { passed: 3, failed: 2 }))).toBe(
      "tests: 13 passed, 2 failed",
    );
  });
});
