export function EmptyState({ title, body }: { title: string; body?: string }) {
  return (
    <div className="mt-6 rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
      <p className="font-medium">{title}</p>
      {body ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{body}</p> : null}
    </div>
  );
}
