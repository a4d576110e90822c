"use client";
import type { GradebookData } from "@/lib/server/grading/gradebook";
import type { SortDir, SortKey } from "@/components/gradebook/grid/grid-view";

export type ViewSettings = {
  query: string;
  category: string;
  missingOnly: boolean;
  sortKey: SortKey;
  sortDir: SortDir;
  /** A score typed on team work grades the member's whole team (issue 16). */
  teamScope: boolean;
};

const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

/** Search, category, sort and the "missing only" filter, plus the detail panel's toggle. */
export function GridToolbar({
  data,
  settings,
  onChange,
  onSort,
  panelOpen,
  onTogglePanel,
}: {
  data: Pick<GradebookData, "assignments" | "categories" | "teamSets">;
  settings: ViewSettings;
  onChange: (next: Partial<ViewSettings>) => void;
  onSort: (key: SortKey) => void;
  panelOpen: boolean;
  onTogglePanel: () => void;
}) {
  const { assignments, categories } = data;
  const teamWork = assignments.filter((a) => a.teamSetId !== null);
  return (
    <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter the gradebook">
      <div>
        <label htmlFor="gb-search" className="block text-sm font-medium">
          Search students
        </label>
        <input
          id="gb-search"
          type="search"
          value={settings.query}
          onChange={(e) => onChange({ query: e.target.value })}
          placeholder="Name or email"
          className={`mt-1 w-56 ${field} px-3`}
        />
      </div>
      <div>
        <label htmlFor="gb-category" className="block text-sm font-medium">
          Category
        </label>
        <select
          id="gb-category"
          value={settings.category}
          onChange={(e) => onChange({ category: e.target.value })}
          className={`mt-1 ${field}`}
        >
          <option value="all">All assignments</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          {assignments.some((a) => a.categoryId === null) ? <option value="none">Not graded</option> : null}
        </select>
      </div>
      <div>
        <label htmlFor="gb-sort" className="block text-sm font-medium">
          Sort by
        </label>
        <div className="mt-1 flex gap-1">
          <select
            id="gb-sort"
            value={settings.sortKey}
            onChange={(e) => onSort(e.target.value as SortKey)}
            className={field}
          >
            <option value="name">Name</option>
            <option value="current">Current grade</option>
            <option value="late">Late hours used</option>
            {data.teamSets.length > 0 ? <option value="team">Team</option> : null}
            {assignments.map((a) => (
              <option key={a.id} value={`a:${a.id}`}>
                {a.code}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => onChange({ sortDir: settings.sortDir === "asc" ? "desc" : "asc" })}
            title="Change the sort direction"
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm dark:border-slate-700"
          >
            <span aria-hidden="true">{settings.sortDir === "asc" ? "↑ " : "↓ "}</span>
            {settings.sortDir === "asc" ? "Ascending" : "Descending"}
          </button>
        </div>
      </div>
      <label className="flex items-center gap-2 pb-1.5 text-sm">
        <input
          type="checkbox"
          checked={settings.missingOnly}
          onChange={(e) => onChange({ missingOnly: e.target.checked })}
        />
        Missing grades only
      </label>
      {teamWork.length > 0 ? (
        <label className="flex max-w-xs items-center gap-2 pb-1.5 text-sm">
          <input
            type="checkbox"
            checked={settings.teamScope}
            aria-describedby="gb-team-help"
            onChange={(e) =>
              // Grading teams reads best with each team's members together.
              onChange(e.target.checked ? { teamScope: true, sortKey: "team", sortDir: "asc" } : { teamScope: false })
            }
          />
          Grade teams: a score on team work goes to the whole team
        </label>
      ) : null}
      <button
        type="button"
        aria-pressed={panelOpen}
        onClick={onTogglePanel}
        className="ml-auto rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
      >
        {panelOpen ? "Hide feedback & history" : "Feedback & history"}
      </button>
    </div>
  );
}
