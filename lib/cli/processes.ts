// Child processes for the command-line entry points: binaries from node_modules/.bin, with signals
// forwarded so Ctrl-C stops the child first and then whatever the parent started (the database).
import { spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";

const BIN = path.resolve("node_modules/.bin");

/**
 * Runs a binary from node_modules/.bin (or at an absolute path) and resolves with its exit code (128 + the signal's number when a
 * signal ended it, as a shell reports it). `npm start`'s server drains on SIGTERM and exits with 143 itself.
 */
export function run(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.isAbsolute(bin) ? bin : path.join(BIN, bin), args, { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 128 + constants.signals[signal] : 1));
    });
  });
}

/** `prisma migrate deploy` against `url`: applies the committed migrations, never prompts. */
export async function migrateDeploy(url: string): Promise<void> {
  const code = await runQuiet("prisma", ["migrate", "deploy"], { ...process.env, DATABASE_URL: url });
  if (code.exitCode !== 0) throw new Error(`prisma migrate deploy failed:\n${code.output}`);
}

/** Runs a binary, capturing its output instead of printing it. */
export function runQuiet(
  bin: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, bin), args, { stdio: ["ignore", "pipe", "pipe"], env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ exitCode: code ?? 1, output }));
  });
}
