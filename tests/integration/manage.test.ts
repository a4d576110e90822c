// Instructor editing against real PostgreSQL: public reads (through the course
// cache) show an edit at once; speakers are reused across entries; local times are
// read in the course's zone; the roster CSV import is all or nothing with
// line-numbered errors; seats and the waitlist follow role changes and drops.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/server/people/session", () => ({ currentViewer: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import { revalidatePath } from "next/cache";
import { currentViewer } from "@/lib/server/people/session";
import type { Db } from "@/lib/server/platform/db";
import { getCourseAnnouncements } from "@/lib/server/course/announcements";
import { getCourseSchedule, getCourseSpeakers } from "@/lib/server/course/schedule";
import { getCourseHome } from "@/lib/server/course/courses";
import { saveAnnouncement } from "@/lib/server/course/manage/announcements";
import { saveScheduleEntry } from "@/lib/server/course/manage/schedule";
import { saveAssignment } from "@/lib/server/course/manage/assignments";
import {
  addMember,
  applyRosterImport,
  changeMemberRole,
  dropMember,
  getRoster,
  previewRosterImport,
} from "@/lib/server/people/roster";
import { getEnrolment } from "@/lib/server/people/enrolment";
import { replaceCourseLinks } from "@/lib/server/course/manage/course";
import { parseRosterCsv } from "@/lib/validation/roster";
import { scheduleEntrySchema } from "@/lib/validation/schedule";
import { assignmentSchema } from "@/lib/validation/assignment";
import { courseLinksSchema } from "@/lib/validation/course";
import { addMemberAction, saveCourseLinksAction, saveScheduleEntryAction } from "@/app/courses/[slug]/manage/actions";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { buildFixture, databaseDigest, type Fixture } from "./support/personas";

let t: TestDatabase;
let f: Fixture;
const now = new Date("2025-10-20T16:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  (globalThis as { lecternDb?: Db }).lecternDb = t.db;
  delete process.env.LECTERN_CACHE; // the real read-through cache (in memory here)
  f = await buildFixture(t.db, "manage");
});
afterAll(async () => {
  await t.drop();
});

const as = (persona: keyof Fixture["viewers"]) => ({ db: t.db, slug: f.alpha.slug, viewer: f.viewers[persona] });

describe("edits show on the public pages at once", () => {
  it("a new announcement and a new lecture appear in the cached public reads right after the save", async () => {
    // Warm the cache first, as a visitor would.
    const before = await getCourseAnnouncements({ ...as("anonymous"), now });
    await getCourseSchedule(as("anonymous"));
    await saveAnnouncement({
      ...as("instructor"),
      now,
      input: { title: "Room change", body: "We meet in **BA 1170**.", pinned: true, publishAt: null },
    });
    const after = await getCourseAnnouncements({ ...as("anonymous"), now });
    expect(after.announcements.length).toBe(before.announcements.length + 1);
    expect(after.announcements[0]).toMatchObject({ title: "Room change", pinned: true, author: "instructor" });

    const input = scheduleEntrySchema.parse({
      date: "2025-10-22",
      kind: "LECTURE",
      title: "Serving at scale",
      readings: "PagedAttention | https://arxiv.org/abs/2309.06180",
      newSpeakerName: "Grace Guest",
      newSpeakerAffiliation: "Example Labs",
    });
    await saveScheduleEntry({ ...as("instructor"), input });
    const schedule = await getCourseSchedule(as("anonymous"));
    const entries = schedule.weeks
      .flatMap((w) => w.items)
      .filter((i): i is Extract<typeof i, { type: "entry" }> => (i as { type?: string }).type === "entry");
    const lecture = entries
      .map(
        (i) =>
          (
            i as unknown as {
              entry: { title: string; speakers: { name: string }[]; readings: { title: string; url: string | null }[] };
            }
          ).entry,
      )
      .find((e) => e.title === "Serving at scale");
    expect(lecture?.speakers.map((s) => s.name)).toEqual(["Grace Guest"]);
    expect(lecture?.readings).toEqual([{ title: "PagedAttention", url: "https://arxiv.org/abs/2309.06180" }]);
    const audit = await t.db.auditEvent.findFirst({
      where: { courseId: f.alpha.id, action: "schedule.create" },
      orderBy: { id: "desc" },
    });
    expect(audit?.after).toMatchObject({ title: "Serving at scale", speakers: ["Grace Guest"] });
  });

  it("links saved through the action show on the course home, and the public paths are revalidated", async () => {
    await getCourseHome({ ...as("anonymous"), now });
    vi.mocked(currentViewer).mockResolvedValue(f.viewers.instructor);
    const state = await saveCourseLinksAction(null, {
      courseSlug: f.alpha.slug,
      linkLabel: ["Syllabus", ""],
      linkUrl: ["https://example.org/syllabus", ""],
    });
    expect(state).toMatchObject({ ok: true });
    const home = await getCourseHome({ ...as("anonymous"), now });
    expect(home.course.links).toEqual([{ label: "Syllabus", url: "https://example.org/syllabus" }]);
    const paths = vi.mocked(revalidatePath).mock.calls.map((c) => c[0]);
    expect(paths).toEqual(
      expect.arrayContaining([
        `/courses/${f.alpha.slug}`,
        `/courses/${f.alpha.slug}/schedule`,
        `/courses/${f.alpha.slug}/announcements`,
      ]),
    );
  });
});

