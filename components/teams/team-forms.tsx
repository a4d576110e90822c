"use client";
import { useActionState, useState } from "react";
import {
  addTeamMemberAction,
  applyTeamImportAction,
  createTeamAction,
  deleteTeamAction,
  grantTeamExtensionAction,
  previewTeamImportAction,
  removeTeamMemberAction,
  revokeTeamExtensionAction,
  saveTeamGradeAction,
  saveTeamSetAction,
  setAssignmentTeamSetAction,
} from "@/app/courses/[slug]/teams/actions";
import { createOwnTeamAction, joinTeamAction, leaveTeamAction } from "@/app/courses/[slug]/my-team/actions";
import { ActionForm } from "@/components/teams/action-form";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/server/platform/action";
import type { TeamImportPreview } from "@/lib/server/people/teams/team-csv";
import { DUE_WORDS, LATENESS_WORDS } from "@/components/teams/team-words";

type SetDefaults = {
  id: string;
  name: string;
  minSize: number;
  maxSize: number | null;
  selfFormation: boolean;
  locksLocal: string;
  latenessPolicy: keyof typeof LATENESS_WORDS;
  duePolicy: keyof typeof DUE_WORDS;
};

export function TeamSetForm({ slug, set }: { slug: string; set?: SetDefaults }) {
  const p = `ts-${set?.id ?? "new"}`;
  return (
    <ActionForm
      action={saveTeamSetAction}
      slug={slug}
      hidden={set ? { teamSetId: set.id } : {}}
      label={set ? `Settings of ${set.name}` : "New team set"}
      submit={set ? "Save settings" : "Create team set"}
    >
      {(state) => (
        <div className="grid gap-2 sm:grid-cols-2">
          <Field
            idPrefix={p}
            name="name"
            label="Name"
            defaultValue={set?.name ?? "Project teams"}
            required
            state={state}
          />
          <div className="grid grid-cols-2 gap-2">
            <Field
              idPrefix={p}
              name="minSize"
              label="Smallest team"
              type="number"
              min={1}
              defaultValue={set?.minSize ?? 2}
              required
              state={state}
            />
            <Field
              idPrefix={p}
              name="maxSize"
              label="Largest team"
              type="number"
              min={1}
              defaultValue={set?.maxSize ?? ""}
              hint="Blank: no limit"
              state={state}
            />
          </div>
          <Field
            idPrefix={p}
            as="select"
            name="latenessPolicy"
            label="A late team submission"
            defaultValue={set?.latenessPolicy ?? "CHARGE_EACH"}
            state={state}
          >
            {Object.entries(LATENESS_WORDS).map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </Field>
          <Field
            idPrefix={p}
            as="select"
            name="duePolicy"
            label="The team's deadline"
            defaultValue={set?.duePolicy ?? "LATEST_OF_MEMBERS"}
            state={state}
          >
            {Object.entries(DUE_WORDS).map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="selfFormation" defaultChecked={set?.selfFormation ?? false} /> Students form
            their own teams
          </label>
          <Field
            idPrefix={p}
            name="formationLocksAt"
            label="Teams lock at (course time)"
            type="datetime-local"
            defaultValue={set?.locksLocal ?? ""}
            hint="Blank: never locks"
            state={state}
          />
        </div>
      )}
    </ActionForm>
  );
}

export function LinkAssignmentForm({
  slug,
  assignments,
  sets,
}: {
  slug: string;
  assignments: { id: string; code: string; title: string; teamSetId: string | null }[];
  sets: { id: string; name: string }[];
}) {
  return (
    <ActionForm
      action={setAssignmentTeamSetAction}
      slug={slug}
      label="Team assignment"
      submit="Save"
      className="flex flex-wrap items-end gap-2"
    >
      {(state) => (
        <>
          <Field idPrefix="link" as="select" name="assignmentId" label="Assignment" state={state}>
            {assignments.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} · {a.title}
              </option>
            ))}
          </Field>
          <Field idPrefix="link" as="select" name="teamSetId" label="Handed in by" state={state}>
            <option value="">Each student</option>
            {sets.map((s) => (
              <option key={s.id} value={s.id}>
                The teams of {s.name}
              </option>
            ))}
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function CreateTeamForm({ slug, teamSetId, own = false }: { slug: string; teamSetId: string; own?: boolean }) {
  return (
    <ActionForm
      action={own ? createOwnTeamAction : createTeamAction}
      slug={slug}
      hidden={{ teamSetId }}
      label={own ? "Start a team" : "New team"}
      submit={own ? "Start a team" : "Add team"}
      className="flex flex-wrap items-end gap-2"
    >
      {(state) => <Field idPrefix={`ct-${teamSetId}`} name="name" label="Team name" required state={state} />}
    </ActionForm>
  );
}

export function AddMemberForm({
  slug,
  teamId,
  teamName,
  candidates,
}: {
  slug: string;
  teamId: string;
  teamName: string;
  candidates: { userId: string; name: string; email: string }[];
}) {
  if (candidates.length === 0) return null;
  return (
    <ActionForm
      action={addTeamMemberAction}
      slug={slug}
      hidden={{ teamId }}
      label={`Add to ${teamName}`}
      submit="Add"
      className="flex flex-wrap items-end gap-2"
    >
      {(state) => (
        <Field idPrefix={`am-${teamId}`} as="select" name="userId" label={`Add a student to ${teamName}`} state={state}>
          {candidates.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.name} ({c.email})
            </option>
          ))}
        </Field>
      )}
    </ActionForm>
  );
}

