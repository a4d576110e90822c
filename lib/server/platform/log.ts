import "server-only";
import pino from "pino";

// Structured JSON logs on stdout; one logger per process.
const globalForLog = globalThis as unknown as { lecternLog?: pino.Logger };
export const log: pino.Logger = (globalForLog.lecternLog ??= pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "lectern" },
}));

export function logError(message: string, error: unknown, extra: Record<string, unknown> = {}): void {
  log.error(
    {
      ...extra,
      err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error,
    },
    message,
  );
}
