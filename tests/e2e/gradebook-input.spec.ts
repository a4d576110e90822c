// Issue 12, the gradebook's defects, one test each, as a TA meets them in Chromium: the "-5"
// keystroke, the error at the cell, extra credit asked at the cell, "Skip to grid" and Alt+G, the
// legend for the cell marks, and the phone's per-student entry at 390 px.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/auth";

const slug = "csci1390";

/** The gradebook with only one student's row left, found by their login address. */
async function openRowOf(page: Page, email: string): Promise<Locator> {
  await page.goto(`/courses/${slug}/gradebook`);
  await page.getByLabel("Search students").fill(email);
  const grid = page.getByRole("grid");
  await expect(grid.getByRole("row")).toHaveCount(2);
  return grid.getByRole("row").nth(1);
}

async function cellOf(page: Page, row: Locator, code: string): Promise<Locator> {
  const col = await page.getByRole("columnheader", { name: new RegExp(`^${code}\\b`) }).getAttribute("aria-colindex");
  return row.locator(`[aria-colindex="${col}"]`);
}

test.beforeEach(async ({ page }) => {
  await signIn(page, `ta@${slug}.demo`);
});

test('"-5" typed on a selected cell keeps the "-", is refused at the cell in words, and saves nothing', async ({
  page,
}) => {
  const row = await openRowOf(page, "student3@csci1390.demo");
  const cell = await cellOf(page, row, "HW1");
  const before = (await cell.innerText()).trim();
  await cell.click();
  await page.keyboard.type("-5", { delay: 30 });
  const input = row.getByRole("textbox", { name: /HW1 score for/ });
  await expect(input).toHaveValue("-5");
  await page.keyboard.press("Enter");

  // The editor stays open with the typed text; the cell is marked and the message is beside it.
  await expect(input).toBeFocused();
  await expect(input).toHaveValue("-5");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(cell).toHaveAttribute("aria-invalid", "true");
  const messageId = await input.getAttribute("aria-describedby");
  expect(messageId).toBeTruthy();
  const message = page.locator(`[id="${messageId}"]`);
  await expect(message).toContainText("Scores can't be negative");
  await expect(message).not.toContainText("is not a number");
  const cellBox = (await cell.boundingBox())!;
  const messageBox = (await message.boundingBox())!;
  // Beside the cell: starting within a few pixels below it and overlapping it horizontally.
  expect(Math.abs(messageBox.y - (cellBox.y + cellBox.height))).toBeLessThan(12);
  expect(messageBox.x).toBeLessThan(cellBox.x + cellBox.width);
  expect(messageBox.x + messageBox.width).toBeGreaterThan(cellBox.x);
  await expect(page.locator("#gb-edit-error")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Escape leaves the old value, and a reload shows nothing was saved.
  await page.keyboard.press("Escape");
  await expect(cell).toHaveText(before);
  await page.reload();
  const reloaded = await openRowOf(page, "student3@csci1390.demo");
  await expect(await cellOf(page, reloaded, "HW1")).toHaveText(before);
});

test("150 on a /100 item asks for extra-credit confirmation at the cell; 2140 is refused; confirmed, 150 is saved", async ({
  page,
}) => {
  const row = await openRowOf(page, "student4@csci1390.demo");
  await expect(page.getByRole("columnheader", { name: /^HW1/ })).toContainText("/100");
  const cell = await cellOf(page, row, "HW1");
  await cell.click();
  await page.keyboard.type("2140", { delay: 20 });
  await page.keyboard.press("Enter");
  const input = row.getByRole("textbox", { name: /HW1 score for/ });
  await expect(row.getByRole("alert")).toContainText("2140 is more than 2× the 100 points possible (at most 200)");
  await expect(input).toHaveValue("2140");

  await input.fill("150");
  await page.keyboard.press("Enter");
  const question = row.getByRole("alert");
  await expect(question).toContainText("150 is more than the 100 points possible. Save it as extra credit?");
  await expect(input).toHaveAttribute("aria-describedby", (await question.getAttribute("id"))!);
  await expect(page.getByRole("status")).not.toContainText("Saved HW1");
  await question.getByRole("button", { name: "Save as extra credit" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Saved HW1 for .*: 150/ })).toBeAttached();
  await expect(cell).toContainText("150");

  // In the database: a reload shows it.
  await page.reload();
  const reloaded = await openRowOf(page, "student4@csci1390.demo");
  await expect(await cellOf(page, reloaded, "HW1")).toContainText("150");
  // A second Enter answers the question from the keyboard as well.
  await (await cellOf(page, reloaded, "HW1")).click();
  await page.keyboard.press("Delete");
  await page.keyboard.type("120", { delay: 20 });
  await page.keyboard.press("Enter");
  await expect(reloaded.getByRole("alert")).toContainText("Save it as extra credit?");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /Saved HW1 for .*: 120/ })).toBeAttached();
});

