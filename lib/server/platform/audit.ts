import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/platform/db";

export type AuditInput = {
  courseId: string | null;
  actorId: string | null;
  action: string; // "grade.update", "extension.grant", "ledger.adjust", "announcement.create", ...
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

// JSON columns take plain data: Dates become ISO strings, undefined becomes null.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Appends audit events inside the caller's transaction, so they commit or roll back with the change. */
export async function recordAudit(tx: Tx, events: AuditInput | AuditInput[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  await tx.auditEvent.createMany({
    data: list.map((e) => ({
      courseId: e.courseId,
      actorId: e.actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: toJson(e.before),
      after: toJson(e.after),
    })),
  });
}

/**
 * The audit insert for a write done as one SQL statement (a hot path that cannot afford an
 * interactive transaction): an INSERT … SELECT over the CTE `source`, whose rows must have
 * "id" and "version". One event per written row, in the statement's own transaction, so a
 * write that matched nothing records nothing. `after` gains the row's new version.
 */
export function auditedWriteSql(event: Omit<AuditInput, "entityId">, source: string): Prisma.Sql {
  const before = toJson(event.before);
  const after = toJson(event.after) ?? {};
  const from = Prisma.raw(`"${source.replaceAll('"', "")}"`);
  return Prisma.sql`INSERT INTO "AuditEvent" ("courseId", "actorId", "action", "entityType", "entityId", "before", "after")
    SELECT ${event.courseId}, ${event.actorId}, ${event.action}, ${event.entityType}, w."id",
           ${before === undefined ? null : JSON.stringify(before)}::jsonb,
           ${JSON.stringify(after)}::jsonb || jsonb_build_object('version', w."version")
    FROM ${from} w`;
}
