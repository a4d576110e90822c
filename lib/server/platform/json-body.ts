import "server-only";
import { AppError, PayloadTooLargeError, ValidationError } from "@/lib/server/platform/errors";
import { GRADE_CSV_MAX_BYTES } from "@/lib/validation/grades";

/**
 * How much JSON each route reads (issue 18 finding 4: an anonymous 100 MB POST used to be parsed
 * whole, 400 MB of server memory each). A cell save, a link submission or a course extension is a
 * few hundred bytes: 1 MB leaves room for 20,000 characters of feedback many times over. A grades
 * import is the browser's parse of a CSV of up to GRADE_CSV_MAX_BYTES; as JSON each cell gains its
 * quotes and each row its line number, so it gets three times the file limit.
 */
export const JSON_BODY_LIMITS = {
  metadata: 1024 * 1024,
  gradeImport: 3 * GRADE_CSV_MAX_BYTES,
} as const;

/**
 * Refuses, from the headers alone, a body that is not JSON or announces more than `limitBytes`.
 * Cheap (no database, nothing read), so routes call it before authorizing; readJson checks again.
 */
export function refuseUnreadableBody(request: Request, limitBytes: number): void {
  const type = request.headers.get("content-type") ?? "";
  // Requiring application/json means a cross-site HTML form cannot post here (and a cross-origin
  // fetch needs a preflight).
  if (!type.toLowerCase().startsWith("application/json"))
    throw new AppError("Send JSON (Content-Type: application/json)", 400);
  const declared = request.headers.get("content-length");
  if (declared === null) return; // chunked: readJson counts as it reads
  if (!/^\d{1,16}$/.test(declared.trim())) throw new AppError("The Content-Length header is not a number", 400);
  if (Number(declared) > limitBytes) throw new PayloadTooLargeError(limitBytes);
}

/**
 * The JSON body of a state-changing request, read only up to `limitBytes`: past it the stream is
 * cancelled and the answer is 413, whatever Content-Length said (a chunked body has none, and a
 * client may lie). Call it after authorizing, so a stranger's body is never read at all.
 */
export async function readJson(request: Request, limitBytes: number): Promise<unknown> {
  refuseUnreadableBody(request, limitBytes);
  const text = await readText(request, limitBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON");
  }
}

async function readText(request: Request, limitBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
