// npm run db:restore -- <file>: migrates the target (DATABASE_URL's or the embedded
// database), then loads the backup in one transaction; the target must be empty.
import { restoreDatabase } from "@/lib/server/platform/backup";
import { scriptDatabase } from "./database-url";
import { migrateDeploy } from "./migrate-lib";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:restore -- <backup file>");
  process.exit(2);
}
const database = await scriptDatabase();
try {
  await migrateDeploy(database.url);
  const { rows } = await restoreDatabase({ url: database.url, file });
  console.log(`restored ${rows} rows from ${file}`);
} finally {
  await database.close();
}
