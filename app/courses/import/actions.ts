"use server";
// Course-file import is not a courseAction: a new course has no course yet to
// authorize in. The data layer decides (course.import in an existing course,
// site.course.create for a new one).
import { db } from "@/lib/server/platform/db";
import { failure, formDataToObject, type ActionState } from "@/lib/server/platform/action";
import { currentViewer } from "@/lib/server/people/session";
import { applyCourseImport, previewCourseImport, type ImportPreview } from "@/lib/server/course/manage/course-file";
import { courseImportSchema } from "@/lib/validation/course-file";

function parse(raw: FormData | Record<string, unknown>) {
  const parsed = courseImportSchema.safeParse(formDataToObject(raw));
  if (!parsed.success)
    return {
      error: { ok: false as const, status: 422, formError: parsed.error.issues[0]?.message ?? "Choose a course file" },
    };
  return { input: parsed.data };
}

export async function previewCourseImportAction(
  _prev: ActionState<ImportPreview>,
  raw: FormData | Record<string, unknown>,
): Promise<ActionState<ImportPreview>> {
  try {
    const { input, error } = parse(raw);
    if (error) return error;
    const viewer = await currentViewer();
    return {
      ok: true,
      data: await previewCourseImport({ db: db(), viewer, yaml: input.yaml, targetSlug: input.targetSlug }),
    };
  } catch (error) {
    return failure(error);
  }
}

export async function applyCourseImportAction(
  _prev: ActionState<{ slug: string }>,
  raw: FormData | Record<string, unknown>,
): Promise<ActionState<{ slug: string }>> {
  try {
    const { input, error } = parse(raw);
    if (error) return error;
    const viewer = await currentViewer();
    const result = await applyCourseImport({ db: db(), viewer, yaml: input.yaml, targetSlug: input.targetSlug });
    const { revalidatePath } = await import("next/cache");
    revalidatePath("/courses");
    revalidatePath(`/courses/${result.slug}`, "layout");
    return {
      ok: true,
      message: result.mode === "create" ? `Course ${result.slug} created.` : `Course ${result.slug} updated.`,
      data: { slug: result.slug },
    };
  } catch (error) {
    return failure(error);
  }
}
