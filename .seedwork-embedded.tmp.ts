import { startEmbeddedPostgres } from "@/scripts/embedded-postgres";
import { migrateDeploy } from "@/scripts/migrate-lib";
import { createDb } from "@/lib/server/db";
import { seedDatabase } from "@/lib/server/seed";
const e = await startEmbeddedPostgres({ dataDir: "/tmp/seedwork-pg", port: 54391 });
try {
  migrateDeploy(e.url);
  const db = createDb(e.url, 2);
  let t = performance.now();
  console.log(await seedDatabase({ db }), ((performance.now() - t) / 1000).toFixed(1), "s");
  t = performance.now();
  console.log(await seedDatabase({ db, reset: true }), ((performance.now() - t) / 1000).toFixed(1), "s");
  console.log(await db.ledgerEntry.count(), await db.grade.count());
  await db.$disconnect();
} finally { await e.stop(); }
