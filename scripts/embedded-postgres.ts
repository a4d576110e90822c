import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { ProtocolQueue } from "./pglite-protocol-queue";

// One process owns the PGlite folder: two processes opening it lose writes
// silently, so everything else (Next, the seed, migrations) connects over TCP.
export async function startEmbeddedPostgres({
  dataDir,
  port = Number(process.env.LECTERN_PG_PORT ?? 54329),
}: {
  dataDir: string;
  port?: number;
}): Promise<{ url: string; stop: () => Promise<void> }> {
  const pglite = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db: pglite, port, host: "127.0.0.1", maxConnections: 16 });
  // Connections take turns per protocol cycle, not per message (see ProtocolQueue).
  const internals = server as unknown as { queryQueue?: unknown };
  if (!internals.queryQueue)
    throw new Error("pglite-socket no longer has a queryQueue: check scripts/pglite-protocol-queue.ts against it");
  internals.queryQueue = new ProtocolQueue(pglite);
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}
