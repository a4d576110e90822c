// Late hours end to end on Brown CSCI 1390. The demo term (Spring 2025) is over,
// so each test starts its own server pair (scripts/e2e-server.ts, a fresh seeded
// database) with the server clock set to Fri Apr 25, 2025, 10:00 AM EDT: P4 was
// due Thu 6:00 PM, so a submission now is 16 h late of which 7 fall in the
// uncounted 00:00–07:00 window → 10 late hours.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/auth";
import { startFakeClockServer } from "./support/fake-clock-server";

const FAKE_NOW = "2025-04-25T14:00:00.000Z";
const ME = "/courses/csci1390/me";
const SOFIA = "student1@csci1390.demo";
/** 16 h late, 7 of them in the uncounted night window (see the top of the file). */
const CHARGED = 10;

// Several sign-ins and axe scans per test on a busy 2-core machine need more than the default minute.
test.describe.configure({ timeout: 180_000 });

/**
 * Each test has a server pair and a freshly seeded database of its own, so that it runs alone
 * (`-g`) or in any order: what it needs from an earlier step it sets up itself, through the JSON API.
 */
function onOwnServer(name: string, offset: number, body: (base: string) => void): void {
  const port = Number(process.env.E2E_PORT ?? 3100) + offset;
  const base = `http://127.0.0.1:${port}`;
  test.describe(name, () => {
    test.use({ baseURL: base });
    startFakeClockServer({ name: `deadlines-${offset}`, port, fakeNow: FAKE_NOW });
    body(base);
  });
}

async function hoursUsed(page: Page): Promise<number> {
  const meter = page.getByRole("meter", { name: "Late hours used" });
  return Number(await meter.getAttribute("aria-valuenow"));
}

