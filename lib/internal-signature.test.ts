import { beforeEach, describe, expect, it } from "vitest";
import { signInternal, verifyInternalSignature } from "./internal-signature";

beforeEach(() => {
  process.env.NEXTAUTH_SECRET = "a-test-secret-of-enough-length";
});

describe("internal request signatures", () => {
  it("accepts the app's own signature and refuses a forged, missing or altered one", () => {
    const body = JSON.stringify({ tags: ["badges"] });
    expect(verifyInternalSignature(body, signInternal(body))).toBe(true);
    expect(verifyInternalSignature(body, null)).toBe(false);
    expect(verifyInternalSignature(body, "00".repeat(32))).toBe(false);
    expect(verifyInternalSignature(`${body} `, signInternal(body))).toBe(false);
  });

  it("refuses when the app has no secret", () => {
    const body = "{}";
    const signature = signInternal(body);
    delete process.env.NEXTAUTH_SECRET;
    expect(verifyInternalSignature(body, signature)).toBe(false);
  });
});
