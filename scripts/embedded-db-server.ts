// `npm run db:embedded`: only the embedded PostgreSQL, for db:migrate/db:seed by hand.
import { startEmbeddedPostgres } from "./embedded-postgres";

const embedded = await startEmbeddedPostgres({ dataDir: ".data/pg" });
console.log(`embedded PostgreSQL listening: DATABASE_URL=${embedded.url}`);
const stop = async () => {
  await embedded.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
