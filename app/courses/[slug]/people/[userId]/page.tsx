import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { serverNow } from "@/lib/server/platform/clock";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getMemberRecord } from "@/lib/server/people/roster";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";

type Props = { params: Promise<{ slug: string; userId: string }> };
export const metadata = { title: "Member" };

/** One member's record: staff see anyone's, a student only their own (anyone else's is a 404). */
export default async function MemberPage({ params }: Props) {
  await connection();
  const { slug, userId } = await params;
  const viewer = await currentViewer();
  const r = await guardPage(() => getMemberRecord({ db: db(), viewer, slug, userId, now: serverNow() }), {
    returnTo: `/courses/${slug}/people/${userId}`,
  });
  const p = r.person;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{p.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {p.email} · {p.role.toLowerCase()} ·{" "}
          {p.status === "WAITLISTED" ? `waitlist #${p.position}` : p.status.toLowerCase()}
          {r.scope === "own" ? " · your own record" : ""}
        </p>
      </header>
      <section aria-labelledby="late-h">
        <h2 id="late-h" className="text-lg font-semibold">
          Late hours
        </h2>
        <p className="text-sm">{r.lateHoursUsed} hours used</p>
      </section>
      <section aria-labelledby="subs-h">
        <h2 id="subs-h" className="text-lg font-semibold">
          Submissions
        </h2>
        {r.submissions.length === 0 ? (
          <EmptyState title="No submissions" />
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {r.submissions.map((s, i) => (
              <li key={i}>
                <span className="font-medium">{s.assignmentCode}</span> {s.assignmentTitle}:{" "}
                <LocalTime at={s.submittedAt} timeZone={r.course.timeZone} />
                {s.fileName ? ` · ${s.fileName}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="grades-h">
        <h2 id="grades-h" className="text-lg font-semibold">
          {r.scope === "own" ? "Released grades" : "Grades"}
        </h2>
        {r.grades.length === 0 ? (
          <EmptyState title="No grades yet" />
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {r.grades.map((g) => (
              <li key={g.assignmentCode}>
                <span className="font-medium">{g.assignmentCode}</span>: {g.score ?? "—"} / {g.points}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
