// The Lectern side of tests/fixtures/canvas: Brown's CSCI 1390 (its page links Canvas) with four of
// its items and the people the fixtures name, some already linked to their Canvas ids.
import { readFileSync } from "node:fs";
import type { Db } from "@/lib/server/platform/db";
import type { Viewer } from "@/lib/server/authorization/authz";
import type { CanvasCourse } from "@/tests/support/canvas-importer";

export const SLUG = "csci1390";

export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/canvas/${name}`, import.meta.url), "utf8");
}

type Person = {
  key: string;
  name: string;
  email: string;
  status?: "ENROLLED" | "WAITLISTED" | "DROPPED";
  link?: { canvasUserId?: string; sisUserId?: string; sisLoginId?: string };
};

// Names invented for tests; emails and logins as Brown writes them.
export const PEOPLE: Person[] = [
  { key: "ada", name: "Ada Lovelace", email: "ada_lovelace@brown.edu", link: { canvasUserId: "50101" } },
  { key: "grace", name: "Grace Hopper", email: "grace_hopper@brown.edu", link: { sisUserId: "B01000102" } },
  { key: "alan", name: "Alan Turing", email: "alan_turing@brown.edu", link: { sisLoginId: "aturing" } },
  { key: "katherine", name: "Katherine Johnson", email: "kjohnson@brown.edu" },
  { key: "margaret", name: "Margaret Hamilton", email: "mhamilton@brown.edu" },
  { key: "jane", name: "Jane Doe", email: "jane.doe@brown.edu" },
  { key: "donald", name: "Donald Knuth", email: "dknuth@brown.edu" },
  { key: "edsger", name: "Edsger Dijkstra", email: "edijkstra@brown.edu", status: "WAITLISTED" },
  { key: "barbara", name: "Barbara Liskov", email: "bliskov@brown.edu", status: "DROPPED" },
];

export const ITEMS = [
  { code: "P1", title: "Project 1: Parallelism", points: 100, category: "Course Projects", canvasId: "48201" },
  { code: "HW1", title: "Written HW 1", points: 100, category: "Written Homeworks" },
  {
    code: "PLQ1",
    title: "Post-lecture quiz 1: Overview of DL Stack, Data Parallelism and All-Reduce",
    points: 10,
    category: "Post Lecture Quizzes",
  },
  { code: "PART", title: "Class participation", points: 100, category: "Class Participation" },
] as const;

export type CanvasLab = {
  courseId: string;
  ta: Viewer;
  user: Record<string, string>;
  item: Record<string, string>;
};

/** Builds the course; Ada's P1 (88) and HW1 (90) and Grace's HW1 (90) are graded already. */
export async function buildCanvasLab(db: Db, slug = SLUG): Promise<CanvasLab> {
  const course = await db.course.create({
    data: {
      slug,
      code: "CSCI 1390",
      title: "Systems for Machine Learning",
      term: "Spring 2025",
      institution: "Brown University",
      timeZone: "America/New_York",
    },
  });
  const categories = new Map<string, string>();
  for (const [position, [name, weight]] of (
    [
      ["Course Projects", 65],
      ["Written Homeworks", 20],
      ["Post Lecture Quizzes", 10],
      ["Class Participation", 5],
    ] as const
  ).entries()) {
    const c = await db.gradingCategory.create({ data: { courseId: course.id, name, weight, position } });
    categories.set(name, c.id);
  }
  await db.letterCutoff.createMany({
    data: [
      { courseId: course.id, letter: "A", minPercent: 90 },
      { courseId: course.id, letter: "B", minPercent: 80 },
      { courseId: course.id, letter: "F", minPercent: 0 },
    ],
  });
  const item: Record<string, string> = {};
  for (const [position, i] of ITEMS.entries()) {
    const a = await db.assignment.create({
      data: {
        courseId: course.id,
        code: i.code,
        title: i.title,
        kind: ({ P1: "PROJECT", HW1: "HOMEWORK", PLQ1: "QUIZ", PART: "PARTICIPATION" } as const)[i.code],
        points: i.points,
        categoryId: categories.get(i.category)!,
        canvasId: "canvasId" in i ? i.canvasId : null,
        position,
      },
    });
    item[i.code] = a.id;
  }
  const taUser = await db.user.create({ data: { email: `ta-${slug}@brown.edu`, name: "CSCI 1390 TA" } });
  await db.membership.create({ data: { courseId: course.id, userId: taUser.id, role: "TA" } });
  const user: Record<string, string> = {};
  for (const p of PEOPLE) {
    const u = await db.user.create({ data: { email: p.email, name: p.name } });
    await db.membership.create({
      data: { courseId: course.id, userId: u.id, role: "STUDENT", status: p.status ?? "ENROLLED", ...p.link },
    });
    user[p.key] = u.id;
  }
  await db.grade.createMany({
    data: [
      { courseId: course.id, assignmentId: item.P1!, studentId: user.ada!, score: 88 },
      { courseId: course.id, assignmentId: item.HW1!, studentId: user.ada!, score: 90 },
      { courseId: course.id, assignmentId: item.HW1!, studentId: user.grace!, score: 90 },
    ],
  });
  return { courseId: course.id, ta: { userId: taUser.id, email: taUser.email, name: taUser.name }, user, item };
}

/** The Canvas course of the fixtures, for the ported importer: its assignments, students and current scores. */
export function canvasSide(): CanvasCourse {
  const students = [
    ["Ada Lovelace", 50101, "B01000101", "alovelace"],
    ["Grace Hopper", 50102, "B01000102", "ghopper"],
    ["Alan Turing", 50103, "B01000103", "aturing"],
    ["Katherine Johnson", 50104, "B01000104", "kjohnson@brown.edu"],
    ["Margaret Hamilton", 50105, "B01000105", "mhamilton"],
    ["Jane Doe", 50106, "B01000106", "jd4821"],
    ["Edsger Dijkstra", 50107, "B01000107", "edijkstra@brown.edu"],
    ["Barbara Liskov", 50108, "B01000108", "bliskov@brown.edu"],
    ["Donald Knuth", 50109, "B01000109", "dknuth@brown.edu"],
    ["Test Student", 50199, undefined, "f3c9a1b27d5e4c08"],
  ] as const;
  // The scores export-comma.csv shows (N/A and blank: no submission score).
  const scores: [number, number, number | "EX"][] = [
    [50107, 48201, 95],
    [50107, 48202, 88],
    [50107, 48203, 9],
    [50107, 48299, 100],
    [50106, 48201, 78.5],
    [50106, 48202, 92],
    [50106, 48203, 8],
    [50106, 48299, 100],
    [50105, 48201, 100],
    [50105, 48202, "EX"],
    [50105, 48203, 10],
    [50105, 48204, 95],
    [50105, 48299, 90],
    [50102, 48201, 91.5],
    [50102, 48202, 90],
    [50102, 48203, 7.5],
    [50102, 48299, 100],
    [50104, 48201, 84],
    [50104, 48204, 90],
    [50104, 48299, 80],
    [50108, 48201, 70],
    [50108, 48202, 75],
    [50108, 48203, 6],
    [50108, 48299, 60],
    [50101, 48201, 88],
    [50101, 48202, 93],
    [50101, 48203, 10],
    [50101, 48204, 100],
    [50101, 48299, 100],
    [50103, 48201, 97],
    [50103, 48202, 85],
    [50103, 48204, 85],
    [50103, 48299, 70],
  ];
  return {
    customColumns: ["Notes"],
    notAssigned: new Set(["50104:48203", "50103:48203"]),
    assignments: [
      { id: 48201, title: "Project 1: Parallelism", pointsPossible: 100 },
      { id: 48202, title: "Written HW 1", pointsPossible: 100 },
      { id: 48203, title: "PLQ 1", pointsPossible: 10 },
      { id: 48204, title: "PART", pointsPossible: 100 },
      { id: 48299, title: "Roll Call Attendance", pointsPossible: 100 },
    ],
    students: students.map(([name, id, sisUserId, loginId]) => {
      const parts = name.split(" ");
      return { id, name, sortableName: `${parts.at(-1)}, ${parts.slice(0, -1).join(" ")}`, sisUserId, loginId };
    }),
    submissions: new Map(scores.map(([s, a, v]) => [`${s}:${a}`, v])),
  };
}
