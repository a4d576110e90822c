import net from "node:net";
import { startEmbeddedPostgres } from "./embedded-postgres";

const EMBEDDED_PORT = Number(process.env.LECTERN_PG_PORT ?? 54329);

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * For the db:* scripts: DATABASE_URL if set; else the embedded server of a running
 * `npm start`; else the embedded database opened by this script (never both at
 * once: two processes on one PGlite folder lose writes).
 */
export async function scriptDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, close: async () => {} };
  const url = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres?sslmode=disable`;
  if (await portAnswers(EMBEDDED_PORT)) return { url, close: async () => {} };
  const embedded = await startEmbeddedPostgres({
    dataDir: process.env.LECTERN_DATA_DIR ?? ".data/pg",
    port: EMBEDDED_PORT,
  });
  return { url: embedded.url, close: embedded.stop };
}
