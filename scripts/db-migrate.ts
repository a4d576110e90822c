import { migrateDeploy } from "./migrate-lib";
import { scriptDatabase } from "./database-url";

const database = await scriptDatabase();
try {
  await migrateDeploy(database.url, { quiet: false });
} finally {
  await database.close();
}
