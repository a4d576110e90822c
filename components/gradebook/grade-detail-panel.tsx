"use client";
import { useEffect, useId, useState } from "react";
import { formatInZone } from "@/lib/domain/time";
import type { GradeDetail } from "@/lib/server/grading/grades";
import { cellValue, formatScore, gradeUrl, saveCell, type CellState } from "@/components/gradebook/cell-save";

type Props = {
  slug: string;
  timeZone: string;
  student: { id: string; name: string };
  assignment: { id: string; code: string; title: string; points: number } | null;
  /** The cell's version in the grid; a change refetches the detail. */
  version: number;
  canEdit: boolean;
  onSaved: (cell: CellState) => void;
  onClose: () => void;
};

const when = (iso: string, timeZone: string) => formatInZone({ at: new Date(iso), timeZone });

/** Feedback, submissions and the change history of the grid's active cell. */
export function GradeDetailPanel({ slug, timeZone, student, assignment, version, canEdit, onSaved, onClose }: Props) {
  const [detail, setDetail] = useState<GradeDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{
    kind: "ok" | "error" | "conflict";
    text: string;
    theirs?: CellState;
  } | null>(null);
  const headingId = useId();
  const feedbackId = useId();

  const assignmentId = assignment?.id ?? null;
  // Another cell (or a new version of this one): forget the old cell's detail during render,
  // so its feedback never shows under the new cell's heading, not even for one frame.
  const cellKey = `${slug}/${assignmentId}/${student.id}/${version}`;
  const [shownKey, setShownKey] = useState(cellKey);
  if (shownKey !== cellKey) {
    setShownKey(cellKey);
    setDetail(null);
    setLoadError(null);
    setMessage(null);
  }
  useEffect(() => {
    if (!assignmentId) return;
    const controller = new AbortController();
    // Arrow keys move quickly; fetch only once the cursor rests.
    const timer = setTimeout(() => {
      fetch(gradeUrl(slug, assignmentId, student.id), { signal: controller.signal })
        .then(async (r) => {
          if (!r.ok)
            throw new Error(((await r.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${r.status}`);
          return (await r.json()) as GradeDetail;
        })
        .then((d) => {
          setDetail(d);
          setDraft(d.cell.feedback);
          setDirty(false);
        })
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setLoadError(e instanceof Error ? e.message : "Could not load");
        });
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [slug, student.id, assignmentId, version]);

  async function saveFeedback(version: number) {
    if (!assignment) return;
    setSaving(true);
    const result = await saveCell({
      slug,
      assignmentId: assignment.id,
      studentId: student.id,
      version,
      feedback: draft,
    });
    setSaving(false);
    if (result.kind === "saved") {
      setDirty(false);
      setMessage({ kind: "ok", text: "Feedback saved." });
      onSaved(result.cell);
    } else if (result.kind === "conflict") {
      setMessage({
        kind: "conflict",
        text: `${result.current.graderName ?? "Someone"} changed this grade while you were writing.`,
        theirs: result.current,
      });
    } else setMessage({ kind: "error", text: result.message });
  }

  // Excusing from here too: on a phone the cell's numeric keyboard has no letters for "EX".
  async function toggleExcused(cell: CellState) {
    if (!assignment) return;
    setSaving(true);
    const result = await saveCell({
      slug,
      assignmentId: assignment.id,
      studentId: student.id,
      version: cell.version,
      value: cell.excused ? null : "EX",
    });
    setSaving(false);
    if (result.kind === "saved") {
      setMessage({ kind: "ok", text: result.cell.excused ? "Excused: left out of the grade." : "No longer excused." });
      onSaved(result.cell);
    } else if (result.kind === "conflict") {
      setMessage({
        kind: "error",
        text: `${result.current.graderName ?? "Someone"} changed this grade meanwhile; it is now ${formatScore(cellValue(result.current)) || "blank"}.`,
      });
      onSaved(result.current);
    } else setMessage({ kind: "error", text: result.message });
  }

  return (
    <aside
      aria-labelledby={headingId}
      className="w-full shrink-0 space-y-3 rounded-md border border-slate-200 p-3 text-sm lg:w-80 dark:border-slate-800"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id={headingId} className="font-semibold">
          {assignment ? `${assignment.code} · ${student.name}` : student.name}
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded border border-slate-300 px-2 text-xs dark:border-slate-700"
        >
          Close
        </button>
      </div>
      {!assignment ? (
        <p className="text-slate-600 dark:text-slate-400">
          Move to an assignment cell to see its feedback and history.
        </p>
      ) : loadError ? (
        <p role="alert" className="text-red-700 dark:text-red-300">
          Could not load this grade: {loadError}
        </p>
      ) : !detail ? (
        <p aria-busy="true" className="text-slate-600 dark:text-slate-400">
          Loading…
        </p>
      ) : (
        <>
          <p>
            {assignment.title}: <b>{formatScore(cellValue(detail.cell)) || "not graded"}</b>
            {detail.cell.score !== null ? ` / ${assignment.points}` : ""}
            {detail.assignment.released ? " · released" : " · hidden from students"}
          </p>
          {canEdit ? (
            <button
              type="button"
              disabled={saving}
              onClick={() => toggleExcused(detail.cell)}
              className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-60 dark:border-slate-700"
            >
              {detail.cell.excused ? "Remove the excuse" : "Excuse (EX)"}
            </button>
          ) : null}
          <div>
            <h3 className="font-medium">Submissions</h3>
            {detail.submissions.length === 0 ? (
              <p className="text-slate-600 dark:text-slate-400">None.</p>
            ) : (
              <ul className="list-disc pl-5">
                {detail.submissions.map((s) => (
                  <li key={s.submittedAt}>
                    {when(s.submittedAt, timeZone)}
                    {s.fileName ? ` · ${s.fileName}` : ""}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <label htmlFor={feedbackId} className="font-medium">
              Feedback
            </label>
            <textarea
              id={feedbackId}
              value={draft}
              readOnly={!canEdit}
              rows={5}
              onChange={(e) => {
                setDraft(e.target.value);
                setDirty(true);
                setMessage(null);
              }}
              className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
            />
            {canEdit ? (
              <button
                type="button"
                disabled={!dirty || saving}
                onClick={() => saveFeedback(detail.cell.version)}
                className="mt-1 rounded-md bg-brand-700 px-3 py-1 text-white disabled:opacity-60"
              >
                {saving ? "Saving…" : "Save feedback"}
              </button>
            ) : null}
            {message?.kind === "ok" ? (
              <p role="status" className="mt-1 text-emerald-800 dark:text-emerald-300">
                {message.text}
              </p>
            ) : null}
            {message?.kind === "error" ? (
              <p role="alert" className="mt-1 text-red-700 dark:text-red-300">
                {message.text}
              </p>
            ) : null}
            {message?.kind === "conflict" && message.theirs ? (
              <div
                role="alert"
                className="mt-2 space-y-1 rounded border border-amber-400 bg-amber-50 p-2 text-amber-950 dark:bg-amber-950 dark:text-amber-100"
              >
                <p>{message.text}</p>
                <p>
                  <b>Theirs:</b> {message.theirs.feedback || "(no feedback)"} · score{" "}
                  {formatScore(cellValue(message.theirs)) || "blank"}
                </p>
                <p>
                  <b>Yours:</b> {draft || "(no feedback)"}
                </p>
                <div className="flex gap-2">
                  <button
                    type="button"
                    className="rounded border border-amber-600 px-2"
                    onClick={() => {
                      setDraft(message.theirs!.feedback);
                      setDirty(false);
                      setMessage(null);
                      onSaved(message.theirs!);
                    }}
                  >
                    Keep theirs
                  </button>
                  <button
                    type="button"
                    className="rounded bg-amber-700 px-2 text-white"
                    onClick={() => saveFeedback(message.theirs!.version)}
                  >
                    Use mine
                  </button>
                </div>
              </div>
            ) : null}
          </div>
          <div>
            <h3 className="font-medium">History</h3>
            {!detail.history?.length ? (
              <p className="text-slate-600 dark:text-slate-400">No changes recorded.</p>
            ) : (
              <ol className="space-y-1">
                {[...detail.history].reverse().map((h, i) => (
                  <li key={i} className="border-l-2 border-slate-300 pl-2 dark:border-slate-700">
                    <span className="tabular-nums">
                      {h.before === null && h.action !== "grade.update" ? "new" : formatScore(h.before) || "blank"} →{" "}
                      {formatScore(h.after) || "blank"}
                    </span>
                    {h.feedbackChanged ? " · feedback edited" : ""}
                    {h.action === "grade.import" ? " · CSV import" : ""}
                    <br />
                    <span className="text-xs text-slate-600 dark:text-slate-400">
                      {h.actorName ?? "Unknown"} · {when(h.at, timeZone)}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </>
      )}
    </aside>
  );
}
