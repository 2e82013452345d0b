// The ceiling for the page figures: plain node:http answering every request with the same bytes the app
// served, compressed once at start (brotli or gzip when the request accepts it), so the difference to the
// app is everything the app does per request. Started by bench/main.ts, pinned like the app:
//   node bench/raw-server.mjs <file with the body> <content type>
// Prints {"port": n} once it listens; stops on SIGTERM.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const [file, contentType = "text/html; charset=utf-8"] = process.argv.slice(2);
if (!file) throw new Error("usage: node bench/raw-server.mjs <body file> [content type]");

const identity = readFileSync(file);
const forms = {
  br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  gzip: gzipSync(identity, { level: 9 }),
};

/** @param {string | undefined} accepted */
function pick(accepted = "") {
  const names = accepted.split(",").map((part) => part.split(";")[0]?.trim().toLowerCase());
  if (names.includes("br")) return "br";
  if (names.includes("gzip")) return "gzip";
  return undefined;
}

const server = createServer((request, response) => {
  const encoding = pick(request.headers["accept-encoding"]);
  const body = encoding ? forms[encoding] : identity;
  response.writeHead(200, {
    "content-type": contentType,
    "content-length": body.length,
    vary: "Accept-Encoding",
    ...(encoding ? { "content-encoding": encoding } : {}),
  });
  response.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(
    JSON.stringify({
      port,
      bytes: { identity: identity.length, br: forms.br.length, gzip: forms.gzip.length },
    }),
  );
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
