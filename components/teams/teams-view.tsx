import { formatInZone } from "@/lib/domain/time";
import { localInputOf } from "@/lib/server/platform/local-dates";
import type { getTeamsPage, TeamHandIn } from "@/lib/server/people/teams/team-views";
import { EmptyState } from "@/components/ui/empty-state";
import {
  AddMemberForm,
  CreateTeamForm,
  DeleteTeamButton,
  LinkAssignmentForm,
  RemoveMemberButton,
  RevokeTeamExtensionForm,
  TeamExtensionForm,
  TeamGradeForm,
  TeamImportForm,
  TeamSetForm,
} from "@/components/teams/team-forms";
import { DUE_WORDS, LATENESS_WORDS } from "@/components/teams/team-words";

type Data = Awaited<ReturnType<typeof getTeamsPage>>;

export function When({ at, timeZone }: { at: Date | null; timeZone: string }) {
  if (!at) return <span>no deadline</span>;
  return <time dateTime={at.toISOString()}>{formatInZone({ at, timeZone })}</time>;
}

export function HandInLine({ handIn, timeZone, href }: { handIn: TeamHandIn; timeZone: string; href: string | null }) {
  const what = handIn.url ? (
    <a href={handIn.url} rel="noreferrer noopener">
      link
    </a>
  ) : href ? (
    <a href={href}>{handIn.fileName}</a>
  ) : (
    <span>{handIn.fileName}</span>
  );
  return (
    <span>
      {handIn.submittedBy ?? "A former member"} handed in {what} at <When at={handIn.submittedAt} timeZone={timeZone} />
      {handIn.lateHours > 0 ? `, ${handIn.lateHours} h late` : ", on time"}
    </span>
  );
}

const box = "rounded-md border border-slate-200 p-3 dark:border-slate-700";

