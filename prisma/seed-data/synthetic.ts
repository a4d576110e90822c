/**
 * Synthetic students and their work, generated deterministically: a seeded PRNG
 * per course (no Math.random, no clock), so every run produces identical rows.
 *
 * Everything here is invented demo data layered on the faithful course files:
 * names, enrolments, submissions (some late), grades, per-student extensions,
 * and NUS track choices. Brown CSCI 1390 is at its cap (56 enrolled) with 8 on
 * the waitlist and 2 auditors, and its project lateness is shaped to exercise
 * the late-hours rules: most students use 0–30 h, a few use a lot, one goes over
 * the 144-h budget and one hands in a project past the 72-h cap.
 */
import { courseDueAt, localInstant, type AssignmentSeed, type CourseSeed, type LocalDate } from "./types";
import {
  auditorEmail,
  CROSS_ROLE,
  FIRST_STUDENT_NAMES,
  staffEmail,
  studentEmail,
  waitlistEmail,
} from "./demo-accounts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------- PRNG

function hashString(s: string): number {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for demo data. */
export class Rng {
  private state: number;
  constructor(seed: string) {
    this.state = hashString(seed);
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hi: number): number {
    return Math.floor(this.between(lo, hi + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

// ---------------------------------------------------------------- names

const FIRST = [
  "Aarav",
  "Abigail",
  "Adebayo",
  "Aiko",
  "Alejandro",
  "Amara",
  "Amelia",
  "Anders",
  "Ananya",
  "Arjun",
  "Beatriz",
  "Benjamin",
  "Bilal",
  "Camille",
  "Carlos",
  "Chidi",
  "Chloe",
  "Dario",
  "Dmitri",
  "Elena",
  "Emeka",
  "Emma",
  "Ethan",
  "Farah",
  "Felix",
  "Gabriel",
  "Hana",
  "Hamza",
  "Hiroshi",
  "Ines",
  "Isaac",
  "Ivana",
  "Jakob",
  "Jana",
  "Javier",
  "Jia Hui",
  "Jonas",
  "Kai",
  "Kavya",
  "Kenji",
  "Laila",
  "Leon",
  "Lina",
  "Lucia",
  "Malik",
  "Marco",
  "Mateo",
  "Mei",
  "Mohammed",
  "Nadia",
  "Nikhil",
  "Noah",
  "Nora",
  "Olivia",
  "Omar",
  "Pablo",
  "Quentin",
  "Rafael",
  "Rania",
  "Rohan",
  "Rui",
  "Samira",
  "Santiago",
  "Sara",
  "Sebastien",
  "Shreya",
  "Siddharth",
  "Sofia",
  "Tariq",
  "Thabo",
  "Theo",
  "Valentina",
  "Victor",
  "Wen",
  "Xavier",
  "Yara",
  "Yusuf",
  "Zainab",
  "Zhen",
  "Zoe",
];
const LAST = [
  "Abara",
  "Adeyemi",
  "Ahmed",
  "Almeida",
  "Andersen",
  "Baptiste",
  "Bauer",
  "Bergstrom",
  "Bianchi",
  "Castillo",
  "Chandra",
  "Chowdhury",
  "Costa",
  "Da Silva",
  "Dang",
  "Delacroix",
  "Desai",
  "Dimitrov",
  "Eriksson",
  "Fernandes",
  "Fischer",
  "Fujimoto",
  "Garcia",
  "Ghosh",
  "Goldberg",
  "Haddad",
  "Hansen",
  "Hoang",
  "Huang",
  "Ibrahim",
  "Iyer",
  "Jansen",
  "Jimenez",
  "Kaur",
  "Kim",
  "Kowalski",
  "Kumar",
  "Lambert",
  "Lee",
  "Leclerc",
  "Li",
  "Lindqvist",
  "Liu",
  "Lopez",
  "Martins",
  "Mehta",
  "Mendoza",
  "Moreau",
  "Murphy",
  "Nakamura",
  "Nair",
  "Nguyen",
  "Novak",
  "Nowak",
  "Okafor",
  "Oliveira",
  "Osei",
  "Park",
  "Patel",
  "Peeters",
  "Petrov",
  "Popescu",
  "Qureshi",
  "Rahman",
  "Ramos",
  "Reddy",
  "Rossi",
  "Sato",
  "Schmidt",
  "Sharma",
  "Silva",
  "Singh",
  "Suzuki",
  "Tan",
  "Tanaka",
  "Van den Berg",
  "Wang",
  "Wojcik",
  "Yamamoto",
  "Zhou",
];

// ---------------------------------------------------------------- output types

export type SyntheticStudent = {
  email: string;
  name: string;
  role: "STUDENT" | "AUDITOR";
  status: "ENROLLED" | "WAITLISTED";
  waitlistPosition: number | null;
  /** Chosen elective track (NUS); null elsewhere. */
  track: string | null;
  joinedAt: Date;
};

export type SyntheticStaff = { email: string; name: string; role: "TA"; title: string };

export type SyntheticSubmission = {
  email: string;
  code: string;
  submittedAt: Date;
  fileName: string;
  fileType: string;
  fileSize: number;
};

export type SyntheticGrade = { email: string; code: string; score: number; feedback: string; graderEmail: string };

export type SyntheticExtension = { email: string; code: string; dueAt: Date; postedAt: Date; reason: string };

export type SyntheticCourse = {
  students: SyntheticStudent[];
  /** Staff added on top of the course file (the TA-and-student demo person). */
  extraStaff: SyntheticStaff[];
  submissions: SyntheticSubmission[]; // chronological per student and assignment
  grades: SyntheticGrade[];
  extensions: SyntheticExtension[]; // per-student GRANTs, in posting order
  gradesReleasedAt: Record<string, Date | null>;
};

// ---------------------------------------------------------------- roster sizes

const ROSTER: Record<string, { enrolled: number; waitlisted: number; auditors: number }> = {
  csc490: { enrolled: 34, waitlisted: 0, auditors: 0 },
  info9023: { enrolled: 28, waitlisted: 0, auditors: 0 },
  "nus-lgm": { enrolled: 36, waitlisted: 0, auditors: 0 },
  "llm-systems": { enrolled: 31, waitlisted: 0, auditors: 0 },
  csci1390: { enrolled: 56, waitlisted: 8, auditors: 2 },
};

/** Brown students (by student number) whose lateness is shaped on purpose. */
export const BROWN_PROFILES = {
  /** Over the 144-h budget across P1–P3, each project under the 72-h cap. */
  overBudget: 7,
  /** Hands P3 in past the 72-h per-project cap. */
  overCap: 13,
  /** Misses six PLQs: one more than the five that are dropped. */
  manyPlqsMissed: 17,
  /** Has a Dean's-note extension on P3 and uses it. */
  deansNote: 21,
  /** Never hands in P4 (zero after the final cutoff). */
  missingP4: 29,
  /** Hands Written HW 1 in late (late hours cannot be used on it). */
  lateHomework: 33,
  /** Heavy but within the rules. */
  heavy: [3, 40] as const,
} as const;

// Wall-clock hours after the due date (the 00:00–07:00 window is excluded when charged).
const BROWN_SHAPED_LATENESS: Record<number, Partial<Record<string, number>>> = {
  1: { P2: 20, P3: 8 }, // the demo student: a moderate user (about 19 charged hours)
  [BROWN_PROFILES.overBudget]: { P1: 70, P2: 75, P3: 70, P4: 4 },
  [BROWN_PROFILES.overCap]: { P3: 110 },
  [BROWN_PROFILES.heavy[0]]: { P1: 30, P2: 44, P3: 20 },
  [BROWN_PROFILES.heavy[1]]: { P2: 60, P4: 26 },
};

const FEEDBACK = [
  "",
  "",
  "",
  "Nice work.",
  "Clear writeup; the performance analysis could go deeper.",
  "Correct implementation. Watch the edge cases in your tests.",
  "Good job — see the inline comments.",
  "Solid, but explain your design choices more.",
  "Great performance numbers.",
  "Some parts are missing; come to office hours if you have questions.",
];

// ---------------------------------------------------------------- generation

type Student = SyntheticStudent & { n: number; ability: number; lateRate: number; plqMisses: Set<string> };

function uniqueNames(rng: Rng, count: number, taken: Set<string>): string[] {
  const names: string[] = [];
  while (names.length < count) {
    const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    if (taken.has(name)) continue;
    taken.add(name);
    names.push(name);
  }
  return names;
}

function localMidday(course: CourseSeed, date: LocalDate | null, fallback: Date): Date {
  return date ? localInstant({ date, time: "12:00" }, course.timeZone) : fallback;
}

function fileFor(
  kind: AssignmentSeed["kind"],
  code: string,
  email: string,
  rng: Rng,
): Pick<SyntheticSubmission, "fileName" | "fileType" | "fileSize"> {
  const who = email.split("@")[0]!;
  const base = `${code.toLowerCase()}-${who}`;
  switch (kind) {
    case "QUIZ":
      return { fileName: `${base}.txt`, fileType: "text/plain", fileSize: rng.int(600, 4_000) };
    case "HOMEWORK":
      return { fileName: `${base}.pdf`, fileType: "application/pdf", fileSize: rng.int(80_000, 2_000_000) };
    default:
      return { fileName: `${base}.zip`, fileType: "application/zip", fileSize: rng.int(150_000, 8_000_000) };
  }
}

const SUBMITTED_KINDS = new Set<AssignmentSeed["kind"]>(["PROJECT", "HOMEWORK", "QUIZ", "LAB"]);

export function synthesize(course: CourseSeed): SyntheticCourse {
  const rng = new Rng(`lectern-demo:${course.slug}`);
  const size = ROSTER[course.slug] ?? { enrolled: 30, waitlisted: 0, auditors: 0 };
  const isBrown = course.slug === "csci1390";
  const firstDay = localMidday(course, course.firstDayOfClasses, new Date(Date.UTC(2025, 0, 1)));

  // ---- roster
  const taken = new Set<string>([
    ...Object.values(FIRST_STUDENT_NAMES),
    CROSS_ROLE.name,
    ...course.staff.map((s) => s.name),
  ]);
  const crossIsStudent = CROSS_ROLE.studentIn === course.slug;
  const generated = size.enrolled - 1 - (crossIsStudent ? 1 : 0);
  const names = [
    FIRST_STUDENT_NAMES[course.slug] ?? "Student One",
    ...uniqueNames(rng, generated + size.waitlisted + size.auditors, taken),
  ];

  const students: Student[] = [];
  const tracks = course.grading.tracks.map((t) => t.name);
  const base = (n: number, email: string, name: string): Student => ({
    n,
    email,
    name,
    role: "STUDENT",
    status: "ENROLLED",
    waitlistPosition: null,
    track: tracks.length ? (n === 1 ? tracks[0]! : rng.pick(tracks)) : null,
    joinedAt: new Date(firstDay.getTime() - rng.int(3, 30) * DAY - rng.int(0, 23) * HOUR),
    ability: Math.min(98, Math.max(52, 82 + 8 * rng.normal())),
    lateRate: rng.chance(0.25) ? rng.between(0.25, 0.5) : rng.between(0, 0.15),
    plqMisses: new Set(),
  });
  for (let n = 1; n <= generated + 1; n++) students.push(base(n, studentEmail(course.slug, n), names[n - 1]!));
  if (crossIsStudent) students.push(base(generated + 2, CROSS_ROLE.email, CROSS_ROLE.name));
  let next = generated + 1;
  for (let w = 1; w <= size.waitlisted; w++) {
    const s = base(1000 + w, waitlistEmail(course.slug, w), names[next++]!);
    s.status = "WAITLISTED";
    s.waitlistPosition = w;
    s.track = null;
    // Joined in waitlist order, after the class filled up.
    s.joinedAt = new Date(firstDay.getTime() + (w - 4) * DAY);
    students.push(s);
  }
  for (let a = 1; a <= size.auditors; a++) {
    const s = base(2000 + a, auditorEmail(course.slug, a), names[next++]!);
    s.role = "AUDITOR";
    s.track = null;
    students.push(s);
  }
  const enrolled = students.filter((s) => s.role === "STUDENT" && s.status === "ENROLLED");

  const extraStaff: SyntheticStaff[] =
    CROSS_ROLE.taIn === course.slug
      ? [{ email: CROSS_ROLE.email, name: CROSS_ROLE.name, role: "TA", title: "Teaching Assistant" }]
      : [];
  const graders = [...course.staff.map((s) => staffEmail(course.slug, s.key)), ...extraStaff.map((s) => s.email)];
  const instructorEmail = staffEmail(course.slug, course.staff.find((s) => s.role === "INSTRUCTOR")!.key);

  // ---- PLQ misses at Brown: most miss 0–3, one misses 6
  const plqCodes = course.assignments.filter((a) => a.kind === "QUIZ").map((a) => a.code);
  for (const s of enrolled) {
    const misses = isBrown && s.n === BROWN_PROFILES.manyPlqsMissed ? 6 : rng.pick([0, 0, 0, 1, 1, 1, 2, 2, 3]);
    const pool = [...plqCodes];
    for (let i = 0; i < Math.min(misses, pool.length); i++)
      s.plqMisses.add(pool.splice(Math.floor(rng.next() * pool.length), 1)[0]!);
  }

  // ---- per-student extensions
  const extensions: SyntheticExtension[] = [];
  const grantPersonal = (n: number, code: string, extraHours: number, postedBeforeHours: number, reason: string) => {
    const s = enrolled.find((x) => x.n === n);
    const due = courseDueAt(course, code);
    if (!s || !due) return;
    extensions.push({
      email: s.email,
      code,
      dueAt: new Date(due.getTime() + extraHours * HOUR),
      postedAt: new Date(due.getTime() - postedBeforeHours * HOUR),
      reason,
    });
  };
  switch (course.slug) {
    case "csc490":
      grantPersonal(5, "A5", 72, 50, "Accessibility accommodation (letter on file)");
      grantPersonal(11, "PROJECT", 48, 30, "Medical note: illness during the final week");
      break;
    case "nus-lgm": {
      const hw = enrolled.find((s) => s.track === "Homework" && s.n > 1);
      if (hw) grantPersonal(hw.n, "HW3", 72, 40, "Medical certificate");
      break;
    }
    case "llm-systems":
      grantPersonal(6, "MP5", 96, 60, "Conference travel, approved in advance");
      break;
    case "csci1390":
      grantPersonal(BROWN_PROFILES.deansNote, "P3", 48, 26, "Dean's note");
      break;
  }
  extensions.sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime());

  // ---- submissions
  const submissions: SyntheticSubmission[] = [];
  const latest = new Map<string, SyntheticSubmission>(); // `${email}|${code}`
  const groupOf = new Map<string, number>(); // INFO9023 project groups of four
  enrolled.forEach((s, i) => groupOf.set(s.email, Math.floor(i / 4) + 1));

  const inTrack = (s: Student, a: AssignmentSeed): boolean => {
    const cat = course.grading.categories.find((c) => c.name === a.category);
    return !cat?.track || cat.track === s.track;
  };

  for (const a of course.assignments) {
    if (!SUBMITTED_KINDS.has(a.kind) || !a.due) continue;
    const courseDue = courseDueAt(course, a.code)!;
    const released = a.released ? localInstant(a.released, course.timeZone) : new Date(courseDue.getTime() - 21 * DAY);
    for (const s of enrolled) {
      if (!inTrack(s, a)) continue;
      const personal = extensions.findLast((e) => e.email === s.email && e.code === a.code);
      const due = personal ? personal.dueAt : courseDue;
      const window = due.getTime() - released.getTime();
      let submittedAt: Date | null;

      if (a.kind === "QUIZ") {
        // PLQs cannot be late: always before the start of the next lecture, or missing.
        submittedAt = s.plqMisses.has(a.code)
          ? null
          : new Date(due.getTime() - rng.between(0.1, Math.min(40, window / HOUR - 0.5)) * HOUR);
      } else if (isBrown) {
        const shaped = BROWN_SHAPED_LATENESS[s.n]?.[a.code];
        if (a.code === "P4" && s.n === BROWN_PROFILES.missingP4) submittedAt = null;
        else if (shaped !== undefined) submittedAt = new Date(due.getTime() + shaped * HOUR + rng.int(1, 50) * 60_000);
        else if (s.n === BROWN_PROFILES.deansNote && a.code === "P3")
          submittedAt = new Date(courseDue.getTime() + 30 * HOUR);
        else if (s.n === BROWN_PROFILES.lateHomework && a.code === "HW1")
          submittedAt = new Date(due.getTime() + 2 * HOUR + 17 * 60_000);
        else if (a.kind === "PROJECT" && rng.chance(0.3) && !Object.hasOwn(BROWN_SHAPED_LATENESS, s.n)) {
          submittedAt = new Date(due.getTime() + rng.between(0.5, 36) * HOUR); // about 0–30 charged hours
        } else submittedAt = new Date(due.getTime() - rng.between(0.1, Math.min(72, window / HOUR - 1)) * HOUR);
      } else {
        if (rng.chance(0.03) && s.n !== 1)
          submittedAt = null; // a few missing
        else if (rng.chance(s.lateRate * 0.5)) submittedAt = new Date(due.getTime() + rng.between(0.2, 48) * HOUR);
        else submittedAt = new Date(due.getTime() - rng.between(0.1, Math.min(72, window / HOUR - 1)) * HOUR);
      }
      if (!submittedAt) continue;
      submittedAt = new Date(Math.round(submittedAt.getTime() / 1000) * 1000);

      const file = fileFor(a.kind, a.code, s.email, rng);
      if (course.slug === "info9023" && a.kind === "PROJECT") file.fileName = `group-${groupOf.get(s.email)}-final.zip`;
      // Some students hand in an earlier version first.
      if (a.kind !== "QUIZ" && rng.chance(0.1)) {
        const earlier = new Date(
          Math.max(released.getTime() + HOUR, submittedAt.getTime() - rng.between(6, 60) * HOUR),
        );
        if (earlier < submittedAt) {
          submissions.push({
            email: s.email,
            code: a.code,
            submittedAt: new Date(Math.round(earlier.getTime() / 1000) * 1000),
            ...fileFor(a.kind, a.code, s.email, rng),
          });
        }
      }
      const sub = { email: s.email, code: a.code, submittedAt, ...file };
      submissions.push(sub);
      latest.set(`${s.email}|${a.code}`, sub);
    }
  }

  // ---- grades
  // Released for every assignment except the one due last, which is still being graded.
  const lastDay = localMidday(course, course.lastDayOfClasses, firstDay);
  const dueOf = (a: AssignmentSeed): Date => (a.due ? courseDueAt(course, a.code)! : lastDay);
  const inGrading = [...course.assignments]
    .filter((a) => a.due)
    .sort((x, y) => dueOf(y).getTime() - dueOf(x).getTime())[0]?.code;
  const gradesReleasedAt: Record<string, Date | null> = {};
  for (const a of course.assignments) {
    gradesReleasedAt[a.code] = a.code === inGrading ? null : new Date(dueOf(a).getTime() + (a.due ? 10 : 7) * DAY);
  }

  const grades: SyntheticGrade[] = [];
  const groupScore = new Map<number, number>();
  const clamp = (x: number) => Math.min(100, Math.max(0, Math.round(x * 2) / 2));
  for (const a of course.assignments) {
    if (!a.category) continue;
    for (const s of enrolled) {
      if (!inTrack(s, a)) continue;
      const submitted = latest.get(`${s.email}|${a.code}`);
      if (SUBMITTED_KINDS.has(a.kind) && a.due && !submitted) continue; // missing work: no grade row
      if (a.code === inGrading && !rng.chance(0.6)) continue; // grading in progress
      let score: number;
      if (a.kind === "QUIZ") score = rng.chance(0.75) ? 100 : clamp(rng.between(60, 95));
      else if (course.slug === "info9023" && a.kind === "PROJECT") {
        const g = groupOf.get(s.email)!;
        if (!groupScore.has(g)) groupScore.set(g, clamp(80 + 8 * rng.normal()));
        score = groupScore.get(g)!;
      } else score = clamp(s.ability + 7 * rng.normal());
      grades.push({
        email: s.email,
        code: a.code,
        score,
        feedback: a.kind === "QUIZ" ? "" : rng.pick(FEEDBACK),
        graderEmail: a.kind === "PARTICIPATION" || a.kind === "EXAM" ? instructorEmail : rng.pick(graders),
      });
    }
  }

  return {
    students: students.map(({ n: _n, ability: _a, lateRate: _l, plqMisses: _p, ...rest }) => rest),
    extraStaff,
    submissions: submissions.sort((x, y) => x.submittedAt.getTime() - y.submittedAt.getTime()),
    grades,
    extensions,
    gradesReleasedAt,
  };
}