async function signedIn(
  browser: Browser,
  base: string,
  email: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/** Sofia hands in P4 now (Fri 10 AM) through the JSON API; returns P4's id. */
async function sofiaSubmitsP4(browser: Browser, base: string): Promise<string> {
  const { context, page } = await signedIn(browser, base, SOFIA);
  await page.goto(ME);
  const assignmentId = await page
    .getByRole("form", { name: "Submit P4" })
    .locator('input[name="assignmentId"]')
    .inputValue();
  const res = await page.request.post("/api/courses/csci1390/submissions", {
    headers: { origin: base },
    data: { assignmentId, url: "https://github.com/sofia/p4-vector-db" },
  });
  expect(res.status(), await res.text()).toBe(201);
  expect((await res.json()).ledgerChange).toEqual({ kind: "CHARGE", hours: CHARGED });
  await context.close();
  return assignmentId;
}

/** The instructor extends P4 for everyone to Sat Apr 26, 6:00 PM EDT through the JSON API. */
async function extendP4ForEveryone(browser: Browser, base: string, assignmentId: string): Promise<void> {
  const { context, page } = await signedIn(browser, base, "instructor@csci1390.demo");
  const res = await page.request.post("/api/courses/csci1390/extensions", {
    headers: { origin: base },
    data: { assignmentId, dueAt: "2025-04-26T18:00:00-04:00", reason: "Cluster outage", announcement: null },
  });
  expect(res.status(), await res.text()).toBe(201);
  await context.close();
}

onOwnServer("submitting late", 10, () => {
  test("a student submits P4 late with the keyboard only and sees the charge", async ({ page }) => {
    await signIn(page, SOFIA);
    await page.goto(ME);
    await expect(page.getByRole("heading", { name: "My deadlines", level: 1 })).toBeVisible();
    const usedBefore = await hoursUsed(page);
    const charged = CHARGED;

    const form = page.getByRole("form", { name: "Submit P4" });
    const cost = await form.getByText(/Submitting now costs \d+ late hours, leaving \d+/).textContent();
    const [, n, left] = /costs (\d+) late hours, leaving (\d+)/.exec(cost ?? "")!;
    expect(Number(n)).toBe(charged);
    expect(Number(left)).toBe(144 - usedBefore - charged);
    await expectNoAxeViolations(page);

    // Keyboard only: Tab from the top of the page to P4's link field, type, Tab to the button, Enter.
    const field = form.getByLabel("Link to your work");
    await page.locator("body").click({ position: { x: 1, y: 1 } });
    for (let i = 0; i < 200 && !(await field.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(field).toBeFocused();
    await page.keyboard.type("https://github.com/sofia/p4-vector-db");
    await page.keyboard.press("Tab");
    await expect(form.getByRole("button", { name: "Submit P4" })).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(page.getByRole("status").filter({ hasText: "Submitted P4" })).toContainText(
      `${charged} late hours charged`,
    );
    await expect.poll(() => hoursUsed(page)).toBe(usedBefore + charged);
    const ledger = page.getByRole("region", { name: "Ledger" });
    await expect(ledger.getByRole("row").filter({ hasText: "P4 submitted" })).toContainText(`+${charged}`);
    await expectNoAxeViolations(page);
  });
});

onOwnServer("a course-wide extension", 14, (base) => {
  test("the instructor extends P4 for everyone with its announcement, and the student sees the refund", async ({
    browser,
  }) => {
    const charged = CHARGED;
    const before = await signedIn(browser, base, SOFIA);
    await before.page.goto(ME);
    const usedBefore = await hoursUsed(before.page);
    await before.context.close();
    await sofiaSubmitsP4(browser, base);

    const staffContext = await browser.newContext({ baseURL: base });
    const staff = await staffContext.newPage();
    await signIn(staff, "instructor@csci1390.demo");
    await staff.goto("/courses/csci1390/late-hours");
    await expect(staff.getByRole("heading", { name: "Late hours", level: 1 })).toBeVisible();
    await expect(staff.getByRole("table", { name: "Students by late hours used" })).toBeVisible();
    await expectNoAxeViolations(staff);

    // The student's ledger for staff, with the instructor's adjustment form.
    await staff
      .getByRole("region", { name: "Ledgers by student" })
      .getByRole("link", { name: "Sofia Alvarez" })
      .click();
    await expect(staff.getByRole("heading", { name: "Sofia Alvarez", level: 1 })).toBeVisible();
    await expect(
      staff.getByRole("region", { name: "Ledger" }).getByRole("row").filter({ hasText: "P4 submitted" }),
    ).toContainText(`+${charged}`);
    await expect(staff.getByRole("form", { name: "Adjust Sofia Alvarez's late hours" })).toBeVisible();
    await expectNoAxeViolations(staff);
    await staff.getByRole("link", { name: "← All students" }).click();

    await staff.getByRole("link", { name: "Extensions" }).click();
    const form = staff.getByRole("form", { name: "Extend an assignment for everyone" });
    // The form starts on the next open work (issue 12): P4 closed yesterday and no project is open,
    // so Written HW 2 (due May 6), not PLQ1, which closed in February.
    await expect(form.getByLabel("Assignment").locator("option:checked")).toHaveText(/^Written HW 2 \(due Tue May 6/);
    await form
      .getByLabel("Assignment")
      .selectOption({ label: "Project 4: Vector Databases (due Thu Apr 24, 6:00 PM EDT)" });
    await form.getByLabel(/New due date/).fill("2025-04-26");
    await form.getByLabel("New due time").fill("18:00");
    await form.getByLabel("Reason (optional)").fill("The vector database cluster was down on Thursday.");
    await expect(form.getByLabel("Announcement title")).toHaveValue("P4 is extended to Sat Apr 26, 6:00 PM EDT");
    const body = form.getByLabel("Announcement (Markdown)");
    await expect(body).toHaveValue(/P4 \(Project 4: Vector Databases\) is extended to Sat Apr 26, 6:00 PM EDT\./);
    await body.fill("P4 is extended to Sat Apr 26, 6:00 PM EDT. Sorry about the outage!");
    await expectNoAxeViolations(staff);
    await form.getByRole("button", { name: "Extend for everyone" }).click();
    await expect(form.getByRole("status")).toContainText(
      /Extended to Sat Apr 26, 6:00 PM EDT and announced\. \d+ ledger entries appended, \d+ h refunded/,
    );
    await staffContext.close();

    const studentContext = await browser.newContext({ baseURL: base });
    const student = await studentContext.newPage();
    await signIn(student, SOFIA);
    await student.goto(ME);
    await expect.poll(() => hoursUsed(student)).toBe(usedBefore);
    const refund = student.getByRole("region", { name: "Ledger" }).getByRole("row").filter({ hasText: "Refund" });
    await expect(refund).toContainText(`-${charged}`);
    await expect(refund).toContainText("Course-wide extension of P4 to Sat Apr 26, 6:00 PM EDT");
    await expect(
      student
        .getByRole("listitem")
        .filter({ has: student.getByRole("heading", { name: /^Project 4: Vector Databases/ }) }),
    ).toContainText("Extended");
    await expectNoAxeViolations(student);
    await studentContext.close();
  });
});

onOwnServer("CSV import, personal extensions and adjustments", 24, (base) => {
  test("the instructor's CSV import previews row errors and applies nothing; adjustments and personal extensions reach the student", async ({
    browser,
  }) => {
    // Where the first two tests leave Sofia: P4 handed in Fri 10 AM, then extended for everyone to Sat 6 PM.
    await extendP4ForEveryone(browser, base, await sofiaSubmitsP4(browser, base));

    const staffContext = await browser.newContext({ baseURL: base });
    const staff = await staffContext.newPage();
    await signIn(staff, "instructor@csci1390.demo");
    await staff.goto("/courses/csci1390/late-hours/extensions");

    const csv = staff.getByRole("form", { name: "Import extensions from a CSV" });
    await csv
      .getByLabel("Or paste it")
      .fill(
        "email,assignment,due_date,due_time,reason\nstudent2@csci1390.demo,P4,2025-04-27,18:00,Travel\nnobody@csci1390.demo,P4,2025-04-31,18:00,\n",
      );
    await csv.getByRole("button", { name: "Apply all rows" }).click();
    await expect(csv.getByRole("alert")).toContainText("Nothing was applied. 1 of 2 rows have errors");
    await expect(csv.getByRole("row").filter({ hasText: "nobody@csci1390.demo" })).toContainText(
      "is not an enrolled student",
    );
    await expect(staff.getByRole("region", { name: "History" })).not.toContainText("Travel");

    const personal = staff.getByRole("form", { name: "Extend for chosen students" });
    await personal
      .getByLabel("Assignment")
      .selectOption({ label: "Project 4: Vector Databases (due Sat Apr 26, 6:00 PM EDT)" });
    await personal.getByLabel("Filter students").fill("Sofia");
    await personal.getByRole("checkbox", { name: /Sofia Alvarez/ }).check();
    await personal.getByLabel(/New due date/).fill("2025-04-24");
    await personal.getByLabel("New due time").fill("20:00");
    await personal.getByLabel("Reason").fill("Dean's note: hospital visit");
    await personal.getByRole("button", { name: "Extend for 1 student" }).click();
    await expect(personal.getByRole("status")).toContainText("1 student extended to Thu Apr 24, 8:00 PM EDT");
    await expectNoAxeViolations(staff);

    await staff.goto("/courses/csci1390/late-hours");
    await staff
      .getByRole("region", { name: "Ledgers by student" })
      .getByRole("link", { name: "Sofia Alvarez" })
      .click();
    const adjust = staff.getByRole("form", { name: "Adjust Sofia Alvarez's late hours" });
    await adjust.getByLabel("Hours", { exact: true }).fill("5");
    await adjust.getByLabel("Reason").fill("Dean's note: illness in March");
    await adjust.getByRole("button", { name: "Add adjustment" }).click();
    await expect(adjust.getByRole("status")).toContainText("5 h given back");
    await staffContext.close();

    const studentContext = await browser.newContext({ baseURL: base });
    const student = await studentContext.newPage();
    await signIn(student, SOFIA);
    await student.goto(ME);
    const ledger = student.getByRole("region", { name: "Ledger" });
    await expect(ledger.getByRole("row").filter({ hasText: "Dean's note: illness in March" })).toContainText("-5");
    // Her own extension (Thu 8 PM) beats the course-wide one: the Fri 10 AM submission is late again.
    await expect(
      ledger.getByRole("row").filter({ hasText: "Personal extension: P4 due Thu Apr 24, 8:00 PM EDT" }),
    ).toContainText("Charge");
    const p4 = student
      .getByRole("listitem")
      .filter({ has: student.getByRole("heading", { name: /^Project 4: Vector Databases/ }) });
    await expect(p4).toContainText("Dean's note: hospital visit");
    // 375 px wide: nothing overflows the page sideways (wide tables scroll inside their own box).
    await student.setViewportSize({ width: 375, height: 800 });
    expect(await student.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await studentContext.close();
  });
});
