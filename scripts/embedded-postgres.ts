import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { ProtocolQueue } from "./pglite-protocol-queue";

/** Another process (often a second checkout's `npm start`) listens on the embedded database's port. */
export class EmbeddedPortTaken extends Error {
  constructor(readonly port: number) {
    super(
      `port ${port} (the embedded database) is already in use, probably by another checkout's npm start: ` +
        `set LECTERN_PG_PORT to a free port, e.g. LECTERN_PG_PORT=${port + 1} npm start`,
    );
  }
}

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
  try {
    await server.start();
  } catch (error) {
    await pglite.close().catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") throw new EmbeddedPortTaken(port);
    throw error;
  }
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}
