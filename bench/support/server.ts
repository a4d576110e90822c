// Starts the production build (scripts/e2e-server.ts: a fresh seeded database on the
// local PostgreSQL, two instances) for a benchmark, and stops it afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { waitUntilHealthy } from "@/scripts/wait-healthy";

export async function startBenchServer(port: number): Promise<{ base: string; stop: () => Promise<void> }> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(`${distDir}/BUILD_ID`)) {
    throw new Error(`No production build in ${distDir}: run \`npx next build\` first.`);
  }
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, LOG_LEVEL: "warn" },
  });
  const base = `http://127.0.0.1:${port}`;
  // e2e-server starts its instances one after the other: the second answering means both are up.
  await waitUntilHealthy({ ports: [port + 2], child, timeoutMs: 180_000, what: "bench server" });
  return {
    base,
    stop: async () => {
      child.kill("SIGTERM");
      if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
    },
  };
}

/** Signs in through next-auth's credentials flow over HTTP; returns the Cookie header. */
export async function signInCookie(base: string, email: string, password = "lectern-demo"): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...rest] = pair!.split("=");
      jar.set(name!, rest.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`sign-in failed for ${email} (${res.status})`);
  return cookie();
}