/** A one-button form (remove, delete, join, leave). */
function ButtonForm({
  action,
  slug,
  hidden,
  label,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  slug: string;
  hidden: Record<string, string>;
  label: string;
}) {
  const verb = label.split(" ")[0]!;
  return (
    <ActionForm
      action={action}
      slug={slug}
      hidden={hidden}
      label={label}
      submit={verb}
      submitLabel={label}
      quiet
      className="inline-block space-y-1"
    />
  );
}

export const RemoveMemberButton = ({
  slug,
  teamId,
  userId,
  name,
}: {
  slug: string;
  teamId: string;
  userId: string;
  name: string;
}) => <ButtonForm action={removeTeamMemberAction} slug={slug} hidden={{ teamId, userId }} label={`Remove ${name}`} />;
export const DeleteTeamButton = ({ slug, teamId, name }: { slug: string; teamId: string; name: string }) => (
  <ButtonForm action={deleteTeamAction} slug={slug} hidden={{ teamId }} label={`Delete ${name}`} />
);
export const JoinTeamButton = ({ slug, teamId, name }: { slug: string; teamId: string; name: string }) => (
  <ButtonForm action={joinTeamAction} slug={slug} hidden={{ teamId }} label={`Join ${name}`} />
);
export const LeaveTeamButton = ({ slug, teamId, name }: { slug: string; teamId: string; name: string }) => (
  <ButtonForm action={leaveTeamAction} slug={slug} hidden={{ teamId }} label={`Leave ${name}`} />
);

