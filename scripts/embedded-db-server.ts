// `npm run db:embedded`: only the embedded PostgreSQL, for db:migrate/db:seed by hand.
import { startEmbeddedPostgres } from "./embedded-postgres";

const embedded = await startEmbeddedPostgres({ dataDir: ".data/pg" });
console.log(`embedded PostgreSQL listening: DATABASE_URL=${embedded.url}`);
const stop = () => {
  embedded.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("embedded PostgreSQL did not stop cleanly:", error);
      process.exit(1);
    },
  );
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
