// Waits until every given port's /api/health answers 200: the e2e servers, the benchmarks and the
// fault tests start production servers and must not send traffic before they are up.
import type { ChildProcess } from "node:child_process";

export async function waitUntilHealthy({
  ports,
  child,
  timeoutMs,
  what = "server",
}: {
  ports: number[];
  /** The process serving them: if it exits, waiting is over. */
  child?: ChildProcess;
  timeoutMs: number;
  what?: string;
}): Promise<void> {
  const healthy = (port: number) =>
    fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`${what} exited with ${child.exitCode} before it was healthy`);
    if ((await Promise.all(ports.map(healthy))).every(Boolean)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not become healthy within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
