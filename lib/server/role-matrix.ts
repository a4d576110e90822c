// Renders the permission table as the markdown role matrix (docs/role-matrix.md).
// Pure: no "server-only", so the script and the unit test can import it.
import { AUDIENCES, audiencesOf, permissionDescriptions, permissions, roleAllows, type Audience, type Permission } from "./permissions";

const COLUMNS: { audience: Audience; label: string }[] = [
  { audience: "public", label: "Anonymous" },
  { audience: "signedIn", label: "Signed in (not a member)" },
  { audience: "AUDITOR", label: "Auditor" },
  { audience: "STUDENT", label: "Student" },
  { audience: "TA", label: "TA" },
  { audience: "INSTRUCTOR", label: "Instructor" },
];

function allowedFor(permission: Permission, audience: Audience): boolean {
  if (audience === "public") return audiencesOf(permission).includes("public");
  if (audience === "signedIn") return roleAllows(permission, null, true);
  return roleAllows(permission, audience, true);
}

export function roleMatrixMarkdown(): string {
  if (COLUMNS.length !== AUDIENCES.length) throw new Error("role matrix: a column per audience");
  const lines: string[] = [
    "# Role matrix",
    "",
    "<!-- Generated from lib/server/permissions.ts by `npx tsx scripts/role-matrix.ts --write`; do not edit by hand. -->",
    "",
    "Roles are per course: a person's role comes from their membership in that course, and only while",
    "the membership is ENROLLED (waitlisted and dropped people are \"signed in, not a member\"). A TA in one",
    "course is a student, or nobody, in another. Instructors manage only the courses they teach.",
    "`own.*` rows cover the viewer's own records only; nobody but staff sees another student's records.",
    "`site.*` rows are not about one course: the role must be held (enrolled) in at least one course.",
    "",
    `| Permission | What it allows | ${COLUMNS.map((c) => c.label).join(" | ")} |`,
    `| --- | --- | ${COLUMNS.map(() => ":---:").join(" | ")} |`,
  ];
  for (const permission of Object.keys(permissions) as Permission[]) {
    const cells = COLUMNS.map((c) => (allowedFor(permission, c.audience) ? "yes" : "—"));
    lines.push(`| \`${permission}\` | ${permissionDescriptions[permission]} | ${cells.join(" | ")} |`);
  }
  lines.push("");
  return lines.join("\n");
}
