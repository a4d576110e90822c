// Course as a file, against real PostgreSQL: export → import into an empty
// database → export again gives the same file, for every demo course; the file
// carries no student data; an update keeps grades and announcement ids; a bad
// file changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { Viewer } from "@/lib/server/authorization/authz";
import { seedDatabase } from "@/lib/server/platform/seed";
import {
  applyCourseImport,
  courseFileOf,
  courseFileYaml,
  exportCourse,
  operatorTarget,
  parseCourseFile,
  parseInstant,
  previewCourseImport,
  writeCourseFile,
} from "@/lib/server/course/manage/course-file";
import { courseSeeds } from "@/prisma/seed-data";
import { staffEmail } from "@/prisma/seed-data/demo-accounts";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { databaseDigest } from "./support/personas";

let source: TestDatabase;
let empty: TestDatabase;
const files = new Map<string, string>();

async function viewerOf(db: TestDatabase["db"], email: string): Promise<Viewer> {
  const u = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true } });
  return { userId: u.id, email: u.email, name: u.name };
}

beforeAll(async () => {
  [source, empty] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  process.env.LECTERN_CACHE = "off";
  await seedDatabase({ db: source.db });
  for (const course of courseSeeds) {
    const instructor = await viewerOf(source.db, staffEmail(course.slug, "instructor"));
    files.set(course.slug, (await exportCourse({ db: source.db, viewer: instructor, slug: course.slug })).yaml);
  }
}, 300_000);
afterAll(async () => {
  await Promise.all([source.drop(), empty.drop()]);
});

describe("round trip", () => {
  it.each(courseSeeds.map((c) => c.slug))(
    "%s: export → import into an empty database → export is the same file",
    async (slug) => {
      const yaml = files.get(slug)!;
      const parsed = parseCourseFile(yaml);
      if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
      await writeCourseFile({
        db: empty.db,
        file: parsed.file,
        target: await operatorTarget(empty.db, parsed.file),
        actor: null,
        rawYaml: yaml,
      });
      const course = await empty.db.course.findUniqueOrThrow({ where: { slug }, select: { id: true } });
      expect(courseFileYaml(await courseFileOf(empty.db, course.id))).toBe(yaml);
    },
  );

  it("the files hold the whole course: schedule with readings and speakers, announcements, assignments, scheme, late policy, course-wide extensions", () => {
    const csc490 = parse(files.get("csc490")!);
    expect(csc490.schedule.length).toBeGreaterThan(10);
    expect(csc490.schedule.some((e: { speakers?: string[] }) => e.speakers?.includes("Kelsey Hightower"))).toBe(true);
    expect(csc490.schedule.some((e: { readings?: unknown[] }) => (e.readings?.length ?? 0) > 0)).toBe(true);
    expect(csc490.announcements.some((a: { title: string }) => a.title.includes("A4, A5, A6 extensions"))).toBe(true);
    expect(csc490.extensions.length).toBeGreaterThan(0);
    const brown = parse(files.get("csci1390")!);
    expect(brown.latePolicy).toMatchObject({ kind: "BUDGET", budgetHours: 144 });
    expect(brown.grading.categories.length).toBeGreaterThan(1);
    expect(brown.course.capacity).toBe(56);
  });

  it("carries no student data: no student, auditor or waitlisted person, no grades, submissions or ledgers", async () => {
    for (const course of courseSeeds) {
      const yaml = files.get(course.slug)!;
      const learners = await source.db.membership.findMany({
        where: {
          course: { slug: course.slug },
          OR: [{ role: { in: ["STUDENT", "AUDITOR"] } }, { status: { not: "ENROLLED" } }],
        },
        select: { user: { select: { email: true, name: true } } },
      });
      expect(learners.length).toBeGreaterThan(0);
      for (const { user } of learners) {
        expect(yaml, `${course.slug} mentions ${user.email}`).not.toContain(user.email);
      }
      expect(yaml).not.toMatch(/\b(score|feedback|submittedAt|ledger|passwordHash|feedToken)\b/);
    }
  });
});

