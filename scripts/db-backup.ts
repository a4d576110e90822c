// npm run db:backup -- [file]: DATABASE_URL's database, or the embedded one.
import { backupDatabase } from "@/lib/server/platform/backup";
import { scriptDatabase } from "./database-url";

const file = process.argv[2] ?? `lectern-backup-${new Date().toISOString().replaceAll(":", "-").slice(0, 19)}.jsonl`;
const database = await scriptDatabase();
const started = performance.now();
try {
  const { tables, rows } = await backupDatabase({ url: database.url, file });
  console.log(`backed up ${rows} rows of ${tables} tables to ${file} in ${Math.round(performance.now() - started)} ms`);
} finally {
  await database.close();
}
