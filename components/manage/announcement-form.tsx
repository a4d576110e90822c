"use client";
import { useState } from "react";
import { Field, FormMessage } from "@/components/ui/form";
import { Markdown } from "@/components/ui/markdown";
import { saveAnnouncementAction } from "@/app/courses/[slug]/manage/actions";
import type { EditableAnnouncement } from "@/lib/server/course/manage/announcements";
import { useCourseForm } from "@/components/manage/use-course-form";
import { Submit } from "@/components/manage/submit";

/** Write in markdown; Preview renders it with the same sanitizing <Markdown> the public pages use. */
export function AnnouncementForm({
  slug,
  timeZone,
  announcement,
}: {
  slug: string;
  timeZone: string;
  announcement: EditableAnnouncement | null;
}) {
  const { state, pending, formProps } = useCourseForm(saveAnnouncementAction, { resetOnSuccess: !announcement });
  const [body, setBody] = useState(announcement?.body ?? "");
  const [tab, setTab] = useState<"write" | "preview">("write");
  const bodyError = state && !state.ok ? state.fieldErrors?.body?.[0] : undefined;
  const a = announcement;
  // After a new post the form resets; the controlled body follows, in the same render as the result.
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state?.ok && !a) {
      setBody("");
      setTab("write");
    }
  }
  return (
    <form {...formProps} noValidate className="space-y-4" aria-labelledby="announcement-h" key={a?.id ?? "new"}>
      <h2 id="announcement-h" className="text-lg font-semibold">
        {a ? "Edit announcement" : "Post an announcement"}
      </h2>
      <input type="hidden" name="courseSlug" value={slug} />
      <input type="hidden" name="announcementId" value={a?.id ?? ""} />
      <FormMessage state={state} />
      <Field state={state} name="title" label="Title" defaultValue={a?.title ?? ""} required />
      <div>
        <div className="flex items-end justify-between">
          <label htmlFor="f-body" className="block text-sm font-medium">
            Body (markdown)
          </label>
          <div role="tablist" aria-label="Body" className="flex gap-1 text-sm">
            {(["write", "preview"] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                aria-controls={`body-${t}`}
                id={`tab-${t}`}
                onClick={() => setTab(t)}
                className={`rounded-t-md border-b-2 px-3 py-1 ${tab === t ? "border-brand-700 font-medium dark:border-brand-100" : "border-transparent text-slate-600 dark:text-slate-400"}`}
              >
                {t === "write" ? "Write" : "Preview"}
              </button>
            ))}
          </div>
        </div>
        <div id="body-write" role="tabpanel" aria-labelledby="tab-write" hidden={tab !== "write"}>
          <textarea
            id="f-body"
            name="body"
            rows={8}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            required
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={`f-body-hint${bodyError ? " f-body-error" : ""}`}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-red-600"
          />
        </div>
        <div
          id="body-preview"
          role="tabpanel"
          aria-labelledby="tab-preview"
          hidden={tab !== "preview"}
          data-testid="announcement-preview"
          className="mt-1 min-h-32 rounded-md border border-slate-300 p-3 dark:border-slate-700"
        >
          {body.trim() ? (
            <Markdown source={body} />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">Nothing to preview yet.</p>
          )}
        </div>
        <p id="f-body-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          **bold**, _italic_, [links](https://…), lists, tables. Raw HTML is removed.
        </p>
        {bodyError ? (
          <p id="f-body-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {bodyError}
          </p>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          state={state}
          name="publishAt"
          label="Publish at"
          type="datetime-local"
          defaultValue={a?.publishLocal ?? ""}
          hint={`In ${timeZone}; blank: now. A later time schedules it.`}
        />
        <label className="flex items-center gap-2 self-center text-sm">
          <input type="checkbox" name="pinned" defaultChecked={a?.pinned ?? false} /> Pin to the top
        </label>
      </div>
      <Submit pending={pending}>{a ? "Save announcement" : "Post announcement"}</Submit>
    </form>
  );
}
