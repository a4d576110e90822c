"use client";
import { useActionState, useState } from "react";
import { grantStudentExtensionsAction } from "@/app/courses/[slug]/late-hours/actions";
import { Field, FormMessage, SubmitButton, fieldError } from "@/components/ui/form";
import type { ActionState } from "@/lib/server/platform/action";
import {
  AssignmentSelect,
  useAssignmentDue,
  type AssignmentOption,
} from "@/components/extensions/assignment-due-picker";

/** Personal extensions for one student or several at once; the reason is seen only by them and staff. */
export function StudentExtensionForm({
  slug,
  timeZone,
  assignments,
  defaultAssignmentId,
  students,
}: {
  slug: string;
  timeZone: string;
  assignments: AssignmentOption[];
  defaultAssignmentId?: string;
  students: { id: string; name: string; email: string }[];
}) {
  const [state, action] = useActionState(grantStudentExtensionsAction, null as ActionState);
  const [filter, setFilter] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const { assignmentId, date, time, setDate, setTime, select } = useAssignmentDue(assignments, defaultAssignmentId);
  const needle = filter.trim().toLowerCase();
  const visible = needle
    ? students.filter((s) => s.name.toLowerCase().includes(needle) || s.email.toLowerCase().includes(needle))
    : students;
  const studentsError = fieldError(state, "studentIds");

  return (
    <form action={action} className="space-y-3" aria-label="Extend for chosen students">
      <input type="hidden" name="courseSlug" value={slug} />
      <AssignmentSelect idPrefix="ps" state={state} assignments={assignments} value={assignmentId} onSelect={select} />
      <fieldset aria-describedby={studentsError ? "ps-studentIds-error" : undefined}>
        <legend className="text-sm font-medium">Students ({chosen.size} chosen)</legend>
        <label htmlFor="ps-filter" className="sr-only">
          Filter students
        </label>
        <input
          id="ps-filter"
          type="search"
          placeholder="Filter by name or email"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <ul className="mt-2 max-h-56 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
          {students.map((s) => (
            // Hidden rather than removed, so a filtered-out choice is still submitted.
            <li key={s.id} hidden={!visible.includes(s)}>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="studentIds"
                  value={s.id}
                  checked={chosen.has(s.id)}
                  onChange={(e) => {
                    const checked = e.currentTarget.checked;
                    setChosen((prev) => {
                      const next = new Set(prev);
                      if (checked) next.add(s.id);
                      else next.delete(s.id);
                      return next;
                    });
                  }}
                />
                {s.name} <span className="text-slate-600 dark:text-slate-400">{s.email}</span>
              </label>
            </li>
          ))}
        </ul>
        {studentsError ? (
          <p id="ps-studentIds-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {studentsError}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          idPrefix="ps"
          name="dueDate"
          label={`New due date (${timeZone})`}
          type="date"
          required
          state={state}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <Field
          idPrefix="ps"
          name="dueTime"
          label="New due time"
          type="time"
          required
          state={state}
          value={time}
          onChange={(e) => setTime(e.currentTarget.value)}
        />
      </div>
      <Field
        idPrefix="ps"
        name="reason"
        label="Reason"
        required
        state={state}
        hint="Seen only by the student and staff."
      />
      <SubmitButton pendingText="Extending…">
        Extend for {chosen.size === 1 ? "1 student" : `${chosen.size} students`}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
