"use client";
import { useState } from "react";
import { Field, FormMessage, fieldError } from "@/components/ui/form";
import { Submit } from "@/components/manage/submit";
import {
  saveCourseLinksAction,
  saveMeetingSectionsAction,
  updateCourseDetailsAction,
} from "@/app/courses/[slug]/manage/actions";
import { useCourseForm } from "@/components/manage/use-course-form";
import { buttonClass } from "@/components/manage/manage-nav";

type Details = {
  slug: string;
  code: string;
  title: string;
  term: string;
  institution: string;
  description: string;
  timeZone: string;
  firstDayOfClasses: string | null;
  lastDayOfClasses: string | null;
  capacity: number | null;
  enrolled: number;
  waitlisted: number;
};

export function CourseDetailsForm({ course }: { course: Details }) {
  const { state, pending, formProps } = useCourseForm(updateCourseDetailsAction);
  return (
    <form {...formProps} noValidate className="space-y-4" aria-labelledby="details-h">
      <h2 id="details-h" className="text-lg font-semibold">
        Details and capacity
      </h2>
      <input type="hidden" name="courseSlug" value={course.slug} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field state={state} name="code" label="Course code" defaultValue={course.code} required />
        <Field state={state} name="term" label="Term" defaultValue={course.term} required />
        <Field state={state} name="title" label="Title" defaultValue={course.title} required />
        <Field state={state} name="institution" label="Institution" defaultValue={course.institution} />
        <Field
          state={state}
          name="timeZone"
          label="Time zone"
          defaultValue={course.timeZone}
          hint="IANA name, e.g. America/Toronto"
          required
        />
        <Field
          state={state}
          name="capacity"
          label="Capacity (student seats)"
          type="number"
          min={0}
          inputMode="numeric"
          defaultValue={course.capacity ?? ""}
          hint={`Blank for no limit. ${course.enrolled} enrolled, ${course.waitlisted} waiting; raising it promotes from the waitlist in order. Auditors do not take seats.`}
        />
        <Field
          state={state}
          name="firstDayOfClasses"
          label="First day of classes"
          type="date"
          defaultValue={course.firstDayOfClasses ?? ""}
        />
        <Field
          state={state}
          name="lastDayOfClasses"
          label="Last day of classes"
          type="date"
          defaultValue={course.lastDayOfClasses ?? ""}
        />
      </div>
      <Field
        state={state}
        as="textarea"
        name="description"
        label="Description"
        rows={5}
        defaultValue={course.description}
      />
      <Submit pending={pending}>Save details</Submit>
    </form>
  );
}

type Row = Record<string, string>;

/** Rows the instructor can add and remove; each input repeats its name once per row. */
function useRows<R extends Row>(initial: R[], blank: R) {
  const [rows, setRows] = useState<{ key: number; values: R }[]>(() =>
    (initial.length ? initial : [blank]).map((values, key) => ({ key, values })),
  );
  const add = () => setRows((rs) => [...rs, { key: Math.max(0, ...rs.map((r) => r.key)) + 1, values: blank }]);
  const remove = (key: number) => setRows((rs) => rs.filter((r) => r.key !== key));
  return { rows, add, remove };
}

const cell =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

function RowsError({ state, name }: { state: Parameters<typeof fieldError>[0]; name: string }) {
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  if (!errors?.length) return null;
  return (
    <ul id={`${name}-error`} className="space-y-1 text-sm text-red-700 dark:text-red-300">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

export function LinksForm({ slug, links }: { slug: string; links: { label: string; url: string }[] }) {
  const { state, pending, formProps } = useCourseForm(saveCourseLinksAction);
  const { rows, add, remove } = useRows(
    links.map((l) => ({ linkLabel: l.label, linkUrl: l.url })),
    { linkLabel: "", linkUrl: "" },
  );
  return (
    <form {...formProps} noValidate className="space-y-3" aria-labelledby="links-h">
      <h2 id="links-h" className="text-lg font-semibold">
        Links
      </h2>
      <input type="hidden" name="courseSlug" value={slug} />
      <FormMessage state={state} />
      <RowsError state={state} name="links" />
      <table className="w-full text-sm">
        <thead>
          <tr>
            <th scope="col" className="text-left font-medium">
              Label
            </th>
            <th scope="col" className="text-left font-medium">
              Web address
            </th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key}>
              <td className="pr-2 py-1">
                <input
                  name="linkLabel"
                  aria-label={`Label, row ${i + 1}`}
                  defaultValue={r.values.linkLabel}
                  className={cell}
                />
              </td>
              <td className="pr-2 py-1">
                <input
                  name="linkUrl"
                  type="url"
                  aria-label={`Web address, row ${i + 1}`}
                  defaultValue={r.values.linkUrl}
                  className={cell}
                  placeholder="https://"
                />
              </td>
              <RemoveRowCell row={i + 1} onRemove={() => remove(r.key)} />
            </tr>
          ))}
        </tbody>
      </table>
      <RowsFooter addLabel="Add a link" onAdd={add} pending={pending} saveLabel="Save links" />
    </form>
  );
}

