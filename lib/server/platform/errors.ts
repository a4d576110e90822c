// Errors the data layer throws; route handlers and actions map them to 401/403/404/409/422.
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super(message, 404);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = "You do not have access to this") {
    super(message, 403);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = "Please sign in") {
    super(message, 401);
  }
}
export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, 409);
  }
}
export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message, 422);
  }
}
/**
 * The database could not be asked (down, restarting): 503, to be retried. Thrown where a failure
 * would otherwise read as something else, e.g. a session that cannot be checked is not "signed out".
 */
export class DatabaseUnavailableError extends AppError {
  constructor() {
    super("The database is unavailable; try again shortly.", 503);
  }
}
/** A request body larger than its route accepts (413); nothing past the limit was read. */
export class PayloadTooLargeError extends AppError {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${formatBytes(limitBytes)}, the most this address accepts`, 413);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
