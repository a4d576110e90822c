// A second checkout's `npm start` finds the embedded database's port taken: it stops with one
// line naming LECTERN_PG_PORT (issue 15), not a stack trace, and leaves the other server alone.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

let blocker: net.Server;
let port: number;
let dataDir: string;

beforeAll(async () => {
  blocker = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  port = (blocker.address() as net.AddressInfo).port;
  dataDir = mkdtempSync(join(tmpdir(), "lectern-port-"));
});
afterAll(async () => {
  await new Promise((resolve) => blocker.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

it("npm start on a taken LECTERN_PG_PORT exits 1 with one line that names the variable", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, LECTERN_PG_PORT: String(port), LECTERN_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/launch.ts", "start"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code).toBe(1);
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^\\[lectern\\] port ${port} .*already in use.*LECTERN_PG_PORT`));
  // It stops before building: a build started here would outlive the exit and hold .next/'s lock.
  expect(stdout).not.toMatch(/next build/);
});
