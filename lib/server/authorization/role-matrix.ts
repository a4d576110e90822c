// Renders the permission table as the markdown role matrix (docs/role-matrix.md).
// Pure: no "server-only", so the script and the unit test can import it.
import {
  AUDIENCES,
  audiencesOf,
  coursePageRules,
  permissionDescriptions,
  permissions,
  roleAllows,
  type Audience,
  type Permission,
} from "@/lib/server/authorization/permissions";

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
    "<!-- Generated from lib/server/authorization/permissions.ts by `npx tsx scripts/role-matrix.ts --write`; do not edit by hand. -->",
    "",
    "Roles are per course: a person's role comes from their membership in that course, and only while",
    'the membership is ENROLLED (waitlisted and dropped people are "signed in, not a member"). A TA in one',
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
  lines.push(
    "",
    "## Protected course pages",
    "",
    "Checked by the course layout before the page streams (so a refusal is a real 401/403/404), and again by",
    "the page's own data load. Paths are below `/courses/[slug]`; the first match wins.",
    "",
    "| Path | Needs |",
    "| --- | --- |",
  );
  for (const rule of coursePageRules) {
    const path = rule.path.source
      .replace(/^\^/, "")
      .replace(/\\\//g, "/")
      .replace("(/|$)", "")
      .replace("([^/]+)", "[id]");
    const needs =
      "permission" in rule
        ? `\`${rule.permission}\``
        : `\`${rule.record.all}\` for anyone's, \`${rule.record.own}\` for one's own (others: 404)`;
    lines.push(`| \`${path}\` | ${needs} |`);
  }
  lines.push("");
  return lines.join("\n");
}
