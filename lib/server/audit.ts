import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

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