describe("schedule and assignments", () => {
  it("a speaker created once is reused by name and can be picked for later entries", async () => {
    const first = scheduleEntrySchema.parse({
      date: "2025-11-05",
      kind: "LECTURE",
      title: "Part 1",
      newSpeakerName: "Reused Speaker",
    });
    await saveScheduleEntry({ ...as("instructor"), input: first });
    const again = scheduleEntrySchema.parse({
      date: "2025-11-12",
      kind: "LECTURE",
      title: "Part 2",
      newSpeakerName: "Reused Speaker",
      newSpeakerUrl: "https://example.org/rs",
    });
    await saveScheduleEntry({ ...as("instructor"), input: again });
    const speaker = await t.db.speaker.findMany({
      where: { courseId: f.alpha.id, name: "Reused Speaker" },
      include: { entries: true },
    });
    expect(speaker).toHaveLength(1);
    expect(speaker[0]!.entries).toHaveLength(2);
    expect(speaker[0]!.url).toBe("https://example.org/rs"); // blanks filled in, nothing overwritten
    const third = scheduleEntrySchema.parse({
      date: "2025-11-19",
      kind: "LECTURE",
      title: "Part 3",
      speakerIds: speaker[0]!.id,
    });
    await saveScheduleEntry({ ...as("instructor"), input: third });
    const listed = await getCourseSpeakers(as("anonymous"));
    expect(JSON.stringify(listed)).toContain("Reused Speaker");
  });

  it("refuses a speaker id from another course", async () => {
    const foreign = await t.db.speaker.create({ data: { courseId: f.beta.id, name: "Beta Speaker" } });
    const input = scheduleEntrySchema.parse({
      date: "2025-11-26",
      kind: "LECTURE",
      title: "Sneaky",
      speakerIds: foreign.id,
    });
    const before = await databaseDigest(t.db);
    await expect(saveScheduleEntry({ ...as("instructor"), input })).rejects.toMatchObject({ status: 422 });
    expect(await databaseDigest(t.db)).toBe(before);
  });

  it("field errors come back per field, readings by line", async () => {
    vi.mocked(currentViewer).mockResolvedValue(f.viewers.instructor);
    const state = await saveScheduleEntryAction(null, {
      courseSlug: f.alpha.slug,
      date: "2025-02-30",
      kind: "LECTURE",
      title: "",
      readings: "Fine | https://example.org\n| https://example.org/x\nBad | javascript:alert(1)",
      startTime: "10:00",
    });
    expect(state).toMatchObject({ ok: false, status: 422 });
    const errors = state && !state.ok ? state.fieldErrors! : {};
    expect(errors.date).toBeDefined();
    expect(errors.title).toBeDefined();
    expect(errors.readings).toEqual([
      "Line 2: a reading needs a title before the |",
      "Line 3: the link must be a full web address starting with https://",
    ]);
    // Cross-field checks run once the fields themselves are valid.
    const times = await saveScheduleEntryAction(null, {
      courseSlug: f.alpha.slug,
      date: "2025-10-01",
      kind: "LECTURE",
      title: "Times",
      startTime: "10:00",
    });
    expect(times).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { endTime: ["Give both a start and an end time, or neither"] },
    });
  });

  it("links must be http(s): no javascript: URLs reach a public href", () => {
    const r = courseLinksSchema.safeParse({ linkLabel: ["x"], linkUrl: ["javascript:alert(1)"] });
    expect(r.success).toBe(false);
  });

  it("due dates are read in the course's zone (America/Toronto), across the DST change", async () => {
    const { id } = await saveAssignment({
      ...as("instructor"),
      input: assignmentSchema.parse({
        code: "A9",
        title: "DST",
        kind: "HOMEWORK",
        points: "10",
        releasedAt: "2025-10-20T09:00",
        dueAt: "2025-11-03T23:59",
      }),
    });
    const a = await t.db.assignment.findUniqueOrThrow({ where: { id } });
    expect(a.releasedAt?.toISOString()).toBe("2025-10-20T13:00:00.000Z"); // EDT
    expect(a.dueAt?.toISOString()).toBe("2025-11-04T04:59:00.000Z"); // EST
  });
});

