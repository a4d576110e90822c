import { describe, expect, it } from "vitest";
import { defaultExtensionTarget } from "@/lib/domain/extension-default";

const at = (iso: string) => new Date(iso);
// Brown CSCI 1390's shape: PLQs through February, homeworks, projects P1–P4.
const course = [
  { id: "plq1", kind: "QUIZ", dueAt: at("2025-02-04T14:00:00Z") },
  { id: "p1", kind: "PROJECT", dueAt: at("2025-02-21T04:59:00Z") },
  { id: "hw2", kind: "HOMEWORK", dueAt: at("2025-03-14T03:59:00Z") },
  { id: "p2", kind: "PROJECT", dueAt: at("2025-03-21T03:59:00Z") },
  { id: "p4", kind: "PROJECT", dueAt: at("2025-05-02T03:59:00Z") },
];

describe("defaultExtensionTarget", () => {
  it("starts on the next open project, not the first assignment of the term", () => {
    expect(defaultExtensionTarget(course, at("2025-03-12T14:00:00Z"))).toBe("p2"); // hw2 is due first, but is no project
    expect(defaultExtensionTarget(course, at("2025-01-25T12:00:00Z"))).toBe("p1");
  });

  it("a project due exactly now is closed; the next one is chosen", () => {
    expect(defaultExtensionTarget(course, at("2025-03-21T03:59:00Z"))).toBe("p4");
  });

  it("falls back to the next open assignment, then to the last one due when the term is over", () => {
    const noProjects = course.filter((a) => a.kind !== "PROJECT");
    expect(defaultExtensionTarget(noProjects, at("2025-03-01T00:00:00Z"))).toBe("hw2");
    expect(defaultExtensionTarget(course, at("2026-12-04T00:00:00Z"))).toBe("p4");
    expect(defaultExtensionTarget([], at("2026-12-04T00:00:00Z"))).toBeUndefined();
  });

  it("reads due dates, not list order", () => {
    expect(defaultExtensionTarget([...course].reverse(), at("2025-03-12T14:00:00Z"))).toBe("p2");
  });
});
