// Issue 18 finding 4: JSON routes authorize before they read a body, and read no more than their
// limit. An anonymous 100 MB POST to the submissions route used to be parsed whole (server memory
// 346 → 746 MB). Each request here carries a body that is generated as it is read and counts what
// the route pulled: a refused stranger's body is never read, and an authorized oversized one stops
// at the limit with 413. Against real PostgreSQL and the seeded Brown course.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const persona = vi.hoisted(() => ({ viewer: null as import("@/lib/server/authorization/authz").Viewer | null }));
vi.mock("@/lib/server/people/session", () => ({ currentViewer: async () => persona.viewer }));

import type { Viewer } from "@/lib/server/authorization/authz";
import type { Db } from "@/lib/server/platform/db";
import { seedDatabase } from "@/lib/server/platform/seed";
import { JSON_BODY_LIMITS } from "@/lib/server/platform/json-body";
import { POST as submit } from "@/app/api/courses/[slug]/submissions/route";
import { POST as extend } from "@/app/api/courses/[slug]/extensions/route";
import { POST as importGrades } from "@/app/api/courses/[slug]/gradebook/import/route";
import { PUT as saveCell } from "@/app/api/courses/[slug]/grades/[assignmentId]/[studentId]/route";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { viewerByEmail } from "./support/personas";

const slug = "csci1390";
const MB = 1024 * 1024;
const CHUNK = 64 * 1024;
let t: TestDatabase;
let ta: Viewer;
let student: Viewer;
let instructor: Viewer;
let hw1: string;

/** A JSON-looking body of `total` bytes, made as it is pulled; `pulled()` says how much the reader took. */
function countingBody(total: number) {
  let sent = 0;
  const chunk = new Uint8Array(CHUNK).fill(0x20); // spaces: valid JSON whitespace, never a complete value
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(CHUNK, total - sent);
      sent += size;
      controller.enqueue(size === CHUNK ? chunk : chunk.slice(0, size));
    },
  });
  return { stream, pulled: () => sent };
}

function request(path: string, method: string, body: ReturnType<typeof countingBody>, length?: number): Request {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (length !== undefined) headers["Content-Length"] = String(length);
  return new Request(`http://localhost${path}`, {
    method,
    headers,
    body: body.stream,
    duplex: "half",
  } as RequestInit & { duplex: "half" });
}

const slugParams = { params: Promise.resolve({ slug }) };
const cellParams = () => ({ params: Promise.resolve({ slug, assignmentId: hw1, studentId: student.userId }) });

const viewerFor = (email: string) => viewerByEmail(t.db, email);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase({ db: t.db });
  (globalThis as { lecternDb?: Db }).lecternDb = t.db;
  ta = await viewerFor("ta@csci1390.demo");
  student = await viewerFor("student1@csci1390.demo");
  instructor = await viewerFor("instructor@csci1390.demo");
  const course = await t.db.course.findUniqueOrThrow({ where: { slug } });
  hw1 = (await t.db.assignment.findFirstOrThrow({ where: { courseId: course.id, code: "HW1" } })).id;
});
afterAll(async () => {
  (globalThis as { lecternDb?: Db }).lecternDb = undefined;
  await t?.drop();
});

describe("a stranger's body is never read", () => {
  it("the reported anonymous 100 MB POST to submissions, sent chunked (no Content-Length): 401, nothing read", async () => {
    persona.viewer = null;
    const body = countingBody(100 * MB);
    const response = await submit(request(`/api/courses/${slug}/submissions`, "POST", body), slugParams);
    expect(response.status).toBe(401);
    expect(body.pulled()).toBeLessThanOrEqual(CHUNK);
  });

  it("a student's 100 MB cell save (grades.edit is staff only): 403, nothing read", async () => {
    persona.viewer = student;
    const body = countingBody(100 * MB);
    const response = await saveCell(request(`/api/courses/${slug}/grades/${hw1}/x`, "PUT", body), cellParams());
    expect(response.status).toBe(403);
    expect(body.pulled()).toBeLessThanOrEqual(CHUNK);
  });

  it("an anonymous extension or import that announces 100 MB: 413 from the header, before any database work", async () => {
    persona.viewer = null;
    for (const [route, path] of [
      [extend, `/api/courses/${slug}/extensions`],
      [importGrades, `/api/courses/${slug}/gradebook/import`],
    ] as const) {
      const body = countingBody(100 * MB);
      const response = await route(request(path, "POST", body, 100 * MB), slugParams);
      expect(response.status).toBe(413);
      expect(body.pulled()).toBeLessThanOrEqual(CHUNK);
    }
  });
});

describe("an authorized body stops at the route's limit", () => {
  it("a TA's chunked 100 MB cell save: 413 once past 1 MB, the rest never read, no grade written", async () => {
    persona.viewer = ta;
    const grades = await t.db.grade.count();
    const body = countingBody(100 * MB);
    const response = await saveCell(request(`/api/courses/${slug}/grades/${hw1}/x`, "PUT", body), cellParams());
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    expect((await response.json()).error).toMatch(/larger than 1 MB/);
    expect(body.pulled()).toBeGreaterThan(JSON_BODY_LIMITS.metadata);
    expect(body.pulled()).toBeLessThanOrEqual(JSON_BODY_LIMITS.metadata + 2 * CHUNK);
    expect(await t.db.grade.count()).toBe(grades);
  });

  it("a student's link submission that claims 2 MB in Content-Length: 413 with nothing read", async () => {
    persona.viewer = student;
    const body = countingBody(2 * MB);
    const response = await submit(request(`/api/courses/${slug}/submissions`, "POST", body, 2 * MB), slugParams);
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(CHUNK);
  });

  it("a body that lies about its length (says 10 bytes, sends 100 MB) is still cut at the limit", async () => {
    persona.viewer = instructor;
    const body = countingBody(100 * MB);
    const response = await extend(request(`/api/courses/${slug}/extensions`, "POST", body, 10), slugParams);
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(JSON_BODY_LIMITS.metadata + 2 * CHUNK);
  });

  it("the grades import takes more than 1 MB (a 5 MB parse is read and validated) but not past its own limit", async () => {
    persona.viewer = ta;
    const big = countingBody(5 * MB);
    const within = await importGrades(request(`/api/courses/${slug}/gradebook/import`, "POST", big), slugParams);
    expect(within.status).toBe(422); // all whitespace: read to the end, then "not valid JSON"
    expect(big.pulled()).toBe(5 * MB);
    const over = countingBody(JSON_BODY_LIMITS.gradeImport + 10 * MB);
    const refused = await importGrades(request(`/api/courses/${slug}/gradebook/import`, "POST", over), slugParams);
    expect(refused.status).toBe(413);
    expect(over.pulled()).toBeLessThanOrEqual(JSON_BODY_LIMITS.gradeImport + 2 * CHUNK);
  });

  it("a body within the limit still saves (the size checks do not get in the way)", async () => {
    persona.viewer = ta;
    const seeded = await t.db.grade.findUnique({
      where: { assignmentId_studentId: { assignmentId: hw1, studentId: student.userId } },
    });
    const payload = new TextEncoder().encode(JSON.stringify({ version: seeded?.version ?? 0, score: 80 }));
    const response = await saveCell(
      new Request(`http://localhost/api/courses/${slug}/grades/${hw1}/${student.userId}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json", "Content-Length": String(payload.byteLength) },
        body: payload,
      }),
      cellParams(),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).cell.score).toBe(80);
  });
});
