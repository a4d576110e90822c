import "../support/register-server-only.mjs";
const { createDb } = await import("@/lib/server/db");
const db = createDb(`postgresql://postgres@127.0.0.1:5432/postgres`, 4);
await db.$queryRaw`SELECT 1`;
const m = async (label: string, fn: () => Promise<unknown>) => {
  for (let i = 0; i < 50; i++) await fn();
  const c = process.cpuUsage(); const s = performance.now();
  for (let i = 0; i < 300; i++) await fn();
  const d = process.cpuUsage(c);
  console.log(label, "cpu/op", ((d.user + d.system) / 1000 / 300).toFixed(3), "ms; wall/op", ((performance.now() - s) / 300).toFixed(3));
};
await m("raw SELECT 1", () => db.$queryRaw`SELECT 1`);
await m("raw with params", () => db.$queryRaw`SELECT ${"x"}::text AS a, ${1}::int AS b`);
await m("tx 1 raw", () => db.$transaction(async (tx) => { await tx.$queryRaw`SELECT 1`; }));
const pg = (await import("pg")).default;
const pool = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:5432/postgres", max: 4 });
await m("pg SELECT 1", () => pool.query("SELECT 1"));
await pool.end();
await db.$disconnect();