describe("roster CSV", () => {
  it("parses with the file's own line numbers and names every problem", () => {
    const csv =
      'Name,Email,Role\nAda,ada@x.example,student\nBad,not-an-email,student\nCy,cy@x.example,professor\nAda again,ADA@x.example,ta\n\n"Multi\nline",dee@x.example,auditor\nEve,eve@x.example,\n';
    const { rows, errors } = parseRosterCsv(csv);
    expect(errors).toEqual([
      { line: 3, message: '"not-an-email" is not an email address' },
      { line: 4, message: 'unknown role "professor" (use student, auditor, ta or instructor)' },
      { line: 5, message: "ada@x.example is already on line 2" },
    ]);
    expect(rows.map((r) => [r.line, r.email, r.role])).toEqual([
      [2, "ada@x.example", "STUDENT"],
      [7, "dee@x.example", "AUDITOR"],
      [9, "eve@x.example", "STUDENT"],
    ]);
  });

  it("imports nothing when any line has an error, everything when none has", async () => {
    const before = await databaseDigest(t.db);
    const bad = "email,name,role\nnew1@x.example,New One,student\nnew2@x.example,,student\n";
    const preview = await previewRosterImport({ ...as("instructor"), csv: bad });
    expect(preview.errors).toEqual([{ line: 3, email: "new2@x.example", message: "a new person needs a name" }]);
    await expect(applyRosterImport({ ...as("instructor"), csv: bad })).rejects.toMatchObject({
      status: 422,
      fieldErrors: { csv: ["Line 3: a new person needs a name"] },
    });
    expect(await databaseDigest(t.db)).toBe(before);

    const good = `email,name,role\nnew1@x.example,New One,student\nnew2@x.example,New Two,auditor\n${"auditor-manage1@test.example"},,student\n`;
    const ok = await previewRosterImport({ ...as("instructor"), csv: good });
    expect(ok.errors).toEqual([]);
    expect(ok.rows.map((r) => r.action)).toEqual(["add", "add", "role"]);
    const { applied } = await applyRosterImport({ ...as("instructor"), csv: good });
    expect(applied).toBe(3);
    const roster = await getRoster(as("ta"));
    expect(roster.members.find((m) => m.email === "new2@x.example")?.role).toBe("AUDITOR");
    expect(
      await t.db.auditEvent.count({
        where: { courseId: f.alpha.id, action: { in: ["membership.add", "membership.role"] } },
      }),
    ).toBeGreaterThanOrEqual(3);
  });

  it("will not let an instructor change their own membership or remove the last instructor", async () => {
    const me = f.viewers.instructor!;
    const p = await previewRosterImport({
      ...as("instructor"),
      csv: `email,role\n${"instructor-manage1@test.example"},student`,
    });
    expect(me.userId).toBeTruthy();
    expect(p.errors[0]?.message).toBe("you cannot change your own membership");
    const mine = await t.db.membership.findFirstOrThrow({ where: { courseId: f.alpha.id, userId: me.userId } });
    await expect(dropMember({ ...as("instructor"), membershipId: mine.id })).rejects.toMatchObject({ status: 409 });
    await expect(changeMemberRole({ ...as("instructor"), membershipId: mine.id, role: "TA" })).rejects.toMatchObject({
      status: 409,
    });
  });
});

