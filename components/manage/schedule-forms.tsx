"use client";
import { Field, FormMessage } from "@/components/ui/form";
import { addNoClassAction, saveScheduleEntryAction } from "@/app/courses/[slug]/manage/actions";
import { formatReadings } from "@/lib/validation/schedule";
import type { EditableEntry, SpeakerOption } from "@/lib/server/course/manage/schedule";
import { useCourseForm } from "@/components/manage/use-course-form";
import { Submit } from "@/components/manage/submit";

const KINDS = [
  { value: "LECTURE", label: "Lecture" },
  { value: "LAB", label: "Lab" },
  { value: "PRESENTATION", label: "Presentations" },
  { value: "MILESTONE", label: "Milestone" },
  { value: "NO_CLASS", label: "No class" },
];

function ErrorList({ errors, id }: { errors: string[] | undefined; id: string }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700 dark:text-red-300">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

/** Adds a schedule entry, or edits `entry`: readings one per line, speakers picked from the course's list or created. */
export function ScheduleEntryForm({
  slug,
  entry,
  speakers,
}: {
  slug: string;
  entry: EditableEntry | null;
  speakers: SpeakerOption[];
}) {
  const { state, pending, formProps } = useCourseForm(saveScheduleEntryAction, { resetOnSuccess: !entry });
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const chosen = new Set(entry?.speakerIds ?? []);
  return (
    <form {...formProps} noValidate className="space-y-4" aria-labelledby="entry-h" key={entry?.id ?? "new"}>
      <h2 id="entry-h" className="text-lg font-semibold">
        {entry ? `Edit “${entry.title}”` : "Add a schedule entry"}
      </h2>
      <input type="hidden" name="courseSlug" value={slug} />
      <input type="hidden" name="entryId" value={entry?.id ?? ""} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field state={state} name="date" label="Date" type="date" defaultValue={entry?.date ?? ""} required />
        <Field state={state} as="select" name="kind" label="Kind" defaultValue={entry?.kind ?? "LECTURE"}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </Field>
        <Field
          state={state}
          name="weekNumber"
          label="Week number"
          type="number"
          min={0}
          inputMode="numeric"
          defaultValue={entry?.weekNumber ?? ""}
        />
      </div>
      <Field state={state} name="title" label="Title" defaultValue={entry?.title ?? ""} required />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          state={state}
          name="startTime"
          label="Start time"
          type="time"
          defaultValue={entry?.startTime ?? ""}
          hint="Blank: the section's usual time"
        />
        <Field state={state} name="endTime" label="End time" type="time" defaultValue={entry?.endTime ?? ""} />
        <Field
          state={state}
          name="location"
          label="Location"
          defaultValue={entry?.location ?? ""}
          hint="Blank: the section's room"
        />
      </div>
      <Field
        state={state}
        as="textarea"
        name="topics"
        label="Topics"
        rows={2}
        defaultValue={entry?.topics.join("\n") ?? ""}
        hint="One per line"
      />
      <div>
        <label htmlFor="f-readings" className="block text-sm font-medium">
          Readings
        </label>
        <textarea
          id="f-readings"
          name="readings"
          rows={3}
          defaultValue={entry ? formatReadings(entry.readings) : ""}
          aria-invalid={errors?.readings ? true : undefined}
          aria-describedby={`f-readings-hint${errors?.readings ? " f-readings-error" : ""}`}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-red-600"
        />
        <p id="f-readings-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          One per line: a title, optionally followed by “| https://…”
        </p>
        <ErrorList errors={errors?.readings} id="f-readings-error" />
      </div>
      <fieldset
        className="rounded-md border border-slate-200 p-3 dark:border-slate-800"
        aria-describedby={errors?.speakerIds ? "speakers-error" : undefined}
      >
        <legend className="px-1 text-sm font-medium">Guest speakers</legend>
        {speakers.length ? (
          <div className="max-h-48 space-y-1 overflow-y-auto">
            {speakers.map((s) => (
              <label key={s.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="speakerIds" value={s.id} defaultChecked={chosen.has(s.id)} />
                <span>
                  {s.name}
                  {s.affiliation ? (
                    <span className="text-slate-600 dark:text-slate-400"> · {s.affiliation}</span>
                  ) : null}
                </span>
              </label>
            ))}
          </div>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">No speakers yet; add one below.</p>
        )}
        <ErrorList errors={errors?.speakerIds} id="speakers-error" />
        <p className="mt-3 text-sm font-medium">Or a new speaker</p>
        <div className="mt-1 grid gap-3 sm:grid-cols-3">
          <Field
            state={state}
            name="newSpeakerName"
            label="Name"
            hint="Reused if the course already has this speaker"
          />
          <Field state={state} name="newSpeakerAffiliation" label="Affiliation" />
          <Field state={state} name="newSpeakerUrl" label="Web page" type="url" />
        </div>
      </fieldset>
      <details className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <summary className="cursor-pointer text-sm font-medium">Materials, sprint and note</summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <Field state={state} name="slidesUrl" label="Slides" type="url" defaultValue={entry?.slidesUrl ?? ""} />
          <Field state={state} name="notesUrl" label="Notes" type="url" defaultValue={entry?.notesUrl ?? ""} />
          <Field
            state={state}
            name="recordingUrl"
            label="Recording"
            type="url"
            defaultValue={entry?.recordingUrl ?? ""}
          />
          <Field state={state} name="quizUrl" label="Quiz" type="url" defaultValue={entry?.quizUrl ?? ""} />
          <Field state={state} name="sprintLabel" label="Sprint" defaultValue={entry?.sprintLabel ?? ""} />
          <Field state={state} name="note" label="Note" defaultValue={entry?.note ?? ""} />
        </div>
      </details>
      <Submit pending={pending}>{entry ? "Save entry" : "Add entry"}</Submit>
    </form>
  );
}

export function NoClassForm({ slug }: { slug: string }) {
  const { state, pending, formProps } = useCourseForm(addNoClassAction, { resetOnSuccess: true });
  return (
    <form {...formProps} noValidate className="space-y-3" aria-labelledby="noclass-h">
      <h2 id="noclass-h" className="text-lg font-semibold">
        No class
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Reading week, a holiday, a cancelled lecture: shown on the schedule in place of the class.
      </p>
      <input type="hidden" name="courseSlug" value={slug} />
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field idPrefix="nc" state={state} name="date" label="Date" type="date" required />
        <Field idPrefix="nc" state={state} name="title" label="Title" placeholder="No class" />
      </div>
      <Field idPrefix="nc" state={state} name="note" label="Note" />
      <Submit pending={pending}>Add no-class day</Submit>
    </form>
  );
}