test('"Skip to grid" is the first stop inside the page and Alt+G jumps to the grid from anywhere; the legend explains the marks', async ({
  page,
}) => {
  await page.goto(`/courses/${slug}/gradebook`);
  await expect(page.getByRole("grid")).toBeVisible();
  const skip = page.getByRole("link", { name: /Skip to grid/ });
  await expect(skip).toHaveAttribute("aria-keyshortcuts", "Alt+G");
  // The first stops inside the page, right after the course's tabs (the grid was 24 presses away
  // before): Skip to content, then a Tab or two. The header and tab bar grow with the course's
  // features, so the count starts where the page's own content does.
  await page.getByRole("link", { name: "Skip to content" }).focus();
  await page.keyboard.press("Enter");
  let presses = 0;
  while (presses < 5 && !(await skip.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press("Tab");
    presses++;
  }
  await expect(skip).toBeFocused();
  expect(presses).toBeLessThanOrEqual(3);
  await page.keyboard.press("Enter");
  const activeCell = page.getByRole("grid").locator('[tabindex="0"]');
  await expect(activeCell).toBeFocused();

  // Alt+G from the search box lands in the grid too.
  await page.getByLabel("Search students").focus();
  await page.keyboard.press("Alt+KeyG");
  await expect(activeCell).toBeFocused();

  const legend = page.getByRole("list", { name: "What the marks in the cells mean" });
  await expect(legend).toContainText("has feedback");
  await expect(legend).toContainText("excused");
  await expect(page.locator("#gb-help")).toContainText("Alt+G");
});

test("at 390 px the gradebook is a per-student entry: the full letter, scores typed per assignment, errors at the field", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, `ta@${slug}.demo`);
  await page.goto(`/courses/${slug}/gradebook`);
  await expect(page.getByRole("grid")).toBeHidden();
  await expect(page.getByText(/Arrow keys move/)).toBeHidden();
  await page.getByLabel("Search students").fill("student5@csci1390.demo");
  await expect(page.getByLabel(/^Student \(1 of 1\)/)).toBeVisible();
  // The current grade with its letter in full (the grid at 390 px cut the letter off).
  const current = page.locator("dt", { hasText: "Current grade" }).locator("xpath=following-sibling::dd[1]");
  await expect(current).toBeVisible();
  await expect(current).toHaveText(/^\d+(\.\d)?% [A-F][+-]?$/);
  // Nothing is cut off: the page does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const hw1 = page.getByLabel(/^HW1 Written HW 1/);
  await expect(hw1).toBeVisible();
  await hw1.fill("-5");
  await hw1.blur();
  await expect(hw1).toHaveAttribute("aria-invalid", "true");
  const messageId = (await hw1.getAttribute("aria-describedby"))!;
  await expect(page.locator(`[id="${messageId}"]`)).toHaveText("Scores can't be negative");
  await hw1.fill("87");
  await hw1.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /Saved HW1 for .*: 87/ })).toBeAttached();
  await page.reload();
  await page.getByLabel("Search students").fill("student5@csci1390.demo");
  await expect(page.getByLabel(/^HW1 Written HW 1/)).toHaveValue("87");
  await expectNoAxeViolations(page);
  await context.close();
});
