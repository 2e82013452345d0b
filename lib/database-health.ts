import pg from "pg";

// A cheap, shared answer to "can we reach PostgreSQL?", refreshed at most every few seconds so the check
// costs one `SELECT 1` per interval however busy the site is.
const HEALTHY_TTL_MS = 5_000;
const UNHEALTHY_TTL_MS = 1_000;

type Health = { ok: boolean; checkedAt: number; pending?: Promise<boolean>; pool?: pg.Pool };
const state = globalThis as unknown as { roundtableDbHealth?: Health };

function pool(health: Health): pg.Pool {
  return (health.pool ??= new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 1,
    connectionTimeoutMillis: 1_500,
    idleTimeoutMillis: 10_000,
    query_timeout: 1_500,
  }).on("error", () => {}));
}

async function check(health: Health): Promise<boolean> {
  try {
    await pool(health).query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether PostgreSQL answered the last check. `maxAgeMs` asks for a fresher answer than usual: the fast
 * path (lib/server/fast-path.ts) asks for one when it has just lost its own connection.
 */
export async function databaseReachable({
  maxAgeMs = Infinity,
}: { maxAgeMs?: number } = {}): Promise<boolean> {
  if (!process.env.DATABASE_URL) return true; // nothing to check (e.g. during `next build` without a database)
  const health = (state.roundtableDbHealth ??= { ok: true, checkedAt: 0 });
  const ttl = Math.min(maxAgeMs, health.ok ? HEALTHY_TTL_MS : UNHEALTHY_TTL_MS);
  if (Date.now() - health.checkedAt < ttl) return health.ok;
  health.pending ??= check(health).then((ok) => {
    Object.assign(health, { ok, checkedAt: Date.now(), pending: undefined });
    return ok;
  });
  return health.pending;
}
