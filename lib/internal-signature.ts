import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

// Requests between the app's own processes (a job asking the web server to revalidate its cache) are
// signed with the app's secret, so nobody else can make the server do that work.
function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is needed to sign internal requests.");
  return value;
}

export function signInternal(body: string): string {
  return createHmac("sha256", secret()).update(`roundtable-internal:${body}`).digest("hex");
}

export function verifyInternalSignature(body: string, signature: string | null): boolean {
  if (!signature || !process.env.NEXTAUTH_SECRET) return false;
  const expected = Buffer.from(signInternal(body), "hex");
  const given = Buffer.from(signature, "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
