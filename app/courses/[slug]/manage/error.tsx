"use client";
export default function ManageError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded-md bg-red-50 p-4 text-red-800 dark:bg-red-950 dark:text-red-200">
      <p className="font-medium">This page could not be loaded.</p>
      <button type="button" onClick={reset} className="mt-2 underline">
        Try again
      </button>
    </div>
  );
}
