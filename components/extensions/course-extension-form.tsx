"use client";
import { useActionState, useMemo, useState } from "react";
import {
  AssignmentSelect,
  useAssignmentDue,
  type AssignmentOption,
} from "@/components/extensions/assignment-due-picker";
import { grantCourseExtensionAction } from "@/app/courses/[slug]/late-hours/actions";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { extensionAnnouncementDraft } from "@/lib/domain/extension-announcement";
import { localToInstant } from "@/lib/domain/time";
import type { ActionState } from "@/lib/server/platform/action";

export type { AssignmentOption } from "@/components/extensions/assignment-due-picker";

function draftFor(a: AssignmentOption | undefined, date: string, time: string, reason: string, timeZone: string) {
  if (!a) return { title: "", body: "" };
  try {
    return extensionAnnouncementDraft({
      code: a.code,
      title: a.title,
      dueAt: localToInstant({ date, time, timeZone }),
      timeZone,
      reason,
    });
  } catch {
    return { title: "", body: "" }; // half-typed date or time: no draft until it is complete
  }
}

/**
 * A course-wide extension. The announcement is drafted from the fields
 * ("A3 is extended to Wed Oct 29, 11:00 PM EDT") and follows them until the
 * instructor edits it; it is posted with the extension in one transaction.
 */
export function CourseExtensionForm({
  slug,
  timeZone,
  assignments,
  defaultAssignmentId,
}: {
  slug: string;
  timeZone: string;
  assignments: AssignmentOption[];
  defaultAssignmentId?: string;
}) {
  const [state, action] = useActionState(grantCourseExtensionAction, null as ActionState);
  const { assignmentId, current, date, time, setDate, setTime, select } = useAssignmentDue(
    assignments,
    defaultAssignmentId,
  );
  const [reason, setReason] = useState("");
  const [announce, setAnnounce] = useState(true);
  const [edited, setEdited] = useState<{ title: string | null; body: string | null }>({ title: null, body: null });
  const draft = useMemo(() => draftFor(current, date, time, reason, timeZone), [current, date, time, reason, timeZone]);
  const title = edited.title ?? draft.title;
  const body = edited.body ?? draft.body;

  return (
    <form action={action} className="space-y-3" aria-label="Extend an assignment for everyone">
      <input type="hidden" name="courseSlug" value={slug} />
      <AssignmentSelect idPrefix="cw" state={state} assignments={assignments} value={assignmentId} onSelect={select} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          idPrefix="cw"
          name="dueDate"
          label={`New due date (${timeZone})`}
          type="date"
          required
          state={state}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <Field
          idPrefix="cw"
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
        idPrefix="cw"
        name="reason"
        label="Reason (optional)"
        state={state}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        hint="Shown with the new date on everyone's deadlines."
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="postAnnouncement"
          value="on"
          checked={announce}
          onChange={(e) => setAnnounce(e.currentTarget.checked)}
        />
        Post an announcement
      </label>
      {announce ? (
        <div className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <Field
            idPrefix="cw"
            name="announcementTitle"
            label="Announcement title"
            state={state}
            value={title}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setEdited((x) => ({ ...x, title: value }));
            }}
          />
          <Field
            idPrefix="cw"
            as="textarea"
            name="announcementBody"
            label="Announcement (Markdown)"
            rows={4}
            state={state}
            value={body}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setEdited((x) => ({ ...x, body: value }));
            }}
          />
          {edited.title !== null || edited.body !== null ? (
            <button
              type="button"
              className="text-sm text-brand-700 underline dark:text-brand-100"
              onClick={() => setEdited({ title: null, body: null })}
            >
              Use the drafted text again
            </button>
          ) : null}
        </div>
      ) : null}
      <SubmitButton pendingText="Extending…">Extend for everyone</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
