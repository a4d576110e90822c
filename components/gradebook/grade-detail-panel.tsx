"use client";
import { useEffect, useId, useState } from "react";
import { formatInZone } from "@/lib/domain/time";
import type { CapDecision, GradeDetail } from "@/lib/server/grading/grades";
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
  /** The grader's D/F call was saved on an item the late policy caps. */
  onDecided: (decision: Pick<CapDecision, "choices" | "basicallyWorks">) => void;
  onClose: () => void;
};

const when = (iso: string, timeZone: string) => formatInZone({ at: new Date(iso), timeZone });

/** Feedback, submissions and the change history of the grid's active cell. */
export function GradeDetailPanel({
  slug,
  timeZone,
  student,
  assignment,
  version,
  canEdit,
  onSaved,
  onDecided,
  onClose,
}: Props) {
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
  // The D/F call's answer, shown beside its buttons.
  const [callMessage, setCallMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const headingId = useId();
  const feedbackId = useId();

  const assignmentId = assignment?.id ?? null;
  // Another cell: forget the old cell's detail during render, so its feedback never shows under
  // the new cell's heading, not even for one frame.
  // A new version of the same cell (a save from here) keeps what is shown, its message and the
  // focus on the button pressed, until the refetched detail replaces it.
  const placeKey = `${slug}/${assignmentId}/${student.id}`;
  const [shownKey, setShownKey] = useState(placeKey);
  if (shownKey !== placeKey) {
    setShownKey(placeKey);
    setDetail(null);
    setLoadError(null);
    setMessage(null);
    setCallMessage(null);
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

  async function decide(cell: CellState, decision: CapDecision, basicallyWorks: boolean) {
    if (!assignment) return;
    setSaving(true);
    const result = await saveCell({
      slug,
      assignmentId: assignment.id,
      studentId: student.id,
      version: cell.version,
      basicallyWorks,
    });
    setSaving(false);
    if (result.kind === "saved") {
      const chosen = basicallyWorks ? decision.choices[0]! : decision.choices[1]!;
      setCallMessage({
        kind: "ok",
        text: `Graded ${chosen.letter}: counts as at most ${chosen.percent}% of the points.`,
      });
      onDecided({ choices: decision.choices, basicallyWorks });
      onSaved(result.cell);
    } else if (result.kind === "conflict") {
      setCallMessage({
        kind: "error",
        text: `${result.current.graderName ?? "Someone"} changed this grade meanwhile; look again and choose.`,
      });
      onSaved(result.current);
    } else setCallMessage({ kind: "error", text: result.message });
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
          {detail.capDecision ? (
            <CapChoice
              decision={detail.capDecision}
              canEdit={canEdit}
              saving={saving}
              message={callMessage}
              onChoose={(works) => decide(detail.cell, detail.capDecision!, works)}
            />
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
                    {h.basicallyWorks === true ? " · basically works (D)" : ""}
                    {h.basicallyWorks === false ? " · does not basically work (F)" : ""}
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

/**
 * The grader's "basically works? D / F" call on an item the late policy caps (Brown: "we'll give it
 * a D or an F depending on whether it seems to basically work"). Two buttons, reachable with Tab,
 * the chosen one pressed; until a choice is saved the item is left out of the grade.
 */
function CapChoice({
  decision,
  canEdit,
  saving,
  message,
  onChoose,
}: {
  decision: CapDecision;
  canEdit: boolean;
  saving: boolean;
  message: { kind: "ok" | "error"; text: string } | null;
  onChoose: (basicallyWorks: boolean) => void;
}) {
  const legendId = useId();
  const [better, worse] = decision.choices as [CapDecision["choices"][number], CapDecision["choices"][number]];
  const why = decision.overCap
    ? `${decision.lateHours} h late, more than one project may use`
    : "the late hours that took the total over the budget";
  const chosen = decision.basicallyWorks === null ? null : decision.basicallyWorks ? better : worse;
  const option = (works: boolean, c: typeof better, words: string) => (
    <button
      type="button"
      aria-pressed={decision.basicallyWorks === works}
      disabled={!canEdit || saving}
      onClick={() => onChoose(works)}
      className="rounded-md border border-slate-400 px-3 py-1 aria-pressed:border-brand-700 aria-pressed:bg-brand-700 aria-pressed:text-white disabled:opacity-60 dark:border-slate-600"
    >
      <b>{c.letter}</b> · {words} ({c.percent}%)
    </button>
  );
  return (
    <div
      role="group"
      aria-labelledby={legendId}
      className="space-y-2 rounded border border-amber-400 bg-amber-50 p-2 text-amber-950 dark:bg-amber-950 dark:text-amber-100"
    >
      <p id={legendId}>
        <b>Basically works? D / F</b>
        <br />
        Handed in with {why}: the late policy grades it {better.letter} or {worse.letter}.
      </p>
      <div className="flex flex-wrap gap-2">
        {option(true, better, "basically works")}
        {option(false, worse, "does not")}
      </div>
      {message ? (
        <p
          role={message.kind === "ok" ? "status" : "alert"}
          className={message.kind === "ok" ? "font-medium" : "font-medium text-red-700 dark:text-red-300"}
        >
          {message.text}
        </p>
      ) : null}
      <p className="text-xs">
        {chosen
          ? `Graded ${chosen.letter}: counts as at most ${chosen.percent}% of the points.`
          : "Not decided yet: this item is left out of the grade until you choose."}
      </p>
    </div>
  );
}
