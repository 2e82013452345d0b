#!/usr/bin/env node
// Roundtable's offline stand-in for Prisma's native schema engine.
//
// The Prisma CLI normally downloads a native `schema-engine` binary, which cannot be fetched on an
// offline machine. Prisma also publishes the same engine compiled to WebAssembly on npm
// (@prisma/schema-engine-wasm). This script speaks the native engine's stdio JSON-RPC protocol over that
// WebAssembly build and @prisma/adapter-pg, so `prisma migrate dev|deploy|status|reset|diff` and
// `prisma db push` work with nothing but npm packages. prisma.config.ts names it through
// PRISMA_SCHEMA_ENGINE_BINARY.
//
// The protocol is undocumented: prisma/engine/schema-engine.integration.test.ts exercises every command we rely on,
// so a Prisma upgrade that changes it fails the test suite instead of a deployment.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

const PG_TYPE_CHAR = 18; // the catalog-only `"char"` type (pg_constraint.contype and friends)
const PG_TYPE_TEXT = 25;
// Other catalog types adapter-pg cannot decode; the engine only reads them as text.
const CATALOG_TYPES_READ_AS_TEXT = new Set([22, 24, 30, 194, 2205, 2206]); // int2vector regproc oidvector pg_node_tree regclass regtype

const { cliCommand, datamodelPaths, url } = parseArguments(process.argv.slice(2));
if (cliCommand === "--version") {
  process.stdout.write("schema-engine-cli roundtable-wasm-bridge\n");
  process.exit(0);
}
const connection = connectionFields(url);
if (cliCommand) {
  await runCliCommand(cliCommand);
  process.exit(0);
}
await serveJsonRpc();

function parseArguments(args) {
  let datasource = {};
  let command = null;
  const datamodels = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--version" || arg === "-V") command = "--version";
    else if (arg === "--datasource") datasource = JSON.parse(args[++i]);
    else if (arg === "--datamodels") datamodels.push(args[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "cli") command = args[++i];
  }
  const resolvedUrl = datasource.url ?? process.env.DATABASE_URL;
  if (!resolvedUrl && command !== "--version")
    fail("P1012", "No datasource URL was given to the schema engine.");
  return { cliCommand: command, datamodelPaths: datamodels, url: resolvedUrl };
}

