import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/auth";

// Email without a mail server (issue 17): the e2e server has no SMTP_URL, so an announcement's
// emails land in the local outbox. The instructor reads them at /dev/outbox, the link at the
// bottom of the student's email opens the unsubscribe page in a browser that is not signed in,
// its button turns announcements off, and the student's email settings page shows it.

const SLUG = "csc490";
const STUDENT = `student1@${SLUG}.demo`;
const run = Date.now().toString(36);

test("an announcement's email reaches /dev/outbox; its unsubscribe link works signed out; the settings page agrees", async ({
  page,
  browser,
}) => {
  const title = `Quiz moved ${run}`;
  await signIn(page, `instructor@${SLUG}.demo`);
  await page.goto(`/courses/${SLUG}/manage/announcements`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Body (markdown)").fill("The quiz is on **Friday** now.");
  await page.getByRole("button", { name: "Post announcement" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Posted “${title}”` })).toBeVisible();

  await page.goto("/dev/outbox");
  await expect(page.getByRole("heading", { name: "Local outbox", level: 1 })).toBeVisible();
  const email = page
    .getByRole("listitem")
    .filter({ hasText: `[CSC 490] ${title}` })
    .filter({ hasText: STUDENT });
  await expect(email).toHaveCount(1);
  // The worker beside the server delivers it (the .eml file under .data/mail/).
  await expect(async () => {
    await page.reload();
    await expect(email.getByText("Delivered")).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expectNoAxeViolations(page);
  await email.locator("summary").click();
  await expect(email.locator("pre")).toContainText("The quiz is on **Friday** now.");
  const link = email.getByRole("link", { name: /\/unsubscribe\// });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[\w-]+\.[\w-]+$/);

  // ---- signed out, as a mail app opens the link
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(new URL(href!).pathname);
  await expect(visitor.getByRole("heading", { name: "Unsubscribe", level: 1 })).toBeVisible();
  await expect(visitor.getByText(`Stop sending emails about announcements to ${STUDENT}?`)).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(visitor.getByRole("status")).toHaveText(
    `Done: ${STUDENT} gets no more emails about announcements from Lectern.`,
  );
  await visitor.reload();
  await expect(visitor.getByRole("status")).toHaveText(
    `${STUDENT} already gets no emails about announcements from Lectern.`,
  );
  await context.close();

  // ---- the student's own settings show it, and turn it back on
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await signIn(student, STUDENT);
  await student.getByRole("link", { name: "Email settings" }).click();
  await expect(student.getByRole("heading", { name: "Email settings", level: 1 })).toBeVisible();
  await expect(student.getByLabel("Announcements")).not.toBeChecked();
  await expect(student.getByLabel("Released grades")).toBeChecked();
  await expectNoAxeViolations(student);
  await student.getByLabel("Announcements").check();
  await student.getByLabel("Released grades").uncheck();
  await student.getByRole("button", { name: "Save email settings" }).click();
  await expect(student.getByRole("status")).toHaveText("Saved: 1 kind of email off.");
  await student.reload();
  await expect(student.getByLabel("Announcements")).toBeChecked();
  await expect(student.getByLabel("Released grades")).not.toBeChecked();
  await studentContext.close();
});

test("/dev/outbox is the instructors': a student is refused, a visitor is sent to sign in", async ({
  page,
  browser,
}) => {
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/dev/outbox");
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=%2Fdev%2Foutbox/);
  await signIn(page, STUDENT);
  const response = await page.goto("/dev/outbox");
  expect(response?.status()).toBe(403);
  const bad = await page.goto("/unsubscribe/not-a-token");
  expect(bad?.status()).toBe(404);
});
