// `npm run db:seed [-- --reset]`: load the five demo courses into DATABASE_URL.
// Courses that already exist are skipped; --reset deletes and recreates them.
import { createDb } from "@/lib/server/platform/db";
import { seedDatabase } from "@/lib/server/platform/seed";
import { DEMO_PASSWORD, demoAccounts } from "@/prisma/seed-data/demo-accounts";

async function main(): Promise<void> {
  const reset = process.argv.slice(2).includes("--reset");
  const db = createDb();
  try {
    const started = performance.now();
    const { created, skipped } = await seedDatabase({ db, reset });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(created.length ? `Seeded ${created.join(", ")} in ${seconds}s.` : "Nothing to seed.");
    if (skipped.length) console.log(`Skipped (already present; use --reset to recreate): ${skipped.join(", ")}`);
    console.log(`\nDemo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of demoAccounts()) {
      const roles = a.memberships.map((m) => `${m.role.toLowerCase()} in ${m.courseSlug}`).join(", ");
      console.log(`  ${a.email.padEnd(28)} ${a.name} — ${roles}`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
