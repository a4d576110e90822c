// Late hours end to end on Brown CSCI 1390. The demo term (Spring 2025) is over,
// so this file starts its own server pair (scripts/e2e-server.ts, a fresh seeded
// database) with the server clock set to Fri Apr 25, 2025, 10:00 AM EDT: P4 was
// due Thu 6:00 PM, so a submission now is 16 h late of which 7 fall in the
// uncounted 00:00–07:00 window → 10 late hours.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/auth";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
const BASE = `http://127.0.0.1:${PORT}`;
const FAKE_NOW = "2025-04-25T14:00:00.000Z";
const ME = "/courses/csci1390/me";

let server: ChildProcess | null = null;
mkdirSync("test-results", { recursive: true });
const serverLog = `test-results/deadlines-server-${PORT}.log`;

async function healthy(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
}

test.describe.configure({ mode: "serial" });
test.use({ baseURL: BASE });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts", String(PORT)], {
    env: { ...process.env, LECTERN_FAKE_NOW: FAKE_NOW },
    // The server's JSON logs go to a file next to the other test results, for when something fails.
    stdio: ["ignore", openSync(serverLog, "w"), "inherit"],
  });
  for (let i = 0; i < 1200; i++) {
    if ((await healthy(PORT)) && (await healthy(PORT + 2))) return;
    if (server.exitCode !== null) throw new Error(`deadlines e2e server exited with ${server.exitCode}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("deadlines e2e server did not become healthy");
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server!.once("exit", r));
  server.kill("SIGTERM");
  await exited;
});

async function hoursUsed(page: Page): Promise<number> {
  const meter = page.getByRole("meter", { name: "Late hours used" });
  return Number(await meter.getAttribute("aria-valuenow"));
}

let charged = 0;
let usedBefore = 0;

test("a student submits P4 late with the keyboard only and sees the charge", async ({ page }) => {
  await signIn(page, "student1@csci1390.demo");
  await page.goto(ME);
  await expect(page.getByRole("heading", { name: "My deadlines", level: 1 })).toBeVisible();
  usedBefore = await hoursUsed(page);

  const form = page.getByRole("form", { name: "Submit P4" });
  const cost = await form.getByText(/Submitting now costs \d+ late hours, leaving \d+/).textContent();
  const [, n, left] = /costs (\d+) late hours, leaving (\d+)/.exec(cost ?? "")!;
  charged = Number(n);
  expect(charged).toBe(10);
  expect(Number(left)).toBe(144 - usedBefore - charged);
  await expectNoAxeViolations(page);

  // Keyboard only: Tab from the top of the page to P4's link field, type, Tab to the button, Enter.
  const field = form.getByLabel("Link to your work");
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < 200 && !(await field.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(field).toBeFocused();
  await page.keyboard.type("https://github.com/sofia/p4-vector-db");
  await page.keyboard.press("Tab");
  await expect(form.getByRole("button", { name: "Submit P4" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("status").filter({ hasText: "Submitted P4" })).toContainText(`${charged} late hours charged`);
  await expect.poll(() => hoursUsed(page)).toBe(usedBefore + charged);
  const ledger = page.getByRole("region", { name: "Ledger" });
  await expect(ledger.getByRole("row").filter({ hasText: "P4 submitted" })).toContainText(`+${charged}`);
  await expectNoAxeViolations(page);
});

test("the instructor extends P4 for everyone with its announcement, and the student sees the refund", async ({ browser }) => {
  const staffContext = await browser.newContext({ baseURL: BASE });
  const staff = await staffContext.newPage();
  await signIn(staff, "instructor@csci1390.demo");
  await staff.goto("/courses/csci1390/late-hours");
  await expect(staff.getByRole("heading", { name: "Late hours", level: 1 })).toBeVisible();
  await expect(staff.getByRole("table", { name: "Students by late hours used" })).toBeVisible();
  await expectNoAxeViolations(staff);

  // The student's ledger for staff, with the instructor's adjustment form.
  await staff.getByRole("region", { name: "Ledgers by student" }).getByRole("link", { name: "Sofia Alvarez" }).click();
  await expect(staff.getByRole("heading", { name: "Sofia Alvarez", level: 1 })).toBeVisible();
  await expect(staff.getByRole("region", { name: "Ledger" }).getByRole("row").filter({ hasText: "P4 submitted" })).toContainText(`+${charged}`);
  await expect(staff.getByRole("form", { name: "Adjust Sofia Alvarez's late hours" })).toBeVisible();
  await expectNoAxeViolations(staff);
  await staff.getByRole("link", { name: "← All students" }).click();

  await staff.getByRole("link", { name: "Extensions" }).click();
  const form = staff.getByRole("form", { name: "Extend an assignment for everyone" });
  await form.getByLabel("Assignment").selectOption({ label: "P4 — Project 4: Vector Databases (due Thu Apr 24, 6:00 PM EDT)" });
  await form.getByLabel(/New due date/).fill("2025-04-26");
  await form.getByLabel("New due time").fill("18:00");
  await form.getByLabel("Reason (optional)").fill("The vector database cluster was down on Thursday.");
  await expect(form.getByLabel("Announcement title")).toHaveValue("P4 is extended to Sat Apr 26, 6:00 PM EDT");
  const body = form.getByLabel("Announcement (Markdown)");
  await expect(body).toHaveValue(/P4 \(Project 4: Vector Databases\) is extended to Sat Apr 26, 6:00 PM EDT\./);
  await body.fill("P4 is extended to Sat Apr 26, 6:00 PM EDT. Sorry about the outage!");
  await expectNoAxeViolations(staff);
  await form.getByRole("button", { name: "Extend for everyone" }).click();
  await expect(form.getByRole("status")).toContainText(/Extended to Sat Apr 26, 6:00 PM EDT and announced\. \d+ ledger entries appended, \d+ h refunded/);
  await staffContext.close();

  const studentContext = await browser.newContext({ baseURL: BASE });
  const student = await studentContext.newPage();
  await signIn(student, "student1@csci1390.demo");
  await student.goto(ME);
  await expect.poll(() => hoursUsed(student)).toBe(usedBefore);
  const refund = student.getByRole("region", { name: "Ledger" }).getByRole("row").filter({ hasText: "Refund" });
  await expect(refund).toContainText(`-${charged}`);
  await expect(refund).toContainText("Course-wide extension of P4 to Sat Apr 26, 6:00 PM EDT");
  await expect(student.getByRole("listitem").filter({ has: student.getByRole("heading", { name: /^P4/ }) })).toContainText("Extended");
  await expectNoAxeViolations(student);
  await studentContext.close();
});
