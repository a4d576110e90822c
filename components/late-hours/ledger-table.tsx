import type { LedgerLine } from "@/lib/server/deadlines/my-deadlines";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";

const KIND_LABEL = { CHARGE: "Charge", REFUND: "Refund", ADJUSTMENT: "Adjustment" } as const;

/** The append-only ledger, newest first; every line carries its reason. */
export function LedgerTable({
  entries,
  timeZone,
  caption,
}: {
  entries: LedgerLine[];
  timeZone: string;
  caption: string;
}) {
  if (entries.length === 0)
    return (
      <EmptyState title="No ledger entries yet" body="Late submissions, extensions and adjustments will show here." />
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-600 dark:border-slate-700 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-2 pr-3">
              When
            </th>
            <th scope="col" className="py-2 pr-3">
              Entry
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Hours
            </th>
            <th scope="col" className="py-2 pr-3">
              Assignment
            </th>
            <th scope="col" className="py-2">
              Reason
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-slate-100 align-top dark:border-slate-800">
              <td className="py-2 pr-3 whitespace-nowrap">
                <LocalTime at={e.createdAt} timeZone={timeZone} style="dateShort" />
              </td>
              <td className="py-2 pr-3">{KIND_LABEL[e.kind]}</td>
              <td
                className={`py-2 pr-3 text-right tabular-nums ${e.hours < 0 ? "text-emerald-800 dark:text-emerald-300" : ""}`}
              >
                {e.hours > 0 ? `+${e.hours}` : e.hours}
                <span className="sr-only">{e.hours < 0 ? " hours given back" : " hours used"}</span>
              </td>
              <td className="py-2 pr-3">{e.assignmentCode ?? "—"}</td>
              <td className="py-2">
                {e.reason}
                {e.actorName ? <span className="text-slate-600 dark:text-slate-400"> · {e.actorName}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
