import "server-only";
import { z } from "zod";
import { db, type Db } from "@/lib/server/platform/db";
import { authorize, type CourseContext, type Viewer } from "@/lib/server/authorization/authz";
import { AppError, ValidationError } from "@/lib/server/platform/errors";
import type { Permission } from "@/lib/server/authorization/permissions";
import { currentViewer } from "@/lib/server/people/session";
import { logError } from "@/lib/server/platform/log";
import { isDatabaseUnavailable, UNSTORABLE_TEXT_MESSAGE } from "@/lib/server/platform/route";
import { isUnstorableTextError } from "@/lib/server/platform/storable";

/** What every server action returns to its form (useActionState). */
export type ActionState<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; status: number; formError?: string; fieldErrors?: Record<string, string[] | undefined> }
  | null;

export function formDataToObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith("$ACTION")) continue;
    // Repeated names (checkbox groups, multi-selects) become arrays.
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], value);
    else out[key] = value;
  }
  return out;
}

export function failure(error: unknown): Exclude<ActionState<never>, { ok: true } | null> {
  if (error instanceof ValidationError)
    return { ok: false, status: 422, formError: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof AppError) return { ok: false, status: error.status, formError: error.message };
  if (isDatabaseUnavailable(error))
    return {
      ok: false,
      status: 503,
      formError: "The database is unavailable right now; nothing was saved. Try again in a moment.",
    };
  if (isUnstorableTextError(error)) return { ok: false, status: 422, formError: UNSTORABLE_TEXT_MESSAGE };
  logError("action failed", error);
  return { ok: false, status: 500, formError: "Something went wrong; nothing was saved. Please try again." };
}

// The write has committed by now: a refresh that cannot run (outside a Next request,
// e.g. in tests) must not turn a saved change into a reported failure.
async function revalidatePaths(paths: string[]): Promise<void> {
  try {
    const { revalidatePath } = await import("next/cache");
    for (const path of paths) revalidatePath(path);
  } catch {
    // no request context
  }
}

const courseSlug = z.object({ courseSlug: z.string().min(1).max(100) });

/**
 * A server action for one course: parse with zod (field errors come back as
 * state), authorize through the one policy, then run. The permission is checked
 * here, in the action, because a page's check does not protect its actions.
 */
export function courseAction<S extends z.ZodType<Record<string, unknown>>, R = undefined>(options: {
  permission: Permission;
  schema: S;
  run: (args: {
    input: z.infer<S>;
    ctx: CourseContext;
    viewer: Viewer;
    db: Db;
  }) => Promise<{ message?: string; data?: R } | void>;
  /** Paths to revalidate after success. */
  revalidate?: (args: { input: z.infer<S>; ctx: CourseContext }) => string[];
}) {
  return async function action(
    _prev: ActionState<R>,
    raw: FormData | Record<string, unknown>,
  ): Promise<ActionState<R>> {
    try {
      const object = formDataToObject(raw);
      const slug = courseSlug.safeParse(object);
      if (!slug.success) return { ok: false, status: 400, formError: "Missing course" };
      const viewer = await currentViewer();
      const ctx = await authorize({ db: db(), slug: slug.data.courseSlug, viewer, permission: options.permission });
      const parsed = options.schema.safeParse(object);
      if (!parsed.success) {
        return {
          ok: false,
          status: 422,
          formError: "Please correct the highlighted fields.",
          fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
        };
      }
      const result = await options.run({ input: parsed.data, ctx, viewer: ctx.viewer!, db: db() });
      if (options.revalidate) await revalidatePaths(options.revalidate({ input: parsed.data, ctx }));
      return { ok: true, message: result?.message, data: result?.data };
    } catch (error) {
      return failure(error);
    }
  };
}
