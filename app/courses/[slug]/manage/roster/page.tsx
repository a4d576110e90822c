import Link from "next/link";
import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getRoster, type RosterMember } from "@/lib/server/people/roster";
import { ManageHeading, ManageNav, cardClass } from "@/components/manage/manage-nav";
import { AddMemberForm, RoleSelect, RosterImport } from "@/components/manage/roster-forms";
import { DeleteButton } from "@/components/manage/delete-button";
import { EmptyState } from "@/components/ui/empty-state";
import { dropMemberAction } from "@/app/courses/[slug]/manage/actions";

type Props = { params: Promise<{ slug: string }> };
export const metadata = { title: "Roster" };

const ROLE_LABEL = { INSTRUCTOR: "Instructor", TA: "TA", STUDENT: "Student", AUDITOR: "Auditor" } as const;

/** One table for members and the waitlist; `canEdit` and `viewerId` come from the roster (nobody drops themselves). */
function MemberTable({
  slug,
  canEdit,
  viewerId,
  members,
  caption,
  waitlist = false,
}: {
  slug: string;
  canEdit: boolean;
  viewerId: string;
  members: RosterMember[];
  caption: string;
  waitlist?: boolean;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            {waitlist ? (
              <th scope="col" className="text-left font-medium">
                #
              </th>
            ) : null}
            <th scope="col" className="text-left font-medium">
              Name
            </th>
            <th scope="col" className="text-left font-medium">
              Email
            </th>
            <th scope="col" className="text-left font-medium">
              {waitlist ? "Status" : "Role"}
            </th>
            {canEdit ? (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.membershipId} className="border-t border-slate-200 align-top dark:border-slate-800">
              {waitlist ? <td className="py-1.5 pr-2 tabular-nums">{m.position}</td> : null}
              <td className="py-1.5 pr-2">
                <Link href={`/courses/${slug}/people/${m.userId}`}>{m.name}</Link>
              </td>
              <td className="py-1.5 pr-2 break-all">{m.email}</td>
              <td className="py-1.5 pr-2">
                {canEdit && !waitlist && m.userId !== viewerId ? (
                  <RoleSelect slug={slug} membershipId={m.membershipId} role={m.role} name={m.name} />
                ) : waitlist ? (
                  "Waiting"
                ) : (
                  ROLE_LABEL[m.role]
                )}
              </td>
              {canEdit ? (
                <td className="py-1.5">
                  {m.userId !== viewerId ? (
                    <DeleteButton
                      action={dropMemberAction}
                      fields={{ courseSlug: slug, membershipId: m.membershipId }}
                      label={waitlist ? "Remove" : "Drop"}
                      confirmText={`${waitlist ? "Remove" : "Drop"} ${m.name}?`}
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function RosterPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const roster = await guardPage(() => getRoster({ db: db(), viewer, slug }), {
    returnTo: `/courses/${slug}/manage/roster`,
  });
  const { course } = roster;

  return (
    <div>
      <ManageHeading title="Roster">
        {roster.enrolledStudents} students enrolled
        {course.capacity !== null ? ` of ${course.capacity} seats` : " (no cap)"}, {roster.waitlist.length} on the
        waitlist. Auditors and staff do not take seats; a freed seat goes to the first person waiting.
      </ManageHeading>
      {roster.canEdit ? <ManageNav slug={slug} current="/roster" /> : null}
      <div className="space-y-6">
        {roster.canEdit ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <div className={cardClass}>
              <AddMemberForm slug={slug} />
            </div>
            <div className={cardClass}>
              <RosterImport slug={slug} />
            </div>
          </div>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">Only instructors change the roster.</p>
        )}
        <div className={cardClass}>
          {roster.members.length ? (
            <MemberTable
              slug={slug}
              canEdit={roster.canEdit}
              viewerId={roster.viewerId}
              members={roster.members}
              caption={`Members (${roster.members.length})`}
            />
          ) : (
            <EmptyState title="Nobody is enrolled yet" />
          )}
        </div>
        {roster.waitlist.length ? (
          <div className={cardClass}>
            <MemberTable
              slug={slug}
              canEdit={roster.canEdit}
              viewerId={roster.viewerId}
              members={roster.waitlist}
              caption={`Waitlist (${roster.waitlist.length})`}
              waitlist
            />
          </div>
        ) : null}
        {roster.dropped.length ? (
          <details className={cardClass}>
            <summary className="cursor-pointer font-semibold">Dropped ({roster.dropped.length})</summary>
            <ul className="mt-2 text-sm">
              {roster.dropped.map((m) => (
                <li key={m.membershipId}>
                  {m.name} · {m.email}
                </li>
              ))}
            </ul>
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Add someone again with “Add a person”.</p>
          </details>
        ) : null}
      </div>
    </div>
  );
}
