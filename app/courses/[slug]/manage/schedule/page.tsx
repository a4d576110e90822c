import Link from "next/link";
import { connection } from "next/server";
import { db } from "@/lib/server/db";
import { currentViewer } from "@/lib/server/session";
import { guardPage } from "@/lib/server/page-guard";
import { getScheduleForEdit } from "@/lib/server/manage/schedule";
import { ManageHeading, ManageNav, cardClass } from "@/components/manage/manage-nav";
import { NoClassForm, ScheduleEntryForm } from "@/components/manage/schedule-forms";
import { DeleteButton } from "@/components/manage/delete-button";
import { EmptyState } from "@/components/ui/empty-state";
import { deleteScheduleEntryAction } from "../actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ edit?: string }> };
export const metadata = { title: "Manage schedule" };

const KIND_LABEL: Record<string, string> = { LECTURE: "Lecture", LAB: "Lab", NO_CLASS: "No class", PRESENTATION: "Presentations", MILESTONE: "Milestone" };

export default async function ManageSchedulePage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const { edit } = await searchParams;
  const viewer = await currentViewer();
  const { entries, speakers } = await guardPage(() => getScheduleForEdit({ db: db(), viewer, slug }), { returnTo: `/courses/${slug}/manage/schedule` });
  const editing = edit ? entries.find((e) => e.id === edit) ?? null : null;
  return (
    <div>
      <ManageHeading title="Manage schedule">Lectures, labs and milestones with readings and guest speakers. Speakers are shared by all entries of the course.</ManageHeading>
      <ManageNav slug={slug} current="/schedule" />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <div className={cardClass} id="entry-form">
            <ScheduleEntryForm slug={slug} entry={editing} speakers={speakers} />
            {editing ? <p className="mt-3 text-sm"><Link href={`/courses/${slug}/manage/schedule`}>Cancel editing</Link></p> : null}
          </div>
          <div className={cardClass}><NoClassForm slug={slug} /></div>
        </div>
        <section aria-labelledby="entries-h" className={cardClass}>
          <h2 id="entries-h" className="text-lg font-semibold">Entries ({entries.length})</h2>
          {entries.length === 0 ? <EmptyState title="No schedule yet" body="Add the first lecture with the form." /> : (
            <ol className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
              {entries.map((e) => (
                <li key={e.id} className="py-2">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <div>
                      <span className="text-sm tabular-nums text-slate-600 dark:text-slate-400">{e.date}</span>{" "}
                      <span className="font-medium">{e.title}</span>{" "}
                      <span className="text-xs text-slate-600 dark:text-slate-400">{KIND_LABEL[e.kind]}</span>
                      {e.speakerNames.length || e.readings.length ? (
                        <p className="text-xs text-slate-600 dark:text-slate-400">
                          {e.speakerNames.length ? `Speakers: ${e.speakerNames.join(", ")}` : ""}{e.speakerNames.length && e.readings.length ? " · " : ""}
                          {e.readings.length ? `${e.readings.length} reading${e.readings.length === 1 ? "" : "s"}` : ""}
                        </p>
                      ) : null}
                    </div>
                    <div className="flex gap-2">
                      <Link href={`/courses/${slug}/manage/schedule?edit=${e.id}#entry-form`} className="text-sm">Edit<span className="sr-only"> {e.title} on {e.date}</span></Link>
                      <DeleteButton action={deleteScheduleEntryAction} fields={{ courseSlug: slug, entryId: e.id }} label="Delete" confirmText={`Delete “${e.title}” on ${e.date}?`} />
                    </div>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}
