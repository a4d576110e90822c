// The framework's floor for bench:bundle: the smallest App Router app (a root layout and one
// server-rendered page, no client component of its own), built with this checkout's next and
// react in a throwaway folder inside the project (so it resolves the same node_modules; `.next-*`
// is ignored by git, lint, prettier and tsc), then served by `next start`.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { waitUntilHealthy } from "@/scripts/wait-healthy";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

const LAYOUT = `export const metadata = { title: "floor" };
export default function RootLayout({ children }) {
  return (<html lang="en"><body>{children}</body></html>);
}
`;
const PAGE = `export default function Page() {
  return <main><h1>Floor</h1><p>One server-rendered page.</p></main>;
}
`;
// The health check waitUntilHealthy polls.
const HEALTH = `export function GET() { return new Response("ok"); }
`;

function run(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, ...args], {
      cwd,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next ${args[0]} exited with ${code}`))));
  });
}

export async function buildFloorApp(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = path.resolve(`.next-floor-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app/api/health"), { recursive: true });
  writeFileSync(path.join(dir, "app/layout.jsx"), LAYOUT);
  writeFileSync(path.join(dir, "app/page.jsx"), PAGE);
  writeFileSync(path.join(dir, "app/api/health/route.js"), HEALTH);
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  // Its own (empty) config: without one, Next looks upwards and would load Lectern's.
  writeFileSync(path.join(dir, "next.config.mjs"), "export default {};\n");
  let server: ChildProcess | null = null;
  const stop = async () => {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await run(["build", "."], dir);
    server = spawn(process.execPath, [nextBin, "start", ".", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: dir,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    await waitUntilHealthy({ ports: [port], child: server, timeoutMs: 60_000, what: "floor app" });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/`, stop };
}
