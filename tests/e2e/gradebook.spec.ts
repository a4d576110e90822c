import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/auth";

const slug = "csci1390";

/** The body cell of `row` under the column whose header starts with `code`. */
async function cellOf(page: Page, row: ReturnType<Page["getByRole"]>, code: string) {
  const col = await page.getByRole("columnheader", { name: new RegExp(`^${code}\\b`) }).getAttribute("aria-colindex");
  return row.locator(`[aria-colindex="${col}"]`);
}

test("a TA grades three cells and excuses one with the keyboard, and releases; the student sees the grades and their standing", async ({
  browser,
}) => {
  // Two sign-ins, four saves, a release and the student's page: one flow, more than the default budget.
  test.slow();
  const staff = await browser.newContext();
  const page = await staff.newPage();
  await signIn(page, `ta@${slug}.demo`);
  await page.goto(`/courses/${slug}/gradebook`);
  await expect(page.getByRole("heading", { name: "Gradebook", level: 1 })).toBeVisible();
  const grid = page.getByRole("grid");
  await expect(grid).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /^HW2/ })).toContainText("hidden");
  await expectNoAxeViolations(page);

  // Only Sofia Alvarez (student 1) is left after searching.
  await page.getByLabel("Search students").fill("Sofia Alvarez");
  await expect(grid.getByRole("row")).toHaveCount(2);
  const row = grid.getByRole("row", { name: /Sofia Alvarez/ });

  // HW2: click, type a number (type-to-edit), Tab saves and moves right to PLQ1.
  await (await cellOf(page, row, "HW2")).click();
  await page.keyboard.type("91", { delay: 30 });
  await expect(row.getByRole("textbox", { name: /HW2 score for Sofia Alvarez/ })).toHaveValue("91");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("status").filter({ hasText: "Saved HW2 for Sofia Alvarez: 91" })).toBeAttached();
  // PLQ1: Enter edits the current value; replace it and save with Enter.
  await page.keyboard.press("Enter");
  const plq = row.getByRole("textbox", { name: /PLQ1 score for Sofia Alvarez/ });
  await expect(plq).toBeFocused();
  await plq.fill("");
  await page.keyboard.type("88", { delay: 30 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved PLQ1 for Sofia Alvarez: 88" })).toBeAttached();
  // Escape cancels an edit; End jumps to the last column (PART), where a digit starts editing.
  await page.keyboard.type("5");
  await page.keyboard.press("Escape");
  await expect(row.getByRole("textbox")).toHaveCount(0);
  await expect(await cellOf(page, row, "PLQ1")).toContainText("88");
  await page.keyboard.press("End");
  await page.keyboard.type("97", { delay: 30 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved PART for Sofia Alvarez: 97" })).toBeAttached();
  // PLQ2: "ex" excuses (Canvas's EX): no score, left out of the grade.
  await (await cellOf(page, row, "PLQ2")).click();
  await page.keyboard.type("ex", { delay: 30 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved PLQ2 for Sofia Alvarez: excused" })).toBeAttached();
  await expect(await cellOf(page, row, "PLQ2")).toContainText("EX");

  // The saves are in the database: a reload shows them.
  await page.reload();
  await page.getByLabel("Search students").fill("Sofia Alvarez");
  const reloaded = page.getByRole("grid").getByRole("row", { name: /Sofia Alvarez/ });
  await expect(await cellOf(page, reloaded, "HW2")).toContainText("91");
  await expect(await cellOf(page, reloaded, "PLQ1")).toContainText("88");
  await expect(await cellOf(page, reloaded, "PART")).toContainText("97");
  await expect(await cellOf(page, reloaded, "PLQ2")).toContainText("EX");
  // The detail panel excuses too (on a phone the cell's numeric keyboard has no letters), and takes it back.
  await (await cellOf(page, reloaded, "PLQ3")).click();
  await page.getByRole("button", { name: "Feedback & history" }).click();
  const panel = page.getByRole("complementary", { name: /PLQ3 · Sofia Alvarez/ });
  await panel.getByRole("button", { name: "Excuse (EX)" }).click();
  await expect(await cellOf(page, reloaded, "PLQ3")).toContainText("EX");
  await expect(panel.getByRole("button", { name: "Remove the excuse" })).toBeVisible();
  await panel.getByRole("button", { name: "Remove the excuse" }).click();
  await expect(await cellOf(page, reloaded, "PLQ3")).not.toContainText("EX");
  await expect(panel.getByRole("button", { name: "Excuse (EX)" })).toBeVisible();
  await expect(panel.getByRole("listitem").first()).toContainText("EX → blank");

  // Release HW2.
  await page.getByRole("link", { name: "Assignments, release & statistics" }).click();
  await page.getByRole("button", { name: "Release HW2 grades" }).click();
  await expect(page.getByRole("status").filter({ hasText: "HW2 grades released to students." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Hide HW2 grades" })).toBeVisible();
  await staff.close();

  // The student sees the released grades and a standing.
  const own = await browser.newContext();
  const student = await own.newPage();
  await signIn(student, `student1@${slug}.demo`);
  await student.goto(`/courses/${slug}/grades`);
  await expect(student.getByRole("heading", { name: "My grades", level: 1 })).toBeVisible();
  const hw2 = student.getByRole("listitem").filter({ has: student.getByRole("heading", { name: "Written HW 2" }) });
  await expect(hw2).toContainText("91 / 100");
  await expect(
    student.getByRole("listitem").filter({ has: student.getByRole("heading", { name: /Class participation$/ }) }),
  ).toContainText("97 / 100");
  await expect(
    student.getByRole("listitem").filter({ has: student.getByRole("heading", { name: /^Post-lecture quiz 1:/ }) }),
  ).toContainText("88 / 100");
  await expect(
    student.getByRole("listitem").filter({ has: student.getByRole("heading", { name: /^Post-lecture quiz 2:/ }) }),
  ).toContainText("Excused (not counted)");
  await expect(student.getByTestId("standing")).toHaveText(/\d+\.\d\d% [A-F]/);
  await expect(student.getByRole("region", { name: "By category" })).toContainText("Course Projects");
  await expectNoAxeViolations(student);

  // The gradebook is staff-only.
  const response = await student.goto(`/courses/${slug}/gradebook`);
  expect(response?.status()).toBe(403);
  await own.close();
});

test("the assignment statistics and scheme pages are accessible", async ({ page }) => {
  await signIn(page, `instructor@${slug}.demo`);
  await page.goto(`/courses/${slug}/gradebook/assignments`);
  await expect(page.getByRole("table", { name: "Students per current letter" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "P1", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Project 1: Parallelism/ })).toBeVisible();
  await expect(page.getByText("Submitted late")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/courses/${slug}/gradebook/scheme`);
  await page.getByRole("button", { name: "Preview the effect" }).click();
  await expect(page.getByRole("heading", { name: /Preview: current letters/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
