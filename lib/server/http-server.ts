// The HTTP server `npm start` runs (lib/cli/serve.ts), and how it stops: on the signal it stops accepting
// connections, lets every request in flight finish (each connection closes after its answer), then
// closes Next and exits with 128 + the signal's number, as `next start` does. lib/shutdown.ts runs first
// (jobs stop, /api/health/ready turns 503) and hands the signal on to this.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import net from "node:net";
import { constants } from "node:os";

/**
 * Node counts a connection whose request bytes have arrived but are not parsed yet as idle. On a busy
 * server that is a request in flight: idle connections are closed only this long after stopping began,
 * and again as often, until every connection is gone.
 */
const IDLE_SWEEP_MS = 1_000;

export type ServeOptions = {
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  /** Called once every connection has closed, before the process exits. */
  close: () => Promise<void>;
  onError: (message: string, error: unknown) => void;
};

export type GracefulServer = {
  server: http.Server;
  /** Stops accepting, finishes the requests in flight, closes, exits. */
  stop: (signal: NodeJS.Signals) => Promise<void>;
};

export function createGracefulServer({ handler, close, onError }: ServeOptions): GracefulServer {
  let stopping = false;
  const server = http.createServer((req, res) => {
    // A connection that is still open when stopping starts closes after its current answer.
    if (stopping) res.shouldKeepAlive = false;
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        onError("request failed", error);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end("Internal Server Error");
        } else {
          res.destroy();
        }
      });
  });

  // A client may send its request and close its side at once (shutdown(SHUT_WR)); by default Node then
  // drops the answer still being made. Finish it, then close the connection.
  (server as http.Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    await new Promise<void>((resolve) => {
      // net's close, not http's: http's closes idle connections at once (see IDLE_SWEEP_MS).
      net.Server.prototype.close.call(server, (error) => {
        if (error && (error as NodeJS.ErrnoException).code !== "ERR_SERVER_NOT_RUNNING") {
          onError("closing the server failed", error);
        }
        resolve();
      });
    });
    clearInterval(sweep);
    await close().catch((error: unknown) => onError("closing Next failed", error));
    process.exit(128 + constants.signals[signal]);
  };

  return { server, stop };
}
