// Brown CSCI 1390's "we'll give it a D or an F depending on whether it seems to basically work",
// end to end after the term: student 13 handed P3 in 110 h late (past "you cannot use more than 72
// hours per project"); the TA makes the call in the grade detail panel with the keyboard, and the
// student's grades page shows the letter and the points the project counts as.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/auth";

const slug = "csci1390";
const student = `student13@${slug}.demo`;

test("the TA chooses D for a capped project with the keyboard; the student sees it graded D", async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await browser.newContext();
  const page = await staff.newPage();
  await signIn(page, `ta@${slug}.demo`);
  await page.goto(`/courses/${slug}/gradebook`);
  await page.getByLabel("Search students").fill(student);
  const grid = page.getByRole("grid");
  await expect(grid.getByRole("row")).toHaveCount(2);
  const row = grid.getByRole("row").nth(1);
  const col = await page.getByRole("columnheader", { name: /^P3\b/ }).getAttribute("aria-colindex");
  await row.locator(`[aria-colindex="${col}"]`).click();
  await page.getByRole("button", { name: "Feedback & history" }).click();

  const panel = page.getByRole("complementary", { name: /^P3 · / });
  const call = panel.getByRole("group", { name: /Basically works\? D \/ F/ });
  await expect(call).toContainText("the late policy grades it D or F");
  await expect(call).toContainText("Not decided yet");
  const d = call.getByRole("button", { name: /^D · basically works/ });
  await expect(d).toHaveAttribute("aria-pressed", "false");
  await expectNoAxeViolations(page);

  // Keyboard only: from the panel's Close button, Tab until the D button has focus, then Enter.
  await panel.getByRole("button", { name: "Close" }).focus();
  for (let i = 0; i < 10 && !(await d.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(d).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("status")).toHaveText("Graded D: counts as at most 65% of the points.");
  await expect(d).toHaveAttribute("aria-pressed", "true");
  await expect(panel.getByRole("listitem").filter({ hasText: "basically works (D)" })).toBeVisible();
  await staff.close();

  const own = await browser.newContext();
  const mine = await own.newPage();
  await signIn(mine, student);
  await mine.goto(`/courses/${slug}/grades`);
  const p3 = mine.getByRole("listitem").filter({ has: mine.getByRole("heading", { name: /^Project 3/ }) });
  await expect(p3.getByTestId("capped-P3")).toContainText(/^D: [\d.]+ \/ 100/);
  await expect(p3.getByTestId("late-note-P3")).toHaveText(
    "Handed in more late hours than one assignment may use: graded D (65% of the points).",
  );
  await expectNoAxeViolations(mine);
  await own.close();
});
