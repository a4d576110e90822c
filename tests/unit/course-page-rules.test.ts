import { describe, expect, it } from "vitest";
import { coursePageRule, roleAllows } from "@/lib/server/authorization/permissions";

// Which early check each protected page gets (the course layout runs it before streaming).
describe("coursePageRules", () => {
  const needs = (path: string) => {
    const rule = coursePageRule(path);
    return !rule ? null : "permission" in rule ? rule.permission : `record:${rule.record.all}/${rule.record.own}`;
  };

  it("maps each staff and student page to its permission, most specific first", () => {
    expect(needs("/manage")).toBe("course.edit");
    expect(needs("/manage/roster")).toBe("roster.read");
    expect(needs("/manage/schedule")).toBe("schedule.edit");
    expect(needs("/manage/import")).toBe("course.import");
    expect(needs("/gradebook/import")).toBe("grades.import");
    expect(needs("/gradebook/assignments/x")).toBe("gradebook.read");
    expect(needs("/late-hours/students/abc")).toBe("record:ledger.read.all/own.late-hours.read");
    expect(needs("/people/abc")).toBe("record:roster.read/own.submissions.read");
    expect(needs("/me/feed")).toBe("own.deadlines.read");
  });

  it("leaves public pages alone, and does not match look-alike paths", () => {
    for (const path of [
      "/",
      "/schedule",
      "/announcements",
      "/announcements/abc",
      "/assignments",
      "/speakers",
      "/managed",
      "/gradebooks",
    ]) {
      expect(needs(path), path).toBeNull();
    }
  });

  it("TAs read the roster but do not edit the course; students reach only their own pages", () => {
    expect(roleAllows("roster.read", "TA")).toBe(true);
    expect(roleAllows("course.edit", "TA")).toBe(false);
    expect(roleAllows("policy.edit", "TA")).toBe(false);
    expect(roleAllows("scheme.edit", "TA")).toBe(false);
    expect(roleAllows("grades.edit", "TA")).toBe(true);
    expect(roleAllows("own.grades.read", "AUDITOR")).toBe(false);
    expect(roleAllows("course.read", "AUDITOR")).toBe(true);
    expect(roleAllows("gradebook.read", "STUDENT")).toBe(false);
  });
});