/** Paste or choose a CSV, see every line's effect and error, then import all of it or nothing. */
export function TeamImportForm({ slug, teamSetId }: { slug: string; teamSetId: string }) {
  const [csv, setCsv] = useState("");
  const [preview, previewAction] = useActionState(previewTeamImportAction, null as ActionState<TeamImportPreview>);
  const [applied, applyAction] = useActionState(applyTeamImportAction, null as ActionState);
  const p = `imp-${teamSetId}`;
  const plan = preview?.ok ? preview.data : undefined;
  return (
    <div className="space-y-2">
      <form action={previewAction} aria-label="Preview team import" className="space-y-2">
        <input type="hidden" name="courseSlug" value={slug} />
        <input type="hidden" name="teamSetId" value={teamSetId} />
        <label htmlFor={`${p}-file`} className="block text-sm font-medium">
          CSV file (team,email)
        </label>
        <input
          id={`${p}-file`}
          type="file"
          accept=".csv,text/csv"
          className="text-sm"
          onChange={async (e) => setCsv((await e.currentTarget.files?.[0]?.text()) ?? "")}
        />
        <Field
          idPrefix={p}
          as="textarea"
          name="csv"
          label="or paste it"
          rows={5}
          value={csv}
          onChange={(e) => setCsv(e.currentTarget.value)}
          state={preview}
        />
        <SubmitButton pendingText="Reading…">Preview import</SubmitButton>
        <FormMessage state={preview && !preview.ok ? preview : null} />
      </form>
      {plan && (
        <div className="space-y-2" aria-live="polite">
          {plan.errors.length > 0 ? (
            <div
              role="alert"
              className="rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
            >
              <p className="font-medium">Nothing will be imported until these lines are fixed:</p>
              <ul className="list-disc pl-5">
                {plan.errors.map((e) => (
                  <li key={`${e.line}-${e.message}`}>
                    Line {e.line}: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm">
              {plan.lines.length} students; new teams: {plan.newTeams.length > 0 ? plan.newTeams.join(", ") : "none"}.
            </p>
          )}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">What the import does, line by line</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Student</th>
                  <th scope="col">Team</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {plan.lines.map((l) => (
                  <tr key={l.line}>
                    <td>{l.line}</td>
                    <td>
                      {l.name} <span className="text-slate-500">{l.email}</span>
                    </td>
                    <td>{l.team}</td>
                    <td>
                      {l.change === "move" ? `moves from ${l.from}` : l.change === "stay" ? "already there" : "joins"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.errors.length === 0 && (
            <form action={applyAction} aria-label="Import teams">
              <input type="hidden" name="courseSlug" value={slug} />
              <input type="hidden" name="teamSetId" value={teamSetId} />
              <input type="hidden" name="csv" value={csv} />
              <SubmitButton pendingText="Importing…">Import {plan.lines.length} students</SubmitButton>
            </form>
          )}
          <FormMessage state={applied} />
        </div>
      )}
    </div>
  );
}

export function TeamExtensionForm({
  slug,
  teamId,
  assignmentId,
  label,
}: {
  slug: string;
  teamId: string;
  assignmentId: string;
  label: string;
}) {
  return (
    <ActionForm
      action={grantTeamExtensionAction}
      slug={slug}
      hidden={{ teamId, assignmentId }}
      label={`Extend ${label}`}
      submit="Extend for the team"
    >
      {(state) => (
        <>
          <Field
            idPrefix={`tx-${teamId}-${assignmentId}`}
            name="due"
            label="New deadline (course time)"
            type="datetime-local"
            required
            state={state}
          />
          <Field idPrefix={`tx-${teamId}-${assignmentId}`} name="reason" label="Reason" required state={state} />
        </>
      )}
    </ActionForm>
  );
}

/** Ends a team extension: the team's deadline falls back and its members' charges are recomputed. */
export function RevokeTeamExtensionForm({
  slug,
  extensionId,
  label,
}: {
  slug: string;
  extensionId: string;
  label: string;
}) {
  return (
    <ActionForm
      action={revokeTeamExtensionAction}
      slug={slug}
      hidden={{ extensionId }}
      label={`Revoke ${label}`}
      submit="Revoke"
      submitLabel={`Revoke ${label}`}
      quiet
      className="flex flex-wrap items-end gap-2"
    >
      {(state) => (
        <Field idPrefix={`rtx-${extensionId}`} name="reason" label="Reason for revoking" required state={state} />
      )}
    </ActionForm>
  );
}

export function TeamGradeForm({
  slug,
  teamId,
  assignmentId,
  label,
  members,
  grade,
}: {
  slug: string;
  teamId: string;
  assignmentId: string;
  label: string;
  members: { userId: string; name: string }[];
  grade: { score: number | null; feedback: string; version: number; overrides: Record<string, number> } | null;
}) {
  const p = `tg-${teamId}-${assignmentId}`;
  return (
    <ActionForm
      action={saveTeamGradeAction}
      slug={slug}
      hidden={{ teamId, assignmentId, version: grade ? String(grade.version) : "" }}
      label={`Grade ${label}`}
      submit="Save team grade"
    >
      {(state) => (
        <>
          <Field
            idPrefix={p}
            name="score"
            label="Team score"
            inputMode="decimal"
            defaultValue={grade?.score ?? ""}
            state={state}
          />
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">Per-member overrides (blank: the team&apos;s score)</legend>
            {members.map((m) => (
              <Field
                key={m.userId}
                idPrefix={p}
                name={`override:${m.userId}`}
                label={m.name}
                inputMode="decimal"
                defaultValue={grade?.overrides[m.userId] ?? ""}
                state={state}
              />
            ))}
          </fieldset>
          <Field
            idPrefix={p}
            as="textarea"
            name="feedback"
            label="Feedback"
            rows={2}
            defaultValue={grade?.feedback ?? ""}
            state={state}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="extraCredit" /> Above the points is extra credit
          </label>
        </>
      )}
    </ActionForm>
  );
}
