import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

// `npm run worker` is where jobs run when the web instances have JOBS_IN_PROCESS=0: it must start against
// the database and stop cleanly on SIGTERM, as an orchestrator stops it, with exit code 0.

describe("npm run worker", () => {
  it("starts, and on SIGTERM stops its jobs and exits with 0", async () => {
    // As `npm run worker` runs it (see package.json): node loading tsx, no relaying parent process.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "lib/cli/worker.ts"],
      {
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXTAUTH_SECRET: "a-secret-for-this-test-only",
          LOG_LEVEL: "info",
          SHUTDOWN_TIMEOUT_SECONDS: "10",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    await expect.poll(() => output, { timeout: 30_000, interval: 100 }).toMatch(/job worker running/);
    const signalled = Date.now();
    child.kill("SIGTERM");
    const code = await exited;

    expect(code, output).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(output).toMatch(/"msg":"draining/);
    expect(output).toMatch(/"msg":"jobs stopped"/);
    // Every log line says which process wrote it.
    const lines = output.split("\n").filter((line) => line.startsWith("{"));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ instance: expect.any(String) });
  }, 45_000);
});
