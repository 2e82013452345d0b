// Server and scripts only (node:crypto): the fingerprint used to refuse posting the same text twice.
import { createHash } from "node:crypto";
import { normalizeBody } from "./domain/insight-rules";

export function hashBody(body: string): string {
  return createHash("sha256").update(normalizeBody(body)).digest("hex");
}
