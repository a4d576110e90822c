import "server-only";
import { z } from "zod";
import {
  AppError,
  DatabaseUnavailableError,
  PayloadTooLargeError,
  ValidationError,
} from "@/lib/server/platform/errors";
import { logError } from "@/lib/server/platform/log";
import { isUnstorableTextError } from "@/lib/server/platform/storable";

export const UNSTORABLE_TEXT_MESSAGE =
  "The input contains characters that cannot be saved (a NUL byte or a broken character).";

/** JSON error responses for route handlers: 4xx with a clear message, never a stack trace. */
export function errorResponse(error: unknown): Response {
  if (error instanceof z.ZodError) {
    return Response.json({ error: "Invalid input", fieldErrors: z.flattenError(error).fieldErrors }, { status: 422 });
  }
  if (error instanceof ValidationError)
    return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: 422 });
  // A refused body may still be arriving: closing the connection stops the server reading it.
  if (error instanceof PayloadTooLargeError)
    return Response.json({ error: error.message }, { status: 413, headers: { Connection: "close" } });
  if (error instanceof DatabaseUnavailableError || isDatabaseUnavailable(error))
    return Response.json(
      { error: "The database is unavailable; try again shortly." },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  if (error instanceof AppError) return Response.json({ error: error.message }, { status: error.status });
  if (isUnstorableTextError(error)) return Response.json({ error: UNSTORABLE_TEXT_MESSAGE }, { status: 422 });
  logError("route failed", error);
  return Response.json({ error: "Internal error" }, { status: 500 });
}

// A database that is down, restarting or out of connections: the request may be retried.
// 57P01-03: terminated by the administrator / crash / "the database system is starting up"
// (or "shutting down"), which is what a restart answers for a second or two; 08xxx: the
// connection failed; 53300: too many connections; P2024: Prisma's pool wait timed out.
const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|Connection terminated|not queryable|timeout exceeded when trying to connect|DatabaseNotReachable|\b(P1001|P1002|P1017|P2024|57P01|57P02|57P03|08000|08001|08003|08004|08006|53300)\b|terminating connection|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|Can't reach database|Server has closed the connection|too many clients/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  // Prisma wraps the driver's error: look at the message, the code, the adapter's details
  // (meta.driverAdapterError) and the cause chain.
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (!(current instanceof Error)) {
      parts.push(String(current));
      break;
    }
    const e = current as Error & { code?: unknown; meta?: unknown };
    parts.push(e.name, e.message, String(e.code ?? ""));
    try {
      if (e.meta) parts.push(JSON.stringify(e.meta));
    } catch {
      // unserializable details; the message is enough
    }
    current = e.cause;
  }
  return UNAVAILABLE.test(parts.join(" "));
}

/** Wraps a route handler so thrown AppErrors become their HTTP status. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
