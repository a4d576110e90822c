import Link from "next/link";
import { cardClass } from "@/components/manage/manage-nav";
import { EmptyState } from "@/components/ui/empty-state";

// The shape every "manage a list" page shares: the form on the left (editing the item
// named by ?edit=, or a new one), the list with Edit/Delete on the right.

export function EditorAndList({
  formId,
  form,
  cancelHref,
  extra,
  listTitle,
  count,
  empty,
  ordered = false,
  children,
}: {
  /** The form card's id; Edit links jump to it. */
  formId: string;
  form: React.ReactNode;
  /** Where "Cancel editing" leads; null when nothing is being edited. */
  cancelHref: string | null;
  /** More editor cards under the form. */
  extra?: React.ReactNode;
  listTitle: string;
  count: number;
  empty: { title: string; body?: string };
  ordered?: boolean;
  children: React.ReactNode;
}) {
  const List = ordered ? "ol" : "ul";
  const headingId = `${formId}-list`;
  return (
    <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
      <div className="space-y-6">
        <div className={cardClass} id={formId}>
          {form}
          {cancelHref ? (
            <p className="mt-3 text-sm">
              <Link href={cancelHref}>Cancel editing</Link>
            </p>
          ) : null}
        </div>
        {extra ? <div className={cardClass}>{extra}</div> : null}
      </div>
      <section aria-labelledby={headingId} className={cardClass}>
        <h2 id={headingId} className="text-lg font-semibold">
          {listTitle} ({count})
        </h2>
        {count === 0 ? (
          <EmptyState title={empty.title} body={empty.body} />
        ) : (
          <List className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">{children}</List>
        )}
      </section>
    </div>
  );
}

/** One list row: what it is on the left, an Edit link (named for screen readers) and actions on the right. */
export function EditorListRow({
  editHref,
  editLabel,
  actions,
  children,
}: {
  editHref: string;
  editLabel: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-2 py-2">
      <div>{children}</div>
      <div className="flex gap-2">
        <Link href={editHref} className="text-sm">
          Edit<span className="sr-only"> {editLabel}</span>
        </Link>
        {actions}
      </div>
    </li>
  );
}