/** The staff Teams page: sets and their settings, CSV import/export, each team's members, work and grade. */
export function TeamsView({ data }: { data: Data }) {
  const { course } = data;
  const tz = course.timeZone;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Teams</h1>
      {data.teamSets.length === 0 && (
        <EmptyState title="No team sets yet" body="Create one to hand in work, get extensions and grades as teams." />
      )}
      {data.canEdit && data.teamSets.length > 0 && (
        <section className={box} aria-labelledby="link-h">
          <h2 id="link-h" className="font-medium">
            Which assignments teams hand in
          </h2>
          <LinkAssignmentForm slug={course.slug} assignments={data.assignments} sets={data.teamSets} />
        </section>
      )}
      {data.teamSets.map((set) => {
        const placedElsewhere = set.unassigned;
        return (
          <section key={set.id} aria-labelledby={`set-${set.id}`} className="space-y-3">
            <h2 id={`set-${set.id}`} className="text-xl font-semibold">
              {set.name}
            </h2>
            <ul className="text-sm text-slate-700 dark:text-slate-300">
              <li>
                Teams of {set.minSize}
                {set.maxSize === null ? " or more" : set.maxSize === set.minSize ? "" : `–${set.maxSize}`};{" "}
                {set.teams.length} teams, {placedElsewhere.length} students without a team.
              </li>
              <li>
                {set.selfFormation ? (
                  set.open ? (
                    set.formationLocksAt ? (
                      <>
                        Students form their own teams until <When at={set.formationLocksAt} timeZone={tz} />.
                      </>
                    ) : (
                      "Students form their own teams."
                    )
                  ) : (
                    <>
                      Locked on <When at={set.formationLocksAt} timeZone={tz} />: only staff change teams.
                    </>
                  )
                ) : (
                  "Staff make the teams."
                )}
              </li>
              <li>{LATENESS_WORDS[set.latenessPolicy]}.</li>
              <li>{DUE_WORDS[set.duePolicy]}.</li>
              <li>
                Team work: {set.assignments.length > 0 ? set.assignments.map((a) => a.code).join(", ") : "none yet"}.
              </li>
              <li>
                <a href={`/api/courses/${course.slug}/teams/${set.id}/export`}>Export {set.name} as CSV</a>
              </li>
            </ul>
            {data.canEdit && (
              <details className={box}>
                <summary className="cursor-pointer font-medium">Settings, import and new teams</summary>
                <div className="mt-2 space-y-4">
                  <TeamSetForm
                    slug={course.slug}
                    set={{
                      id: set.id,
                      name: set.name,
                      minSize: set.minSize,
                      maxSize: set.maxSize,
                      selfFormation: set.selfFormation,
                      latenessPolicy: set.latenessPolicy,
                      duePolicy: set.duePolicy,
                      locksLocal: localInputOf(set.formationLocksAt, tz),
                    }}
                  />
                  <TeamImportForm slug={course.slug} teamSetId={set.id} />
                  <CreateTeamForm slug={course.slug} teamSetId={set.id} />
                </div>
              </details>
            )}
            {set.teams.length === 0 && <EmptyState title="No teams in this set yet" />}
            <ul className="grid gap-3 md:grid-cols-2">
              {set.teams.map((team) => (
                <li key={team.id} className={box}>
                  <h3 className="font-semibold">
                    {team.name}
                    {team.belowMin && (
                      <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                        below {set.minSize} members
                      </span>
                    )}
                  </h3>
                  <table className="mt-1 w-full text-left text-sm">
                    <caption className="sr-only">Members of {team.name}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Member</th>
                        <th scope="col">Late hours charged (team work)</th>
                        {data.canEdit && (
                          <th scope="col">
                            <span className="sr-only">Actions</span>
                          </th>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {team.members.map((m) => (
                        <tr key={m.userId}>
                          <td>
                            <a href={`/courses/${course.slug}/late-hours/students/${m.userId}`}>{m.name}</a>
                            <span className="block text-xs text-slate-500">{m.email}</span>
                          </td>
                          <td>{m.lateHours} h</td>
                          {data.canEdit && (
                            <td>
                              <RemoveMemberButton slug={course.slug} teamId={team.id} userId={m.userId} name={m.name} />
                            </td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {data.canEdit && (
                    <div className="mt-2 space-y-2">
                      <AddMemberForm
                        slug={course.slug}
                        teamId={team.id}
                        teamName={team.name}
                        candidates={placedElsewhere}
                      />
                      {team.work.every((w) => w.handIns.length === 0) && (
                        <DeleteTeamButton slug={course.slug} teamId={team.id} name={team.name} />
                      )}
                    </div>
                  )}
                  {team.work.map((w) => (
                    <div
                      key={w.assignmentId}
                      className="mt-3 border-t border-slate-200 pt-2 text-sm dark:border-slate-700"
                    >
                      <h4 className="font-medium">{w.code}</h4>
                      <p>
                        Due <When at={w.teamDueAt} timeZone={tz} /> ({w.dueSource}).
                      </p>
                      {w.handIns.length === 0 ? (
                        <p>Not handed in.</p>
                      ) : (
                        <p>
                          <HandInLine handIn={w.handIns[0]!} timeZone={tz} href={null} />
                          {w.handIns.length > 1 ? ` (${w.handIns.length} hand-ins)` : ""}.
                        </p>
                      )}
                      {w.extensions.map((x) => (
                        <div key={x.id} className="mt-1 space-y-1">
                          <p>
                            Team extension to <When at={x.dueAt} timeZone={tz} />
                            {x.reason ? ` (${x.reason})` : ""}.
                          </p>
                          {data.canExtend && (
                            <RevokeTeamExtensionForm
                              slug={course.slug}
                              extensionId={x.id}
                              label={`${team.name}'s extension of ${w.code}`}
                            />
                          )}
                        </div>
                      ))}
                      {w.grade && (
                        <p>
                          Team grade: {w.grade.score ?? "—"}
                          {Object.keys(w.grade.overrides).length > 0
                            ? ` (${Object.keys(w.grade.overrides).length} override)`
                            : ""}
                        </p>
                      )}
                      {data.canExtend && (
                        <details>
                          <summary className="cursor-pointer text-brand-700 dark:text-brand-100">
                            Extend {w.code} for {team.name}
                          </summary>
                          <TeamExtensionForm
                            slug={course.slug}
                            teamId={team.id}
                            assignmentId={w.assignmentId}
                            label={`${w.code} for ${team.name}`}
                          />
                        </details>
                      )}
                      {data.canGrade && (
                        <details>
                          <summary className="cursor-pointer text-brand-700 dark:text-brand-100">
                            Grade {w.code} for {team.name}
                          </summary>
                          <TeamGradeForm
                            slug={course.slug}
                            teamId={team.id}
                            assignmentId={w.assignmentId}
                            label={`${w.code} for ${team.name}`}
                            members={team.members}
                            grade={w.grade}
                          />
                        </details>
                      )}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {data.canEdit && (
        <details className={box}>
          <summary className="cursor-pointer font-medium">New team set</summary>
          <TeamSetForm slug={course.slug} />
        </details>
      )}
    </div>
  );
}