// Discrete fields instead of a connection string: adapter-pg opens its shadow database with
// `new Pool({ ...config, database })`, and pg lets a connection string win over `database`, which would
// silently point the "shadow" database at the real one.
function connectionFields(connectionUrl) {
  if (!connectionUrl) return null;
  const u = new URL(connectionUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
  };
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

async function withClient(database, fn) {
  const client = new pg.Client({ ...connection, database });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// The CLI skips the first stderr line and reads the rest as JSON log lines.
function fail(code, message) {
  process.stderr.write("roundtable-wasm-bridge\n");
  process.stderr.write(
    JSON.stringify({
      level: "ERROR",
      target: "schema_engine::logger",
      fields: { error_code: code, message },
    }) + "\n",
  );
  process.exit(1);
}

async function runCliCommand(command) {
  try {
    if (command === "can-connect-to-database") {
      await withClient(connection.database, async () => {});
    } else if (command === "create-database") {
      await withClient("postgres", (c) => c.query(`CREATE DATABASE ${quoteIdent(connection.database)}`));
    } else if (command === "drop-database") {
      await withClient("postgres", (c) =>
        c.query(`DROP DATABASE IF EXISTS ${quoteIdent(connection.database)} WITH (FORCE)`),
      );
    } else {
      fail("P1000", `Unsupported schema engine command: ${command}`);
    }
  } catch (error) {
    if (error?.code === "3D000") fail("P1003", `Database \`${connection.database}\` does not exist`);
    if (error?.code === "ECONNREFUSED") fail("P1001", `Can't reach database server: ${error.message}`);
    fail("P1000", String(error?.message ?? error));
  }
}

function createAdapterFactory() {
  const factory = new PrismaPg(connection);
  // adapter-pg's own connectToShadowDb() drops the shadow database before closing its pool, which
  // PostgreSQL refuses ("being accessed by other users"): close first, then drop.
  factory.connectToShadowDb = async () => {
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await withClient("postgres", (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
    const adapter = await new PrismaPg({ ...connection, database: name }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await withClient("postgres", (c) =>
        c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      );
    };
    return adapter;
  };
  return factory;
}

// Two adapter-pg behaviours the native engine does not have, patched on the adapter's class:
// - it cannot decode some catalog types the engine's introspection reads ("Column type 'char' could not
//   be deserialized"): report `"char"` as the engine's Character type and the rest as text;
// - its executeScript() splits a migration on every ";", which breaks dollar-quoted function bodies and
//   string literals: send the script whole, as PostgreSQL's simple query protocol allows (and then it
//   also runs as one implicit transaction).
async function patchAdapter(factory) {
  const probe = await factory.connect();
  let proto = Object.getPrototypeOf(probe);
  while (proto && !Object.hasOwn(proto, "queryRaw")) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error("adapter-pg no longer has queryRaw: the schema engine bridge needs updating.");
  const queryRaw = proto.queryRaw;
  proto.queryRaw = async function (query) {
    const charColumns = [];
    const self = Object.create(this);
    self.performIO = async (q) => {
      const result = await this.performIO(q);
      result.fields.forEach((field, index) => {
        if (field.dataTypeID === PG_TYPE_CHAR) {
          charColumns.push(index);
          field.dataTypeID = PG_TYPE_TEXT;
        } else if (CATALOG_TYPES_READ_AS_TEXT.has(field.dataTypeID)) {
          field.dataTypeID = PG_TYPE_TEXT;
        }
      });
      return result;
    };
    const result = await queryRaw.call(self, query);
    for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  let scriptProto = Object.getPrototypeOf(probe);
  while (scriptProto && !Object.hasOwn(scriptProto, "executeScript"))
    scriptProto = Object.getPrototypeOf(scriptProto);
  if (!scriptProto || !("client" in probe)) {
    throw new Error("adapter-pg's executeScript changed: the schema engine bridge needs updating.");
  }
  scriptProto.executeScript = async function (script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  await probe.dispose();
}

function loadWasmEngine() {
  const require = createRequire(import.meta.url);
  // The wasm glue reports Rust panics through this global, which Prisma's own CLI normally defines.
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    message: "",
    set_message(message) {
      this.message = `RuntimeError: ${message}`;
    },
  };
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(gluePath), "schema_engine_bg.wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
    "./schema_engine_bg.js": glue,
  });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

function toRpcError(error) {
  const message = String(error?.message ?? error);
  if (error instanceof WebAssembly.RuntimeError || /unreachable|panicked/i.test(message)) {
    const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY.message || message;
    return {
      code: 4466,
      message: "panic",
      data: { is_panic: true, message: panic, error: { message: panic } },
    };
  }
  const data = { is_panic: false, message };
  if (error && typeof error === "object" && error.code)
    Object.assign(data, { error_code: error.code, meta: error.meta });
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

async function serveJsonRpc() {
  process.on("uncaughtException", (error) => {
    const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message ?? "";
    process.stderr.write(`schema engine bridge failed: ${panic}\n${error?.stack ?? error}\n`);
    process.exit(101);
  });
  const factory = createAdapterFactory();
  await patchAdapter(factory);
  loadWasmEngine();
  const debug = (line) => {
    if (process.env.SCHEMA_ENGINE_DEBUG) process.stderr.write(`${line}\n`);
  };
  const datamodels = datamodelPaths.map((p) => [p, readFileSync(path.resolve(p), "utf8")]);
  const engine = await glue.SchemaEngine.new(
    { datamodels: datamodels.length ? datamodels : undefined },
    debug,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  const methodNames = { getDatabaseVersion: "version" };
  const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");

  async function handle(request) {
    if (request.method === "createDatabase") return { databaseName: connection.database };
    const name = methodNames[request.method] ?? request.method;
    if (typeof engine[name] !== "function")
      throw new Error(`Unsupported schema engine method: ${request.method}`);
    const result = await engine[name](request.params ?? {});
    if (request.method === "diff" && result?.stdout) {
      // The native engine prints a diff through a `print` request back to the CLI.
      send({
        id: 1_000_000 + request.id,
        method: "print",
        params: { content: result.stdout.replace(/\n$/, "") },
      });
      return { ...result, stdout: null };
    }
    return result ?? null;
  }

  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const request = JSON.parse(line);
    if (request.method === undefined) return; // the CLI's answer to our `print` request
    queue = queue.then(async () => {
      try {
        send({ id: request.id, result: await handle(request) });
      } catch (error) {
        debug(`[${request.method}] ${error?.stack ?? error}`);
        send({ id: request.id, error: toRpcError(error) });
      }
    });
  });
  lines.on("close", () => void queue.finally(() => process.exit(0)));
}
