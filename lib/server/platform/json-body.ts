import "server-only";
import { AppError, ValidationError } from "@/lib/server/platform/errors";

/**
 * The JSON body of a state-changing request. Requiring application/json means a
 * cross-site HTML form cannot post here (and a cross-origin fetch needs a preflight).
 */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json"))
    throw new AppError("Send JSON (Content-Type: application/json)", 400);
  try {
    return await request.json();
  } catch {
    throw new ValidationError("The request body is not valid JSON");
  }
}
