// Course files from the command line, for operators (no sign-in, no policy: whoever
// can reach the database is already trusted with it):
//   npm run course:export -- <slug> [file]   write the course's YAML (stdout without a file)
//   npm run course:import -- <file>          create the course, or update the one with the file's slug
// This is how a fresh, empty installation gets its first course; afterwards its
// instructors import and export from the app. Runs under the react-server condition,
// where "server-only" is an empty module.
import { readFileSync, writeFileSync } from "node:fs";
import { createDb } from "@/lib/server/platform/db";
import {
  courseFileOf,
  courseFileYaml,
  operatorTarget,
  parseCourseFile,
  writeCourseFile,
} from "@/lib/server/course/manage/course-file";
import { invalidateCourse } from "@/lib/server/platform/cache";
import { scriptDatabase } from "./database-url";

async function main(): Promise<void> {
  const [command, arg, out] = process.argv.slice(2);
  if ((command !== "export" && command !== "import") || !arg) {
    console.error("usage: course-file.ts export <slug> [file] | import <file>");
    process.exitCode = 2;
    return;
  }
  const database = await scriptDatabase();
  const db = createDb(database.url, 2);
  try {
    if (command === "export") {
      const course = await db.course.findUnique({ where: { slug: arg }, select: { id: true } });
      if (!course) throw new Error(`no course "${arg}"`);
      const yaml = courseFileYaml(await courseFileOf(db, course.id));
      if (out) writeFileSync(out, yaml);
      else process.stdout.write(yaml);
      return;
    }
    const yaml = readFileSync(arg, "utf8");
    const parsed = parseCourseFile(yaml);
    if (!parsed.ok) {
      console.error(`${arg} has errors; nothing was imported:\n  ${parsed.errors.join("\n  ")}`);
      process.exitCode = 1;
      return;
    }
    const target = await operatorTarget(db, parsed.file);
    const courseId = await writeCourseFile({ db, file: parsed.file, target, actor: null, rawYaml: yaml });
    await invalidateCourse(courseId); // with REDIS_URL, running instances drop their cached pages
    console.log(`${target.mode === "create" ? "Created" : "Updated"} course ${target.slug}.`);
  } finally {
    await db.$disconnect();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
