import "server-only";
import { z } from "zod";

// Read once, validated, at first use (not at import: `next build` imports modules without a database).
const envSchema = z.object({
  DATABASE_URL: z.string().url("DATABASE_URL must be a PostgreSQL connection URL."),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters.").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  DEMO_MODE: z.enum(["0", "1"]).default("0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.NEXTAUTH_SECRET) {
    throw new Error("NEXTAUTH_SECRET is required in production.");
  }
  cached = parsed.data;
  return cached;
}

/** Demo mode lists the demo accounts on the sign-in page; never on in production deployments. */
export function isDemoMode(): boolean {
  return process.env.DEMO_MODE === "1";
}
