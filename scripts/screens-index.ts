// Writes docs/screens/README.md: every screenshot in docs/screens/, by role and page, each at
// 1280 and 390 px (the files npm run screens took through tests/e2e/every-page.spec.ts).
import { readdirSync, writeFileSync } from "node:fs";

const DIR = "docs/screens";
const files = readdirSync(DIR).filter((f) => f.endsWith(".png"));
const shots = new Map<string, { role: string; page: string; widths: Map<string, string> }>();
for (const file of files) {
  const match = /^([a-z]+)-(.+)-(1280|390)\.png$/.exec(file);
  if (!match) continue;
  const [, role, page, width] = match as unknown as [string, string, string, string];
  const key = `${role}-${page}`;
  const entry = shots.get(key) ?? { role, page, widths: new Map<string, string>() };
  entry.widths.set(width, file);
  shots.set(key, entry);
}
const ROLE_ORDER = ["anonymous", "student", "auditor", "waitlisted", "ta", "instructor"];
const rows = [...shots.values()].sort(
  (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.page.localeCompare(b.page),
);
const cell = (file: string | undefined, width: string) => (file ? `[${width} px](${file})` : "—");
const lines = [
  "# Screenshots",
  "",
  "Every page as each role sees it, at 1280 px and 390 px, on Brown CSCI 1390 with the demo clock at",
  "Wed Mar 12, 2025, 10:00 AM EDT (mid-term), plus the other demo courses' public pages.",
  "Made by `npm run screens` (tests/e2e/every-page.spec.ts with LECTERN_SCREENS=1, then",
  "scripts/screens-index.ts for this list). Full-page PNGs.",
  "",
  "| role | page | desktop | phone |",
  "| --- | --- | --- | --- |",
  ...rows.map(
    (r) => `| ${r.role} | ${r.page} | ${cell(r.widths.get("1280"), "1280")} | ${cell(r.widths.get("390"), "390")} |`,
  ),
  "",
  `${rows.length} pages, ${files.length} pictures.`,
  "",
];
writeFileSync(`${DIR}/README.md`, lines.join("\n"));
console.info(`docs/screens/README.md: ${rows.length} pages, ${files.length} pictures`);
