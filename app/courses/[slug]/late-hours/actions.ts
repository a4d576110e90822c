"use server";
// Staff late-hour actions: extensions (course-wide with its announcement, per
// student, from a CSV), revokes and manual adjustments. Each goes through
// courseAction (zod → field errors, then the permission), then the data layer,
// which writes, recomputes the ledgers and audits in one transaction.
import { courseAction } from "@/lib/server/platform/action";
import { serverNow } from "@/lib/server/platform/clock";
import { adjustLedger } from "@/lib/server/deadlines/ledger";
import {
  applyExtensionCsv,
  grantCourseExtension,
  grantStudentExtensions,
  previewExtensionCsv,
  revokeExtension,
  type ExtensionOutcome,
} from "@/lib/server/deadlines/extensions";
import type { ExtensionCsvResult } from "@/lib/domain/extension-csv";
import { formatInZone, localToInstant } from "@/lib/domain/time";
import {
  courseExtensionSchema,
  extensionCsvSchema,
  ledgerAdjustmentSchema,
  revokeExtensionSchema,
  studentExtensionSchema,
} from "@/lib/validation/deadlines";

function paths(slug: string): string[] {
  const base = `/courses/${slug}`;
  return [
    base,
    `${base}/assignments`,
    `${base}/announcements`,
    `${base}/me`,
    `${base}/late-hours`,
    `${base}/late-hours/extensions`,
  ];
}

function ledgerSummary(o: ExtensionOutcome): string {
  if (o.corrections === 0) return "No ledger needed correcting.";
  const parts = [`${o.corrections} ledger ${o.corrections === 1 ? "entry" : "entries"} appended`];
  if (o.hoursRefunded) parts.push(`${o.hoursRefunded} h refunded`);
  if (o.hoursCharged) parts.push(`${o.hoursCharged} h charged`);
  return `${parts.join(", ")}.`;
}

export const grantCourseExtensionAction = courseAction({
  permission: "extensions.grant",
  schema: courseExtensionSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const dueAt = localToInstant({ date: input.dueDate, time: input.dueTime, timeZone: ctx.course.timeZone });
    const announcement = input.postAnnouncement
      ? { title: input.announcementTitle!, body: input.announcementBody! }
      : null;
    const out = await grantCourseExtension({
      db,
      viewer,
      slug: ctx.course.slug,
      assignmentId: input.assignmentId,
      dueAt,
      reason: input.reason,
      announcement,
      now: serverNow(),
    });
    return {
      message: `Extended to ${formatInZone({ at: dueAt, timeZone: ctx.course.timeZone })}${announcement ? " and announced" : ""}. ${ledgerSummary(out)}`,
    };
  },
  revalidate: ({ ctx }) => paths(ctx.course.slug),
});

export const grantStudentExtensionsAction = courseAction({
  permission: "extensions.grant",
  schema: studentExtensionSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const dueAt = localToInstant({ date: input.dueDate, time: input.dueTime, timeZone: ctx.course.timeZone });
    const out = await grantStudentExtensions({
      db,
      viewer,
      slug: ctx.course.slug,
      assignmentId: input.assignmentId,
      studentIds: input.studentIds,
      dueAt,
      reason: input.reason,
    });
    const n = out.extensionIds.length;
    return {
      message: `${n} ${n === 1 ? "student" : "students"} extended to ${formatInZone({ at: dueAt, timeZone: ctx.course.timeZone })}. ${ledgerSummary(out)}`,
    };
  },
  revalidate: ({ ctx }) => paths(ctx.course.slug),
});

export type CsvActionData = { preview: ExtensionCsvResult; applied: boolean };

export const previewExtensionCsvAction = courseAction<typeof extensionCsvSchema, CsvActionData>({
  permission: "extensions.grant",
  schema: extensionCsvSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const preview = await previewExtensionCsv({ db, viewer, slug: ctx.course.slug, csv: input.csv });
    return { data: { preview, applied: false } };
  },
});

export const applyExtensionCsvAction = courseAction<typeof extensionCsvSchema, CsvActionData>({
  permission: "extensions.grant",
  schema: extensionCsvSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const { preview, outcome } = await applyExtensionCsv({ db, viewer, slug: ctx.course.slug, csv: input.csv });
    if (!outcome) return { data: { preview, applied: false } };
    return {
      message: `${outcome.extensionIds.length} extensions applied. ${ledgerSummary(outcome)}`,
      data: { preview, applied: true },
    };
  },
  revalidate: ({ ctx }) => paths(ctx.course.slug),
});

export const revokeExtensionAction = courseAction({
  permission: "extensions.grant",
  schema: revokeExtensionSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const out = await revokeExtension({
      db,
      viewer,
      slug: ctx.course.slug,
      extensionId: input.extensionId,
      reason: input.reason,
    });
    return { message: `Extension revoked. ${ledgerSummary(out)}` };
  },
  revalidate: ({ ctx }) => paths(ctx.course.slug),
});

export const adjustLedgerAction = courseAction({
  permission: "ledger.adjust",
  schema: ledgerAdjustmentSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const hours = input.direction === "give_back" ? -input.hours : input.hours;
    const out = await adjustLedger({
      db,
      viewer,
      slug: ctx.course.slug,
      studentId: input.studentId,
      hours,
      reason: input.reason,
    });
    const left = out.balance.balance;
    return {
      message: `${input.direction === "give_back" ? `${input.hours} h given back` : `${input.hours} h charged`}.${left === null ? "" : ` Balance now ${left} h.`}`,
    };
  },
  revalidate: ({ ctx, input }) => [
    `/courses/${ctx.course.slug}/late-hours`,
    `/courses/${ctx.course.slug}/late-hours/students/${input.studentId}`,
    `/courses/${ctx.course.slug}/me`,
  ],
});
