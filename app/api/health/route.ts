import { db } from "@/lib/server/platform/db";

export const dynamic = "force-dynamic";

/** Liveness plus a database round trip; 503 when the database does not answer. */
export async function GET() {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok", latencyMs: Math.round(performance.now() - started) });
  } catch {
    return Response.json({ status: "degraded", database: "unavailable" }, { status: 503 });
  }
}
