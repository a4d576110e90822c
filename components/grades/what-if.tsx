"use client";
import { useId, useMemo, useState } from "react";
import {
  compileScheme,
  whatIfNeeded,
  type GradeScheme,
  type LateConsequence,
  type SchemeItem,
} from "@/lib/domain/grading";
import { parseScoreText } from "@/lib/validation/grades";

type Props = {
  scheme: GradeScheme;
  items: SchemeItem[];
  /** The student's own released scores. */
  scores: Record<string, number | null>;
  /** Excused items: left out of the grade, nothing to plan for. */
  excused: string[];
  trackId: string | null;
  /** What the late policy did to the student's items, as their grades page counts it. */
  consequences: LateConsequence[];
  missed: string[];
  titles: Record<string, string>;
};

const fmt = (x: number) => String(Math.round(x * 100) / 100);

/**
 * "What do I need on P4 for an A-?" Runs in the browser on the student's own
 * released scores only. It starts from the student's current standing: work not
 * graded yet is left out (as on the standing above), as if the student keeps
 * their present level on it, unless they type a score they expect.
 */
export function WhatIf({ scheme, items, scores, excused, trackId, consequences, missed, titles }: Props) {
  const graded = items.filter((i) => i.categoryId !== null && !excused.includes(i.id));
  const open = graded.filter((i) => scores[i.id] === undefined || scores[i.id] === null);
  const letters = scheme.cutoffs
    .slice()
    .sort((a, b) => b.minPercent - a.minPercent)
    .map((c) => c.letter);
  const [itemId, setItemId] = useState(open[0]?.id ?? "");
  const [target, setTarget] = useState(letters[Math.min(2, letters.length - 1)] ?? "");
  const [guesses, setGuesses] = useState<Record<string, string>>({});
  const ids = { item: useId(), target: useId() };

  const hypothetical = useMemo(() => {
    const merged: Record<string, number | null> = { ...scores };
    for (const [id, text] of Object.entries(guesses)) {
      const parsed = parseScoreText(text);
      if (parsed.ok && parsed.score !== null) merged[id] = parsed.score;
    }
    return merged;
  }, [scores, guesses]);

  const projected = useMemo(
    () =>
      compileScheme({ scheme, items }).grade({
        student: { scores: hypothetical, chosenTrackId: trackId, excused, missed },
        mode: "current",
        consequences,
      }),
    [scheme, items, hypothetical, trackId, excused, missed, consequences],
  );
  const answer = useMemo(() => {
    if (!itemId || !target) return null;
    const others = { ...hypothetical };
    delete others[itemId];
    return whatIfNeeded({
      scheme,
      items,
      student: { scores: others, chosenTrackId: trackId, excused, missed },
      itemId,
      targetLetter: target,
      consequences,
      mode: "current",
    });
  }, [scheme, items, hypothetical, itemId, target, trackId, excused, missed, consequences]);

  if (open.length === 0)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Every graded item already has a released score; there is nothing left to plan for.
      </p>
    );
  const item = graded.find((i) => i.id === itemId);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={ids.item} className="block text-sm font-medium">
            Assignment
          </label>
          <select
            id={ids.item}
            value={itemId}
            onChange={(e) => setItemId(e.target.value)}
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            {open.map((i) => (
              <option key={i.id} value={i.id}>
                {i.code}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.target} className="block text-sm font-medium">
            Target letter
          </label>
          <select
            id={ids.target}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            {letters.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p
        role="status"
        aria-live="polite"
        className="rounded-md bg-brand-50 p-3 text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100"
      >
        {!answer || !item
          ? "Choose an assignment and a letter."
          : answer.reachable
            ? answer.alreadyReached
              ? `You get ${target} or better whatever you score on ${item.code}.`
              : `You need at least ${fmt(answer.score)} / ${item.points} on ${item.code} for ${target} (that gives ${answer.percent.toFixed(2)}%, ${answer.letter}).`
            : `${target} is out of reach through ${item.code} alone: full marks give ${answer.bestPercent === null ? "no grade" : `${answer.bestPercent.toFixed(2)}%`}${answer.bestLetter ? ` (${answer.bestLetter})` : ""}.`}
      </p>
      <fieldset className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium">Scores you expect on other work (optional)</legend>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Work you leave blank is left out, as on your current standing: this assumes you keep your present level on it.
          Type a score to see what a different one does.
        </p>
        <ul className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {open
            .filter((i) => i.id !== itemId)
            .map((i) => {
              const parsed = guesses[i.id] ? parseScoreText(guesses[i.id]!) : null;
              return (
                <li key={i.id}>
                  <label htmlFor={`wi-${i.id}`} className="block text-sm" title={titles[i.id]}>
                    {i.code} (out of {i.points})
                  </label>
                  <input
                    id={`wi-${i.id}`}
                    inputMode="decimal"
                    value={guesses[i.id] ?? ""}
                    aria-invalid={parsed && !parsed.ok ? true : undefined}
                    onChange={(e) => setGuesses((g) => ({ ...g, [i.id]: e.target.value }))}
                    className="mt-1 w-24 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600 dark:border-slate-700 dark:bg-slate-900"
                  />
                  {parsed && !parsed.ok ? (
                    <p className="text-xs text-red-700 dark:text-red-300">{parsed.error}</p>
                  ) : null}
                </li>
              );
            })}
        </ul>
        <p className="mt-3 text-sm">
          With these scores (blank work left out, {item?.code ?? "the chosen item"} too unless entered), your grade
          would be{" "}
          <b>
            {projected.percent === null ? "–" : `${projected.percent.toFixed(2)}%`} {projected.letter ?? ""}
          </b>
          .
        </p>
      </fieldset>
    </div>
  );
}
