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
import { admitMemberAction, dropMemberAction } from "@/app/courses/[slug]/manage/actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ q?: string | string[] }> };
export const metadata = { title: "Roster" };

const ROLE_LABEL = { INSTRUCTOR: "Instructor", TA: "TA", STUDENT: "Student", AUDITOR: "Auditor" } as const;

/** Seats taken and the cap, when the course has one: an admission past it asks first. */
type Seats = { taken: number; capacity: number | null };

/** A member matches a search when every word is in their name or email (any case). */
function matches(m: RosterMember, words: string[]): boolean {
  const text = `${m.name} ${m.email}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

/** The waitlist row's Admit: over capacity it names the seats and asks before admitting. */
function AdmitButton({ slug, member, seats }: { slug: string; member: RosterMember; seats: Seats }) {
  const full = seats.capacity !== null && seats.taken >= seats.capacity;
  return (
    <DeleteButton
      action={admitMemberAction}
      fields={{ courseSlug: slug, membershipId: member.membershipId, overCapacity: full ? "1" : "" }}
      label="Admit"
      tone="neutral"
      confirmText={
        full
          ? `The course is full (${seats.taken} of ${seats.capacity} seats). Admit ${member.name} over capacity?`
          : undefined
      }
    />
  );
}

/** One table for members and the waitlist; `canEdit` and `viewerId` come from the roster (nobody drops themselves). */
function MemberTable({
  slug,
  canEdit,
  viewerId,
  members,
  caption,
  seats,
  waitlist = false,
}: {
  slug: string;
  canEdit: boolean;
  viewerId: string;
  members: RosterMember[];
  caption: string;
  seats: Seats;
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
                <td className="flex flex-wrap gap-2 py-1.5">
                  {waitlist ? <AdmitButton slug={slug} member={m} seats={seats} /> : null}
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

export default async function RosterPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const rawQ = (await searchParams).q;
  const q = (Array.isArray(rawQ) ? rawQ[0] : rawQ)?.trim().slice(0, 200) ?? "";
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const viewer = await currentViewer();
  const roster = await guardPage(() => getRoster({ db: db(), viewer, slug }), {
    returnTo: `/courses/${slug}/manage/roster`,
  });
  const { course } = roster;
  const seats: Seats = { taken: roster.enrolledStudents, capacity: course.capacity };
  const members = roster.members.filter((m) => matches(m, words));
  const waitlist = roster.waitlist.filter((m) => matches(m, words));
  const dropped = roster.dropped.filter((m) => matches(m, words));
  const found = members.length + waitlist.length + dropped.length;

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
        {/* A plain GET form: the search lives in the URL and works without script. */}
        <form role="search" aria-label="Roster" className="flex flex-wrap items-end gap-2">
          <label className="text-sm font-medium">
            Search by name or email
            <input
              type="search"
              name="q"
              defaultValue={q}
              className="mt-1 block w-72 max-w-full rounded-md border border-slate-300 px-2 py-1.5 font-normal dark:border-slate-700 dark:bg-slate-900"
            />
          </label>
          <button
            type="submit"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Search
          </button>
          {q ? (
            <p role="status" className="text-sm">
              {found} {found === 1 ? "person matches" : "people match"} “{q}” ·{" "}
              <Link href={`/courses/${slug}/manage/roster`}>Show everyone</Link>
            </p>
          ) : null}
        </form>
        <div className={cardClass}>
          {members.length ? (
            <MemberTable
              slug={slug}
              canEdit={roster.canEdit}
              viewerId={roster.viewerId}
              members={members}
              caption={q ? `Members (${members.length} of ${roster.members.length})` : `Members (${members.length})`}
              seats={seats}
            />
          ) : (
            <EmptyState title={q ? "No member matches" : "Nobody is enrolled yet"} />
          )}
        </div>
        {waitlist.length ? (
          <div className={cardClass}>
            <MemberTable
              slug={slug}
              canEdit={roster.canEdit}
              viewerId={roster.viewerId}
              members={waitlist}
              caption={
                q ? `Waitlist (${waitlist.length} of ${roster.waitlist.length})` : `Waitlist (${waitlist.length})`
              }
              seats={seats}
              waitlist
            />
          </div>
        ) : null}
        {dropped.length ? (
          <details className={cardClass}>
            <summary className="cursor-pointer font-semibold">Dropped ({dropped.length})</summary>
            <ul className="mt-2 text-sm">
              {dropped.map((m) => (
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
