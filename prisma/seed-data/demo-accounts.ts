/**
 * Demo logins. Every seeded user (staff and synthetic students) gets the same
 * password, DEMO_PASSWORD. Logins use easy-to-type addresses per course slug:
 * instructor@csc490.demo, ta@csc490.demo, student1@csc490.demo, ...
 * Real staff keep their real names from the course pages; their real contact
 * address (where the page gives one) is the membership's contactEmail, not the login.
 */
import { courseSeeds } from "./index";

export const DEMO_PASSWORD = "lectern-demo";

export const staffEmail = (slug: string, key: string): string => `${key}@${slug}.demo`;
export const studentEmail = (slug: string, n: number): string => `student${n}@${slug}.demo`;
export const waitlistEmail = (slug: string, n: number): string => `waitlist${n}@${slug}.demo`;
export const auditorEmail = (slug: string, n: number): string => `auditor${n}@${slug}.demo`;

/** Student 1 of each course: a fixed name so the demo login is predictable. */
export const FIRST_STUDENT_NAMES: Readonly<Record<string, string>> = {
  csc490: "Maya Chen",
  info9023: "Lucas Dubois",
  "nus-lgm": "Tan Wei Ling",
  "llm-systems": "Daniel Mensah",
  csci1390: "Sofia Alvarez",
};

/** One person with two roles: a TA in one course and a student in another. */
export const CROSS_ROLE = {
  email: "ta-student@lectern.demo",
  name: "Priya Raman",
  taIn: "llm-systems",
  studentIn: "csci1390",
} as const;

export type DemoRole = "INSTRUCTOR" | "TA" | "STUDENT";
export type DemoAccount = {
  email: string;
  password: string;
  name: string;
  memberships: { courseSlug: string; role: DemoRole }[];
};

/** Per course: the instructor, the first TA and the first student; then the TA-and-student. */
export function demoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  for (const course of courseSeeds) {
    const instructor = course.staff.find((s) => s.role === "INSTRUCTOR");
    const ta = course.staff.find((s) => s.role === "TA");
    for (const s of [instructor, ta]) {
      if (!s) continue;
      accounts.push({
        email: staffEmail(course.slug, s.key),
        password: DEMO_PASSWORD,
        name: s.name,
        memberships: [{ courseSlug: course.slug, role: s.role }],
      });
    }
    accounts.push({
      email: studentEmail(course.slug, 1),
      password: DEMO_PASSWORD,
      name: FIRST_STUDENT_NAMES[course.slug] ?? "Student One",
      memberships: [{ courseSlug: course.slug, role: "STUDENT" }],
    });
  }
  accounts.push({
    email: CROSS_ROLE.email,
    password: DEMO_PASSWORD,
    name: CROSS_ROLE.name,
    memberships: [
      { courseSlug: CROSS_ROLE.taIn, role: "TA" },
      { courseSlug: CROSS_ROLE.studentIn, role: "STUDENT" },
    ],
  });
  return accounts;
}