describe("seats", () => {
  it("auditors take no seat; a student turned auditor, or dropped, frees a seat for the first person waiting", async () => {
    const c = await t.db.course.create({
      data: {
        slug: "seats-manage",
        code: "S",
        title: "Seats",
        term: "T",
        institution: "I",
        timeZone: "UTC",
        capacity: 1,
      },
    });
    await t.db.membership.create({ data: { courseId: c.id, userId: f.users.instructor, role: "INSTRUCTOR" } });
    const i = { db: t.db, slug: "seats-manage", viewer: f.viewers.instructor };
    await addMember({ ...i, input: { email: "s1@seats.example", name: "S1", role: "STUDENT" } });
    await addMember({ ...i, input: { email: "a1@seats.example", name: "A1", role: "AUDITOR" } });
    const waiting = await Promise.all(
      ["w1", "w2"].map(async (k, n) => {
        const u = await t.db.user.create({ data: { email: `${k}@seats.example`, name: k } });
        return t.db.membership.create({
          data: { courseId: c.id, userId: u.id, role: "STUDENT", status: "WAITLISTED", waitlistPosition: n + 1 },
        });
      }),
    );
    expect((await getEnrolment({ db: t.db, slug: "seats-manage", viewer: null })).enrolled).toBe(1);
    const roster = await getRoster(i);
    const s1 = roster.members.find((m) => m.email === "s1@seats.example")!;
    const result = await changeMemberRole({ ...i, membershipId: s1.membershipId, role: "AUDITOR" });
    expect(result.message).toContain("1 promoted");
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: waiting[0]!.id } })).status).toBe("ENROLLED");
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: waiting[1]!.id } })).status).toBe("WAITLISTED");
    // An instructor's add enrols even when full (their call), and says so.
    const over = await addMember({ ...i, input: { email: "s2@seats.example", name: "S2", role: "STUDENT" } });
    expect(over.message).toContain("over capacity: 2 of 1");
    vi.mocked(currentViewer).mockResolvedValue(f.viewers.instructor);
    const state = await addMemberAction(null, {
      courseSlug: "seats-manage",
      email: "nobody-new@seats.example",
      name: "",
      role: "STUDENT",
    });
    expect(state).toMatchObject({ ok: false, status: 422, fieldErrors: { name: ["A new person needs a name"] } });
  });
});

describe("a student calling staff entry points", () => {
  it("gets 403 from every manage action and nothing changes", async () => {
    vi.mocked(currentViewer).mockResolvedValue(f.viewers.student);
    const before = await databaseDigest(t.db);
    const links = await saveCourseLinksAction(null, {
      courseSlug: f.alpha.slug,
      linkLabel: "Phish",
      linkUrl: "https://evil.example",
    });
    const member = await addMemberAction(null, {
      courseSlug: f.alpha.slug,
      email: "friend@x.example",
      name: "Friend",
      role: "INSTRUCTOR",
    });
    const entry = await saveScheduleEntryAction(null, {
      courseSlug: f.alpha.slug,
      date: "2025-10-01",
      kind: "NO_CLASS",
      title: "Cancelled",
    });
    for (const state of [links, member, entry]) expect(state).toMatchObject({ ok: false, status: 403 });
    await expect(replaceCourseLinks({ ...as("student"), input: { links: [] } })).rejects.toMatchObject({ status: 403 });
    expect(await databaseDigest(t.db)).toBe(before);
  });
});
