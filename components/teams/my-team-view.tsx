import type { getMyTeams } from "@/lib/server/people/teams/team-views";
import { SubmitWorkForm } from "@/components/my-deadlines/submit-work-form";
import { EmptyState } from "@/components/ui/empty-state";
import { HandInLine, When } from "@/components/teams/teams-view";
import { CreateTeamForm, JoinTeamButton, LeaveTeamButton } from "@/components/teams/team-forms";
import { DUE_WORDS, LATENESS_WORDS } from "@/components/teams/team-words";

type Data = Awaited<ReturnType<typeof getMyTeams>>;
const box = "rounded-md border border-slate-200 p-3 dark:border-slate-700";

/** My team: the team, its deadlines, every hand-in (who, what, when), what submitting now costs each member. */
export function MyTeamView({ data }: { data: Data }) {
  const { course } = data;
  const tz = course.timeZone;
  if (data.teamSets.length === 0) return <EmptyState title="This course has no team work" />;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">My team</h1>
      {data.teamSets.map((set) => (
        <section key={set.id} aria-labelledby={`myset-${set.id}`} className="space-y-3">
          <h2 id={`myset-${set.id}`} className="text-xl font-semibold">
            {set.name}
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {LATENESS_WORDS[set.latenessPolicy]}. {DUE_WORDS[set.duePolicy]}.
          </p>
          {!set.myTeam ? (
            <div className={box}>
              <p>You are not in a team of {set.name} yet.</p>
              {set.open && data.canForm ? (
                <div className="mt-2 space-y-2">
                  <p className="text-sm">
                    Teams of {set.minSize}
                    {set.maxSize === null ? " or more" : `–${set.maxSize}`}
                    {set.formationLocksAt ? (
                      <>
                        ; teams lock <When at={set.formationLocksAt} timeZone={tz} />
                      </>
                    ) : (
                      ""
                    )}
                    .
                  </p>
                  <CreateTeamForm slug={course.slug} teamSetId={set.id} own />
                  {set.joinable.length > 0 && (
                    <ul className="space-y-1">
                      {set.joinable.map((t) => (
                        <li key={t.id} className="flex flex-wrap items-center gap-2 text-sm">
                          {t.name} ({t.size} member{t.size === 1 ? "" : "s"})
                          <JoinTeamButton slug={course.slug} teamId={t.id} name={t.name} />
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ) : (
                <p className="text-sm">Ask the teaching staff to put you in a team.</p>
              )}
            </div>
          ) : (
            <div className={box}>
              <h3 className="text-lg font-semibold">{set.myTeam.name}</h3>
              <ul className="text-sm">
                {set.myTeam.members.map((m) => (
                  <li key={m.userId}>
                    {m.userId === data.viewerId ? `${m.name} (you)` : m.name} · {m.lateHours} late hours charged on team
                    work
                  </li>
                ))}
              </ul>
              {set.myTeam.belowMin && (
                <p className="text-sm text-amber-800 dark:text-amber-200">
                  Your team needs at least {set.minSize} members.
                </p>
              )}
              {set.open && data.canForm && (
                <LeaveTeamButton slug={course.slug} teamId={set.myTeam.id} name={set.myTeam.name} />
              )}
              {set.myTeam.work.map((w) => (
                <article
                  key={w.assignmentId}
                  className="mt-3 border-t border-slate-200 pt-2 dark:border-slate-700"
                  aria-labelledby={`w-${w.assignmentId}`}
                >
                  <h4 id={`w-${w.assignmentId}`} className="font-medium">
                    {w.code} · {w.title}
                  </h4>
                  <p className="text-sm">
                    Team deadline <When at={w.teamDueAt} timeZone={tz} /> ({w.dueSource}).
                  </p>
                  {w.handIns.length === 0 ? (
                    <p className="text-sm">Nobody has handed it in yet.</p>
                  ) : (
                    <ol className="list-decimal pl-5 text-sm" aria-label={`Hand-ins of ${w.code}`}>
                      {w.handIns.map((h) => (
                        <li key={h.id}>
                          <HandInLine
                            handIn={h}
                            timeZone={tz}
                            href={h.myRowId ? `/courses/${course.slug}/submissions/${h.myRowId}/file` : null}
                          />
                        </li>
                      ))}
                    </ol>
                  )}
                  {w.myGrade && <p className="text-sm">Your grade: {w.myGrade.score ?? "—"}</p>}
                  {w.preview && !w.preview.refused ? (
                    <SubmitWorkForm
                      slug={course.slug}
                      assignmentId={w.assignmentId}
                      code={w.code}
                      cost={w.preview.message}
                      resubmission={w.handIns.length > 0}
                      expectedLatestId={w.latestId}
                    />
                  ) : (
                    w.preview && <p className="text-sm font-medium">{w.preview.message}</p>
                  )}
                </article>
              ))}
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
