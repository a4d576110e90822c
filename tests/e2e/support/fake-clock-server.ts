// A spec of its own server pair (scripts/e2e-server.ts: a fresh seeded database, two instances on
// `port` and `port + 2`) with the server clock at `fakeNow` (LECTERN_FAKE_NOW): the demo terms are
// over, so flows that need "now" inside a term (submissions, late hours) run against one of these.
// Registers the spec's beforeAll/afterAll; the server's JSON logs go to a file in the OS temp folder
// (outside test-results/, which a parallel run may wipe).
import { spawn, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "@playwright/test";
import { waitUntilHealthy } from "../../../scripts/wait-healthy";

export function startFakeClockServer({ name, port, fakeNow }: { name: string; port: number; fakeNow: string }): void {
  let server: ChildProcess | null = null;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    server = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts", String(port)], {
      env: { ...process.env, LECTERN_FAKE_NOW: fakeNow },
      stdio: ["ignore", openSync(join(tmpdir(), `lectern-${name}-server-${port}.log`), "w"), "inherit"],
    });
    await waitUntilHealthy({ ports: [port, port + 2], child: server, timeoutMs: 300_000, what: `${name} e2e server` });
  });

  test.afterAll(async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  });
}
