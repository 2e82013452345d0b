import pino from "pino";

/** JSON-lines logs; never log request bodies or secrets. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "roundtable" },
  redact: ["password", "passwordHash", "*.password", "*.passwordHash", "headers.cookie"],
});
