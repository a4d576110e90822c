// Issue 17's end-to-end test on Brown CSCI 1390 with the server clock at Fri Apr 25, 2025,
// 10:00 AM EDT (P4 was due Thu 6:00 PM; a hand-in now is 10 late hours): the instructor sets the
// rule "at most 48 h, at most twice per student", a student hands P4 in late, asks for 48 h and
// sees beforehand that approval refunds the 10 hours; the rule approves it at once, the ledger
// refunds, My deadlines and the personal feed show the new date (Sat 6:00 PM), the queue shows
// the automatic decision and the local outbox holds the decision email.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/auth";
import { startFakeClockServer } from "./support/fake-clock-server";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 20;
const BASE = `http://127.0.0.1:${PORT}`;
const SLUG = "csci1390";
const ME = `/courses/${SLUG}/me`;
const STUDENT = `student1@${SLUG}.demo`;

test.describe.configure({ mode: "serial", timeout: 240_000 });
test.use({ baseURL: BASE });
startFakeClockServer({ name: "extension-requests", port: PORT, fakeNow: "2025-04-25T14:00:00.000Z" });

async function hoursUsed(page: Page): Promise<number> {
  return Number(await page.getByRole("meter", { name: "Late hours used" }).getAttribute("aria-valuenow"));
}

test("a student asks for 48 h, the rule approves it, the ledger refunds, the dates and the email follow", async ({
  browser,
}) => {
  // ---- the instructor's rule
  const staffContext = await browser.newContext({ baseURL: BASE });
  const staff = await staffContext.newPage();
  await signIn(staff, `instructor@${SLUG}.demo`);
  await staff.goto(`/courses/${SLUG}/requests`);
  await expect(staff.getByRole("heading", { name: "Extension requests", level: 1 })).toBeVisible();
  const rule = staff.getByRole("form", { name: "Automatic rule" });
  await rule.getByLabel("Approve some requests automatically").check();
  await rule.getByLabel("At most (hours)").fill("48");
  await rule.getByLabel(/At most this many per student/).fill("2");
  // Asked after the deadline, for work already handed in late: the refund case.
  await rule.getByLabel("Only requests made before the deadline").uncheck();
  await rule.getByRole("button", { name: "Save rule" }).click();
  await expect(rule.getByRole("status")).toHaveText(
    "Saved: requests of at most 48 h are approved at once, at most 2 per student.",
  );
  await expectNoAxeViolations(staff);

  // ---- the student hands P4 in late
  const studentContext = await browser.newContext({ baseURL: BASE });
  const page = await studentContext.newPage();
  await signIn(page, STUDENT);
  await page.goto(ME);
  const usedBefore = await hoursUsed(page);
  const submit = page.getByRole("form", { name: "Submit P4" });
  await submit.getByLabel("Link to your work").fill("https://github.com/sofia/p4-vector-db");
  await submit.getByRole("button", { name: "Submit P4" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Submitted P4" })).toContainText("10 late hours charged");
  await expect.poll(() => hoursUsed(page)).toBe(usedBefore + 10);

  // ---- asks for 48 h and sees what approval would do first
  const form = page.getByRole("form", { name: "Request an extension" });
  await form
    .getByLabel("Assignment")
    .selectOption({ label: "Project 4: Vector Databases (due Thu Apr 24, 6:00 PM EDT)" });
  await form.getByLabel("Hours after the current due date").fill("48");
  await form.getByLabel("Reason (markdown)").fill("I had the **flu** from Tuesday to Thursday.");
  await form.getByRole("button", { name: "Check what approval would do" }).click();
  const preview = page.getByTestId("request-preview");
  await expect(preview).toContainText("Asks for 48 h more: due Sat Apr 26, 6:00 PM EDT.");
  await expect(preview).toContainText("approval refunds 10 late hours (charged 10, then 0)");
  await expect(preview).toContainText("The course's rule approves a request like this at once.");
  await expectNoAxeViolations(page);
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.getByRole("status")).toContainText(
    "Approved by the course's rule: now due Sat Apr 26, 6:00 PM EDT.",
  );

  // ---- the ledger refunded; My deadlines shows the new date and the decision
  await page.reload();
  await expect.poll(() => hoursUsed(page)).toBe(usedBefore);
  const mine = page.getByRole("list", { name: "My extension requests" });
  await expect(mine.getByRole("listitem").filter({ hasText: "P4" })).toContainText("Approved (by the rule)");
  const p4 = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: /^Project 4: Vector Databases/ }) });
  await expect(p4).toContainText("Due Sat Apr 26, 6:00 PM EDT");
  await expect(p4).toContainText("Extended");
  const refund = page.getByRole("region", { name: "Ledger" }).getByRole("row").filter({ hasText: "Refund" });
  await expect(refund).toContainText("-10");
  await expect(refund).toContainText("approved by the course's rule");

  // ---- the personal feed, fetched as a calendar app would (no cookies), has the new time
  await page.goto(`${ME}/feed`);
  const feedUrl = await page.getByTestId("feed-url").inputValue();
  const feed = await (await browser.newContext()).request.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("20250426T180000");

  // ---- the queue shows the automatic decision; the outbox holds the decision email
  await staff.goto(`/courses/${SLUG}/requests`);
  const decided = staff.getByRole("list", { name: "Decided requests" }).getByRole("listitem").filter({ hasText: "P4" });
  await expect(decided).toContainText("Decided automatically by the course's rule");
  await staff.goto("/dev/outbox");
  const email = staff
    .getByRole("listitem")
    .filter({ hasText: "[CSCI 1390] Extension request for P4: approved" })
    .filter({ hasText: STUDENT });
  await expect(email).toHaveCount(1);
  await email.locator("summary").click();
  await expect(email.locator("pre")).toContainText("Decided automatically by the course's extension rule.");
  await staffContext.close();
  await studentContext.close();
});
