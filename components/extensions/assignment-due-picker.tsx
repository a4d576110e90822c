"use client";
import { useState } from "react";
import { Field } from "@/components/ui/form";
import type { ActionState } from "@/lib/server/platform/action";
import { assignmentLabel } from "@/lib/domain/assignment-label";

export type AssignmentOption = {
  id: string;
  code: string;
  title: string;
  dueDate: string;
  dueTime: string;
  dueLabel: string;
};

/** The chosen assignment and a new due date/time that starts at (and follows) its current due date. */
export function useAssignmentDue(assignments: AssignmentOption[], defaultId?: string) {
  const first = assignments.find((a) => a.id === defaultId) ?? assignments[0];
  const [assignmentId, setAssignmentId] = useState(first?.id ?? "");
  const current = assignments.find((a) => a.id === assignmentId);
  const [date, setDate] = useState(current?.dueDate ?? "");
  const [time, setTime] = useState(current?.dueTime ?? "23:59");
  const select = (id: string) => {
    const next = assignments.find((a) => a.id === id);
    setAssignmentId(id);
    if (next) {
      setDate(next.dueDate);
      setTime(next.dueTime);
    }
  };
  return { assignmentId, current, date, time, setDate, setTime, select };
}

export function AssignmentSelect({
  idPrefix,
  state,
  assignments,
  value,
  onSelect,
}: {
  idPrefix: string;
  state: ActionState<unknown>;
  assignments: AssignmentOption[];
  value: string;
  onSelect: (id: string) => void;
}) {
  return (
    <Field
      idPrefix={idPrefix}
      as="select"
      name="assignmentId"
      label="Assignment"
      state={state}
      value={value}
      onChange={(e) => onSelect(e.currentTarget.value)}
    >
      {assignments.map((a) => (
        <option key={a.id} value={a.id}>
          {assignmentLabel(a)} (due {a.dueLabel})
        </option>
      ))}
    </Field>
  );
}
