"use client";
import { Field, FormMessage } from "@/components/ui/form";
import { saveAssignmentAction } from "@/app/courses/[slug]/manage/actions";
import type { EditableAssignment } from "@/lib/server/course/manage/assignments";
import { useCourseForm } from "@/components/manage/use-course-form";
import { Submit } from "@/components/manage/submit";

const KINDS = ["PROJECT", "HOMEWORK", "QUIZ", "LAB", "EXAM", "PARTICIPATION", "PRESENTATION"];

export function AssignmentForm({
  slug,
  timeZone,
  assignment,
  categories,
}: {
  slug: string;
  timeZone: string;
  assignment: EditableAssignment | null;
  categories: { id: string; name: string }[];
}) {
  const { state, pending, formProps } = useCourseForm(saveAssignmentAction, { resetOnSuccess: !assignment });
  const a = assignment;
  return (
    <form {...formProps} noValidate className="space-y-4" aria-labelledby="assignment-h" key={a?.id ?? "new"}>
      <h2 id="assignment-h" className="text-lg font-semibold">
        {a ? `Edit ${a.code}` : "Add an assignment"}
      </h2>
      <input type="hidden" name="courseSlug" value={slug} />
      <input type="hidden" name="assignmentId" value={a?.id ?? ""} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field state={state} name="code" label="Code" defaultValue={a?.code ?? ""} hint="e.g. A3, P2" required />
        <Field state={state} as="select" name="kind" label="Kind" defaultValue={a?.kind ?? "HOMEWORK"}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k[0]}
              {k.slice(1).toLowerCase()}
            </option>
          ))}
        </Field>
        <Field
          state={state}
          name="points"
          label="Points"
          type="number"
          min={0}
          step="any"
          defaultValue={a?.points ?? 100}
          required
        />
      </div>
      <Field state={state} name="title" label="Title" defaultValue={a?.title ?? ""} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          state={state}
          name="releasedAt"
          label="Released"
          type="datetime-local"
          defaultValue={a?.releasedLocal ?? ""}
          hint={`In ${timeZone}`}
        />
        <Field
          state={state}
          name="dueAt"
          label="Due"
          type="datetime-local"
          defaultValue={a?.dueLocal ?? ""}
          hint={`In ${timeZone}`}
        />
        <Field state={state} as="select" name="categoryId" label="Grading category" defaultValue={a?.categoryId ?? ""}>
          <option value="">Not graded into the final grade</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Field>
        <Field
          state={state}
          name="weight"
          label="Weight in its category"
          type="number"
          min={0}
          step="any"
          defaultValue={a?.weight ?? ""}
          hint="Blank: an equal share"
        />
      </div>
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="lateHoursApply" defaultChecked={a?.lateHoursApply ?? false} /> The late policy
          applies
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="acceptsLate" defaultChecked={a?.acceptsLate ?? true} /> Accepts late work
        </label>
      </div>
      <Field
        state={state}
        as="textarea"
        name="description"
        label="Description"
        rows={3}
        defaultValue={a?.description ?? ""}
      />
      <Submit pending={pending}>{a ? "Save assignment" : "Add assignment"}</Submit>
    </form>
  );
}
