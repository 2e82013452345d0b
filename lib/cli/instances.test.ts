import { describe, expect, it } from "vitest";
import { configuredInstances, multiInstanceProblems, multiInstanceRefusal } from "./instances";

const KEY = Buffer.alloc(32, 7).toString("base64");
const fixed = { DEPLOYMENT_ID: "release-42", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY };

describe("configuredInstances", () => {
  it("is 1 unless INSTANCES says otherwise", () => {
    expect(configuredInstances({})).toBe(1);
    expect(configuredInstances({ INSTANCES: " " })).toBe(1);
    expect(configuredInstances({ INSTANCES: "3" })).toBe(3);
  });

  it("is undefined for anything but a positive whole number", () => {
    for (const value of ["0", "-2", "1.5", "two", "3x"]) {
      expect(configuredInstances({ INSTANCES: value }), value).toBeUndefined();
    }
  });
});

describe("multiInstanceProblems", () => {
  it("asks nothing of a single instance", () => {
    expect(multiInstanceProblems({})).toEqual([]);
    expect(multiInstanceProblems({ INSTANCES: "1" })).toEqual([]);
  });

  it("accepts several instances with a fixed deployment id and a valid key", () => {
    expect(multiInstanceProblems({ INSTANCES: "2", ...fixed })).toEqual([]);
    const key16 = Buffer.alloc(16, 1).toString("base64");
    expect(
      multiInstanceProblems({ INSTANCES: "2", ...fixed, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key16 }),
    ).toEqual([]);
  });

  it("names each missing value when several instances are configured", () => {
    const problems = multiInstanceProblems({ INSTANCES: "2" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^DEPLOYMENT_ID is not set/);
    expect(problems[1]).toMatch(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set/);
    expect(multiInstanceProblems({ INSTANCES: "4", ...fixed, DEPLOYMENT_ID: "  " })).toEqual([
      expect.stringMatching(/^DEPLOYMENT_ID is not set/),
    ]);
  });

  it("refuses a key that is not a base64 AES key", () => {
    for (const key of ["not base64!", Buffer.alloc(20).toString("base64"), "secret"]) {
      expect(
        multiInstanceProblems({ INSTANCES: "2", ...fixed, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }),
        key,
      ).toEqual([expect.stringMatching(/must be a base64-encoded AES key/)]);
    }
  });

  it("refuses an INSTANCES value it cannot read rather than guessing", () => {
    expect(multiInstanceProblems({ INSTANCES: "many", ...fixed })).toEqual([
      expect.stringMatching(/INSTANCES must be a whole number/),
    ]);
  });
});

describe("multiInstanceRefusal", () => {
  it("is undefined when nothing is wrong", () => {
    expect(multiInstanceRefusal({ INSTANCES: "3", ...fixed })).toBeUndefined();
  });

  it("says how many instances and lists every problem", () => {
    const message = multiInstanceRefusal({ INSTANCES: "3" });
    expect(message).toMatch(/^INSTANCES=3: /);
    expect(message).toContain("  - DEPLOYMENT_ID is not set");
    expect(message).toContain("  - NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set");
  });
});
