"use client";
import type { RowsState } from "@/components/gradebook/grid/use-gradebook-rows";

/** While the rest of the class loads after the first screen: how many are in, and a retry if it failed. */
export function RowsLoading({
  state,
  shown,
  total,
  onRetry,
}: {
  state: RowsState;
  shown: number;
  total: number;
  onRetry: () => void;
}) {
  if (state === "complete") return null;
  return (
    <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
      {state === "loading" ? (
        <>
          Loading the other {total - shown} of {total} students… The first {shown} can be graded now; search, filters
          and sorting cover everyone once they are in.
        </>
      ) : (
        <>
          The other {total - shown} of {total} students did not load.{" "}
          <button type="button" onClick={onRetry} className="font-medium underline">
            Try again
          </button>
        </>
      )}
    </p>
  );
}
