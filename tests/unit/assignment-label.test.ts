import { describe, expect, it } from "vitest";
import { assignmentLabel, codeIsInTitle } from "@/lib/domain/assignment-label";

describe("assignmentLabel", () => {
  it("drops a code the title already spells (the issue's 'A1 Assignment 1', 'PROJECT Project')", () => {
    expect(assignmentLabel({ code: "A1", title: "Assignment 1" })).toBe("Assignment 1");
    expect(assignmentLabel({ code: "PROJECT", title: "Project" })).toBe("Project");
    expect(assignmentLabel({ code: "HW2", title: "Homework 2" })).toBe("Homework 2");
    expect(assignmentLabel({ code: "PLQ1", title: "Post-lecture quiz 1" })).toBe("Post-lecture quiz 1");
    expect(assignmentLabel({ code: "MP3", title: "Mini-project 3: Distributed training" })).toBe(
      "Mini-project 3: Distributed training",
    );
    expect(assignmentLabel({ code: "P1", title: "P1: Autodiff" })).toBe("P1: Autodiff");
    expect(assignmentLabel({ code: "HW1", title: "Written HW 1" })).toBe("Written HW 1");
    expect(assignmentLabel({ code: "PART", title: "Class participation" })).toBe("PART Class participation");
  });

  it("keeps a code that adds something", () => {
    expect(assignmentLabel({ code: "P4", title: "Scaling" })).toBe("P4 Scaling");
    expect(assignmentLabel({ code: "A1", title: "Assignment 2" })).toBe("A1 Assignment 2");
    expect(assignmentLabel({ code: "A1", title: "Assignment 10" })).toBe("A1 Assignment 10");
    expect(assignmentLabel({ code: "HW1", title: "Written exercise 1" })).toBe("HW1 Written exercise 1");
    expect(codeIsInTitle({ code: "Q1", title: "Project 1" })).toBe(false);
  });
});
