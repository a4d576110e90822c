/** What an extension form needs to know of an assignment to choose where it starts. */
export type ExtensionCandidate = { id: string; kind: string; dueAt: Date };

/**
 * The assignment the extension forms start on. Extensions are asked for work still to come, and
 * mostly for projects (a PLQ that closed in February is never the one): the next open project;
 * else the next open assignment of any kind; else, once everything is past, the last one due.
 */
export function defaultExtensionTarget(assignments: readonly ExtensionCandidate[], now: Date): string | undefined {
  const byDue = [...assignments].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const open = byDue.filter((a) => a.dueAt.getTime() > now.getTime());
  return (open.find((a) => a.kind === "PROJECT") ?? open[0] ?? byDue.at(-1))?.id;
}
