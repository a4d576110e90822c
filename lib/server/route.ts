import "server-only";
import { z } from "zod";
import { AppError, ValidationError } from "./errors";
import { logError } from "./log";
import { isUnstorableTextError } from "./storable";

export const UNSTORABLE_TEXT_MESSAGE = "The input contains characters that cannot be saved (a NUL byte or a broken character).";

/** JSON error responses for route handlers: 4xx with a clear message, never a stack trace. */
export function errorResponse(error: unknown): Response {
  if (error instanceof z.ZodError) {
    return Response.json({ error: "Invalid input", fieldErrors: z.flattenError(error).fieldErrors }, { status: 422 });
  }
  if (error instanceof ValidationError) return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: 422 });
  if (error instanceof AppError) return Response.json({ error: error.message }, { status: error.status });
  if (isDatabaseUnavailable(error)) return Response.json({ error: "The database is unavailable; try again shortly." }, { status: 503, headers: { "Retry-After": "5" } });
  if (isUnstorableTextError(error)) return Response.json({ error: UNSTORABLE_TEXT_MESSAGE }, { status: 422 });
  logError("route failed", error);
  return Response.json({ error: "Internal error" }, { status: 500 });
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message} ${(error as { code?: string }).code ?? ""}` : String(error);
  return /ECONNREFUSED|ECONNRESET|Connection terminated|DatabaseNotReachable|P1001|P1017|57P01|terminating connection|Can't reach database/i.test(text);
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
