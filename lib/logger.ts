import os from "node:os";
import pino from "pino";

/** Which process wrote a line, when several instances log to one place: INSTANCE_ID, or host and pid. */
export function instanceId(env: Record<string, string | undefined> = process.env): string {
  return env.INSTANCE_ID?.trim() || `${os.hostname()}-${process.pid}`;
}

/** JSON-lines logs; never log request bodies or secrets. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "roundtable", instance: instanceId() },
  redact: ["password", "passwordHash", "*.password", "*.passwordHash", "headers.cookie"],
});
