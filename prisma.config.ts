import path from "node:path";
import { defineConfig } from "prisma/config";

// Migrations run through our WebAssembly schema engine bridge: Prisma's native engine is a download
// (see prisma/engine/schema-engine.mjs). `prisma generate` only needs the path to name a file.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("prisma/engine/schema-engine.mjs");
process.env.CHECKPOINT_DISABLE ??= "1";

const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Without DATABASE_URL the app's own commands (npm run dev, start, test, db:seed) start an embedded
  // PostgreSQL and pass its URL down; a bare `prisma migrate` then says a URL is required.
  ...(url ? { datasource: { url } } : {}),
});
