// An orchestrator stops a web instance with SIGTERM: `npm start` (lib/cli/run.ts → lib/cli/serve.ts) passes the
// signal on, the instance stops accepting connections, answers the request it is in the middle of, and
// exits with Next's code for SIGTERM (143), which comes back through npm start. Runs its own production
// server from the same build on another port; no browser.
import { spawn } from "node:child_process";
import net from "node:net";
import { findFreePort } from "../lib/cli/embedded-postgres";
import { expect, test } from "./fixtures";

// As `npm start` runs it: node loading tsx, so the signal reaches our process itself (the tsx CLI relays
// signals through a parent process that SIGKILLs a child slow to acknowledge them).

/** Whether a new TCP connection to `port` is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

test("SIGTERM: new connections are refused, the request in flight completes, npm start exits", async () => {
  test.setTimeout(60_000);
  const port = await findFreePort();
  const server = spawn(process.execPath, ["--import", "tsx", "lib/cli/run.ts", "start"], {
    env: {
      ...process.env,
      PORT: String(port),
      NEXTAUTH_URL: `http://localhost:${port}`,
      INSTANCE_ID: "shutdown-test",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));

  try {
    const ready = async () =>
      (await fetch(`http://127.0.0.1:${port}/api/health/ready`).catch(() => null))?.status;
    await expect.poll(ready, { timeout: 30_000 }).toBe(200);

    // A request in flight: its headers are in, its body arrives slowly (a sign-in form on a slow network).
    const body = "csrfToken=x&email=nobody%40example.test&password=not-the-password";
    const socket = net.connect(port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    let response = "";
    socket.on("data", (chunk: Buffer) => (response += chunk.toString()));
    const responded = new Promise((resolve) => socket.once("end", resolve));
    socket.write(
      `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n` +
        body.slice(0, 10),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    server.kill("SIGTERM");
    await expect.poll(() => accepts(port), { timeout: 10_000 }).toBe(false);
    expect(response).toBe(""); // still waiting for the rest of its body

    socket.end(body.slice(10));
    await responded;
    expect(response).toMatch(/^HTTP\/1\.1 \d{3} /);
    expect(await exited, output).toBe(143);
    expect(output).toContain('"instance":"shutdown-test"');
    expect(output).toMatch(/"msg":"draining/);
  } finally {
    server.kill("SIGKILL");
  }
});
