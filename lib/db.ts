import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type Database } from "@/prisma/client";

// One client per process, created at first use rather than at import (`next build` imports modules
// without needing a database), kept on globalThis so `next dev` reloads do not open new pools.
const globalForDb = globalThis as unknown as { roundtableDb?: Database };

export function getDb(): Database {
  return (globalForDb.roundtableDb ??= createPrismaClient(env().DATABASE_URL));
}

export const db: Database = new Proxy({} as Database, {
  get: (_target, property) => Reflect.get(getDb(), property),
});
