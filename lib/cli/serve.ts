// The production server `npm start` runs (through lib/cli/run.ts): Next's request handler behind a plain
// node:http server, with the fast path for shared pages in front of it (lib/server/fast-path.ts) and the
// compression Next would otherwise apply itself (next.config.ts turns Next's own off, so the fast path can
// copy pages before they are compressed). `node --import tsx lib/cli/serve.ts [--port N] [--hostname H]`.
import { createRequire } from "node:module";
import type { IncomingMessage, ServerResponse } from "node:http";

// Set before anything reads it (the logger does at import).
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

function option(args: string[], names: string[]): string | undefined {
  const at = args.findIndex((arg) => names.includes(arg));
  return at === -1 ? undefined : args[at + 1];
}

async function main() {
  const args = process.argv.slice(2);
  const port = Number(option(args, ["--port", "-p"]) ?? process.env.PORT ?? 3000);
  const hostname = option(args, ["--hostname", "-H"]) ?? process.env.HOSTNAME;

  const { default: next } = await import("next");
  const { logger } = await import("@/lib/logger");
  const { sharedCacheStore } = await import("@/lib/next-cache/handler.mjs");
  const { databaseReachable } = await import("@/lib/database-health");
  const { articleRedirectTarget } = await import("@/lib/article-redirects");
  const { createFastPath } = await import("@/lib/server/fast-path");
  const { SharedPages, sharedPagesMaxBytes } = await import("@/lib/server/shared-pages");
  const { createGracefulServer } = await import("@/lib/server/http-server");

  const require = createRequire(import.meta.url);
  const compression = require("next/dist/compiled/compression") as () => Middleware;
  const { releaseCompressionStream } = require("next/dist/server/lib/release-compression-stream") as {
    releaseCompressionStream: (res: ServerResponse) => void;
  };
  const compressor = compression();
  const compress = (req: IncomingMessage, res: ServerResponse) => {
    compressor(req, res, () => {});
    // As Next does: a client gone before the end would otherwise leave the zlib stream behind.
    res.once("close", () => {
      if (!res.writableFinished) releaseCompressionStream(res);
    });
  };

  const store = sharedCacheStore();
  const pages = new SharedPages({
    maxBytes: sharedPagesMaxBytes(process.env.FAST_PATH_MAX_MB),
    freshness: (tags, lastModified, revalidate) => store.freshness(tags, lastModified, revalidate),
  });
  store.onClear(() => pages.clear());

  const app = next({ dev: false, dir: process.cwd(), port, hostname, quiet: true });
  // Usable once prepared; the server listens only then.
  const nextHandler = app.getRequestHandler();
  const fastPath = createFastPath({
    pages,
    next: (req, res) => nextHandler(req, res),
    compress,
    hearsExpirations: () => store.listening,
    databaseReachable,
    articleRedirectTarget,
    log: (message, error) => logger.error({ err: error }, message),
  });
  const { server, stop } = createGracefulServer({
    handler: fastPath,
    close: () => app.close(),
    onError: (message, error) => logger.error({ err: error }, message),
  });
  // Before Next starts: lib/shutdown.ts (run by Next's instrumentation) takes these over, stops the jobs
  // first and then hands the signal on.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(signal));

  await app.prepare();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  logger.info({ port, hostname: hostname ?? "all interfaces", fastPathMaxBytes: pages.maxBytes }, "ready");
}

main().catch((error: unknown) => {
  console.error("[roundtable] the server could not start:", error);
  process.exit(1);
});