export function SectionsForm({
  slug,
  sections,
}: {
  slug: string;
  sections: { code: string; kind: string; weekdays: number[]; startTime: string; endTime: string; location: string }[];
}) {
  const { state, pending, formProps } = useCourseForm(saveMeetingSectionsAction);
  const DAY = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  const { rows, add, remove } = useRows(
    sections.map((s) => ({
      sectionCode: s.code,
      sectionKind: s.kind,
      sectionDays: s.weekdays.map((d) => DAY[d]).join(" "),
      sectionStart: s.startTime,
      sectionEnd: s.endTime,
      sectionLocation: s.location,
    })),
    { sectionCode: "", sectionKind: "LECTURE", sectionDays: "", sectionStart: "", sectionEnd: "", sectionLocation: "" },
  );
  return (
    <form {...formProps} noValidate className="space-y-3" aria-labelledby="sections-h">
      <h2 id="sections-h" className="text-lg font-semibold">
        Meeting sections
      </h2>
      <input type="hidden" name="courseSlug" value={slug} />
      <FormMessage state={state} />
      <RowsError state={state} name="sections" />
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm">
          <thead>
            <tr>
              {["Code", "Kind", "Days", "Start", "End", "Location"].map((h) => (
                <th key={h} scope="col" className="text-left font-medium">
                  {h}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key}>
                <td className="pr-2 py-1">
                  <input
                    name="sectionCode"
                    aria-label={`Code, row ${i + 1}`}
                    defaultValue={r.values.sectionCode}
                    className={cell}
                  />
                </td>
                <td className="pr-2 py-1">
                  <select
                    name="sectionKind"
                    aria-label={`Kind, row ${i + 1}`}
                    defaultValue={r.values.sectionKind}
                    className={cell}
                  >
                    <option value="LECTURE">Lecture</option>
                    <option value="TUTORIAL">Tutorial</option>
                    <option value="LAB">Lab</option>
                  </select>
                </td>
                <td className="pr-2 py-1">
                  <input
                    name="sectionDays"
                    aria-label={`Days, row ${i + 1}`}
                    defaultValue={r.values.sectionDays}
                    placeholder="Mon Wed"
                    className={cell}
                  />
                </td>
                <td className="pr-2 py-1">
                  <input
                    name="sectionStart"
                    type="time"
                    aria-label={`Start time, row ${i + 1}`}
                    defaultValue={r.values.sectionStart}
                    className={cell}
                  />
                </td>
                <td className="pr-2 py-1">
                  <input
                    name="sectionEnd"
                    type="time"
                    aria-label={`End time, row ${i + 1}`}
                    defaultValue={r.values.sectionEnd}
                    className={cell}
                  />
                </td>
                <td className="pr-2 py-1">
                  <input
                    name="sectionLocation"
                    aria-label={`Location, row ${i + 1}`}
                    defaultValue={r.values.sectionLocation}
                    className={cell}
                  />
                </td>
                <RemoveRowCell row={i + 1} onRemove={() => remove(r.key)} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RowsFooter addLabel="Add a section" onAdd={add} pending={pending} saveLabel="Save sections" />
    </form>
  );
}

function RemoveRowCell({ row, onRemove }: { row: number; onRemove: () => void }) {
  return (
    <td className="py-1">
      <button type="button" onClick={onRemove} className={buttonClass}>
        Remove<span className="sr-only"> row {row}</span>
      </button>
    </td>
  );
}

function RowsFooter({
  addLabel,
  onAdd,
  pending,
  saveLabel,
}: {
  addLabel: string;
  onAdd: () => void;
  pending: boolean;
  saveLabel: string;
}) {
  return (
    <div className="flex gap-2">
      <button type="button" onClick={onAdd} className={buttonClass}>
        {addLabel}
      </button>
      <Submit pending={pending}>{saveLabel}</Submit>
    </div>
  );
}
