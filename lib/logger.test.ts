import os from "node:os";
import { describe, expect, it } from "vitest";
import { instanceId, logger } from "./logger";

describe("instanceId", () => {
  it("is INSTANCE_ID when set", () => {
    expect(instanceId({ INSTANCE_ID: " web-2 " })).toBe("web-2");
  });

  it("is the host name and process id otherwise", () => {
    expect(instanceId({})).toBe(`${os.hostname()}-${process.pid}`);
    expect(instanceId({ INSTANCE_ID: "" })).toBe(`${os.hostname()}-${process.pid}`);
  });
});

describe("logger", () => {
  it("writes the instance id on every line", () => {
    expect(logger.bindings()).toMatchObject({ app: "roundtable", instance: instanceId() });
  });
});
