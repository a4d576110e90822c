// A PostgreSQL cluster of the fault tests' own: initdb into a temporary folder, started
// with pg_ctl on a free port, restarted and removed by the tests. The machine's cluster
// (127.0.0.1:5432) serves everyone else on the machine and is never restarted by a test.
import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/** What a test needs to reach and restart the cluster (plain data: it crosses vitest's provide/inject). */
export type Cluster = { bin: string; dir: string; port: number; adminUrl: string };

const run = promisify(execFile);

/** The newest installed server, e.g. /usr/lib/postgresql/15/bin. */
function serverBin(): string {
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(a) - Number(b));
  if (versions.length === 0) throw new Error("no PostgreSQL server under /usr/lib/postgresql");
  return `/usr/lib/postgresql/${versions.at(-1)}/bin`;
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` user. */
function asServerUser(program: string, args: string[]) {
  const [file, argv] =
    process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, args];
  return run(file, argv, { timeout: 120_000 });
}

/** A port nothing listens on now (the kernel's pick), unless FAULT_PG_PORT names one. */
function freePort(): Promise<number> {
  if (process.env.FAULT_PG_PORT) return Promise.resolve(Number(process.env.FAULT_PG_PORT));
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function pgCtl(cluster: Cluster, action: "start" | "restart" | "stop", extra: string[] = []) {
  const options = `-p ${cluster.port} -k ${cluster.dir} -c listen_addresses=127.0.0.1`;
  return asServerUser(`${cluster.bin}/pg_ctl`, [
    "-D",
    `${cluster.dir}/data`,
    "-o",
    options,
    "-l",
    `${cluster.dir}/log`,
    "-w",
    ...extra,
    action,
  ]);
}

export async function startCluster(): Promise<Cluster> {
  const bin = serverBin();
  const dir = mkdtempSync(join(tmpdir(), "lectern-fault-pg-"));
  if (process.getuid?.() === 0) {
    const { uid, gid } = await postgresIds();
    chownSync(dir, uid, gid);
  }
  await asServerUser(`${bin}/initdb`, ["-D", `${dir}/data`, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const port = await freePort();
  const cluster = { bin, dir, port, adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres` };
  await pgCtl(cluster, "start");
  return cluster;
}

/** A fast-mode restart, as `pg_ctlcluster … restart` does: sessions are cut, committed data stays. */
export async function restartCluster(cluster: Cluster): Promise<void> {
  await pgCtl(cluster, "restart", ["-m", "fast"]);
}

export async function removeCluster(cluster: Cluster): Promise<void> {
  await pgCtl(cluster, "stop", ["-m", "immediate"]).catch(() => undefined);
  rmSync(cluster.dir, { recursive: true, force: true });
}