describe("import through the app", () => {
  it("an instructor of any course creates a new one (becoming its instructor), and a non-instructor may not", async () => {
    const instructor = await viewerOf(source.db, staffEmail("csc490", "instructor"));
    const yaml = files.get("info9023")!.replace("slug: info9023", "slug: info9023-next");
    const preview = await previewCourseImport({ db: source.db, viewer: instructor, yaml });
    expect(preview).toMatchObject({ mode: "create", slug: "info9023-next" });
    expect(preview.counts["schedule entries"]).toBeGreaterThan(5);
    const student = await viewerOf(source.db, "student1@csc490.demo");
    const before = await databaseDigest(source.db);
    await expect(applyCourseImport({ db: source.db, viewer: student, yaml })).rejects.toMatchObject({ status: 403 });
    await expect(applyCourseImport({ db: source.db, viewer: null, yaml })).rejects.toMatchObject({ status: 401 });
    expect(await databaseDigest(source.db)).toBe(before);
    expect(await applyCourseImport({ db: source.db, viewer: instructor, yaml })).toEqual({
      slug: "info9023-next",
      mode: "create",
    });
    const membership = await source.db.membership.findFirstOrThrow({
      where: { course: { slug: "info9023-next" }, userId: instructor.userId },
    });
    expect(membership.role).toBe("INSTRUCTOR");
  });

  it("an instructor of one course cannot update another course by naming its slug", async () => {
    const instructor = await viewerOf(source.db, staffEmail("csc490", "instructor"));
    const before = await databaseDigest(source.db);
    await expect(
      applyCourseImport({ db: source.db, viewer: instructor, yaml: files.get("nus-lgm")! }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      applyCourseImport({ db: source.db, viewer: instructor, yaml: files.get("csc490")!, targetSlug: "nus-lgm" }),
    ).rejects.toMatchObject({ status: 403 });
    expect(await databaseDigest(source.db)).toBe(before);
  });

  it("an update keeps students' grades and submissions (assignments matched by code) and announcement ids, and replaces the schedule", async () => {
    const instructor = await viewerOf(source.db, staffEmail("csci1390", "instructor"));
    const course = await source.db.course.findUniqueOrThrow({ where: { slug: "csci1390" }, select: { id: true } });
    const grades = await source.db.grade.count({ where: { courseId: course.id } });
    const submissions = await source.db.submission.count({ where: { courseId: course.id } });
    const announcementIds = (
      await source.db.announcement.findMany({
        where: { courseId: course.id },
        select: { id: true },
        orderBy: { id: "asc" },
      })
    ).map((a) => a.id);
    expect(grades).toBeGreaterThan(0);
    const edited = files
      .get("csci1390")!
      .replace("title: Introduction to the Course", "title: Welcome to Systems for ML")
      .replace("capacity: 56", "capacity: 60");
    const preview = await previewCourseImport({
      db: source.db,
      viewer: instructor,
      yaml: edited,
      targetSlug: "csci1390",
    });
    expect(preview.mode).toBe("update");
    await applyCourseImport({ db: source.db, viewer: instructor, yaml: edited, targetSlug: "csci1390" });
    expect(await source.db.grade.count({ where: { courseId: course.id } })).toBe(grades);
    expect(await source.db.submission.count({ where: { courseId: course.id } })).toBe(submissions);
    expect(
      (
        await source.db.announcement.findMany({
          where: { courseId: course.id },
          select: { id: true },
          orderBy: { id: "asc" },
        })
      ).map((a) => a.id),
    ).toEqual(announcementIds);
    expect(
      await source.db.scheduleEntry.count({ where: { courseId: course.id, title: "Welcome to Systems for ML" } }),
    ).toBe(1);
    // The raised cap promoted four people from the waitlist, in order, in the same transaction.
    expect(
      await source.db.membership.count({ where: { courseId: course.id, role: "STUDENT", status: "ENROLLED" } }),
    ).toBe(60);
    expect(await source.db.auditEvent.count({ where: { courseId: course.id, action: "course.import" } })).toBe(1);
    // And the course exports as the edited file.
    expect(courseFileYaml(await courseFileOf(source.db, course.id))).toBe(edited);
  });

  it("a file with errors is refused with each problem located, and nothing changes", async () => {
    const instructor = await viewerOf(source.db, staffEmail("csc490", "instructor"));
    const before = await databaseDigest(source.db);
    const bad = files
      .get("csc490")!
      .replace(/date: "2025-09-03"/, 'date: "2025-02-30"')
      .replace("speakers:\n      - Rob Hayes", "speakers:\n      - Nobody Known");
    const attempt = applyCourseImport({ db: source.db, viewer: instructor, yaml: bad, targetSlug: "csc490" });
    await expect(attempt).rejects.toMatchObject({ status: 422 });
    const errors: string[] = await attempt.then(
      () => [],
      (e: { fieldErrors: Record<string, string[]> }) => e.fieldErrors.yaml!,
    );
    expect(errors.some((e) => /^schedule\[0\]\.date:/.test(e))).toBe(true);
    expect(errors.some((e) => e.includes(`speaker "Nobody Known" is not in the speakers list`))).toBe(true);
    await expect(
      applyCourseImport({ db: source.db, viewer: instructor, yaml: "lectern: 1\ncourse: [", targetSlug: "csc490" }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      applyCourseImport({ db: source.db, viewer: instructor, yaml: "title: not a course file", targetSlug: "csc490" }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await databaseDigest(source.db)).toBe(before);
  });
});

// PyYAML and Ruby's Psych are YAML 1.1 readers; `yaml` with version "1.1" reads and writes the
// same 1.1 core types (base-60 numbers such as 18:00, timestamps, yes/no booleans).
describe("course files in YAML 1.1 tools (PyYAML, Ruby)", () => {
  const yaml11 = (text: string) => parse(text, { version: "1.1" });

  it.each(courseSeeds.map((c) => c.slug))(
    "%s: a YAML 1.1 reader reads every value as Lectern wrote it (times and dates are quoted)",
    (slug) => {
      const yaml = files.get(slug)!;
      expect(yaml11(yaml)).toEqual(parse(yaml));
      expect(yaml).not.toMatch(/(Time|date|At): \d/); // no unquoted time, date or instant anywhere
    },
  );

  it.each(courseSeeds.map((c) => c.slug))(
    "%s: the file a YAML 1.1 tool saves back imports as the same course",
    (slug) => {
      const yaml = files.get(slug)!;
      const savedBack = stringify(yaml11(yaml), { version: "1.1" });
      const again = parseCourseFile(savedBack);
      if (!again.ok) throw new Error(again.errors.join("\n"));
      expect(again.file).toEqual((parseCourseFile(yaml) as { file: unknown }).file);
    },
  );

  it("a time a YAML 1.1 tool turned into minutes is refused, naming the field and the time it was", () => {
    // A file written before times were quoted, opened and saved by a YAML 1.1 tool.
    const unquoted = files.get("csci1390")!.replace(/(startTime|endTime|start|end): "(\d\d:\d\d)"/g, "$1: $2");
    const savedBack = stringify(yaml11(unquoted), { version: "1.1" });
    expect(savedBack).toMatch(/startTime: 540\n/); // 09:00 read as 9 × 60
    const result = parseCourseFile(savedBack);
    expect(result.ok).toBe(false);
    const errors = (result as { errors: string[] }).errors;
    expect(errors).toContain(
      'sections[0].startTime: 540 is a number, not a time: a YAML 1.1 tool (PyYAML, Ruby) read the unquoted time 09:00 as 540. Write it in quotes: "09:00"',
    );
    expect(errors).toContain(
      'latePolicy.excludedWindow.end: 420 is a number, not a time: a YAML 1.1 tool (PyYAML, Ruby) read the unquoted time 07:00 as 420. Write it in quotes: "07:00"',
    );
  });

  it("timestamps as PyYAML (microseconds) and Ruby (nanoseconds, a spaced offset) write them are accepted", () => {
    const yaml = files.get("csci1390")!;
    const original = parse(yaml).announcements[0].publishedAt as string;
    expect(original).toBe("2025-01-21T12:00:00-05:00");
    for (const [written, expected] of [
      ["2025-01-21 12:00:00.123456-05:00", "2025-01-21T17:00:00.123Z"], // PyYAML: datetime with microseconds
      ["2025-01-21 12:00:00.123456789 -05:00", "2025-01-21T17:00:00.123Z"], // Ruby: Time#to_yaml
      ["2025-01-21 17:00:00.5Z", "2025-01-21T17:00:00.500Z"],
      ["2025-01-21t12:00:00-5", "2025-01-21T17:00:00.000Z"], // YAML 1.1: lowercase t, an hours-only offset
    ]) {
      const parsed = parseCourseFile(yaml.replace(`publishedAt: "${original}"`, `publishedAt: ${written}`));
      if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
      expect(parseInstant(parsed.file.announcements[0]!.publishedAt, "America/New_York").toISOString()).toBe(expected);
    }
    // A file with a %YAML 1.1 directive is read as 1.1: the timestamp arrives as a date and still imports.
    const directive = parseCourseFile(
      `%YAML 1.1\n---\n${yaml.replace(`publishedAt: "${original}"`, "publishedAt: 2025-01-21 12:00:00-05:00")}`,
    );
    if (!directive.ok) throw new Error(directive.errors.join("\n"));
    expect(parseInstant(directive.file.announcements[0]!.publishedAt, "America/New_York").toISOString()).toBe(
      "2025-01-21T17:00:00.000Z",
    );
  });
});
