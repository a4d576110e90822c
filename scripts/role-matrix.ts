// Prints the role matrix (markdown) generated from lib/server/authorization/permissions.ts.
// `--write` also writes it to docs/role-matrix.md; tests/unit/role-matrix.test.ts
// fails when the committed file and the table disagree.
import { writeFileSync } from "node:fs";
import { roleMatrixMarkdown } from "@/lib/server/authorization/role-matrix";

const markdown = roleMatrixMarkdown();
if (process.argv.includes("--write")) writeFileSync(new URL("../docs/role-matrix.md", import.meta.url), markdown);
process.stdout.write(markdown);
