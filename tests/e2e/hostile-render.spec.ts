// Hostile content rendered in a real browser (issue 7.5): markdown with a script tag,
// a javascript: link and an onerror image in an announcement, and a submission whose
// file name is an HTML tag. Nothing may run (window.__pwned stays undefined) and no
// element from that content may reach the DOM as markup.
//
// The demo term is over, so submissions need a server clock inside it: this file starts
// its own server pair (support/fake-clock-server.ts) like deadlines.spec.ts,
// with the clock at Fri Apr 25, 2025, when Brown's P4 still takes late work.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { startFakeClockServer } from "./support/fake-clock-server";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 20;
const BASE = `http://127.0.0.1:${PORT}`;
const FAKE_NOW = "2025-04-25T14:00:00.000Z";
const TITLE = "Hostile <b>markdown</b> <script>window.__pwned=1</script>";
const BODY = [
  "Before the script.",
  "",
  "<script>window.__pwned=1</script>",
  "",
  "[x](javascript:window.__pwned=1)",
  "",
  '<img src=x onerror="window.__pwned=1">',
  "",
  "![y](javascript:window.__pwned=1)",
  "",
  "After the image.",
].join("\n");
const FILE_NAME = "<img src=x onerror=window.__pwned=1>.pdf";

test.describe.configure({ mode: "serial" });
test.use({ baseURL: BASE });

startFakeClockServer({ name: "hostile-render", port: PORT, fakeNow: FAKE_NOW });

/** Nothing ran, and nothing of the hostile content is live markup. */
async function expectInert(page: Page, dialogs: string[]): Promise<void> {
  // Every image has loaded or failed: a failed image's onerror, had one been rendered, has fired
  // (the browser fires it in the same task that marks the image broken).
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const live = await page.evaluate(() => ({
    // Next's inline flight data carries the text as a JSON string; a script *element* of ours would be exactly this.
    scripts: [...document.querySelectorAll("script")].filter(
      (s) => s.textContent?.trim() === "window.__pwned=1" || s.src.includes("__pwned"),
    ).length,
    handlers: [...document.querySelectorAll("*")].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith("on")),
    ).length,
    scriptUrls: [...document.querySelectorAll("a[href], img[src], iframe[src], form[action]")].filter((el) =>
      /^\s*javascript:/i.test(el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("action") ?? ""),
    ).length,
  }));
  expect(live).toEqual({ scripts: 0, handlers: 0, scriptUrls: 0 });
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

test("announcement markdown with a script, a javascript: link and an onerror image stays inert", async ({
  browser,
}) => {
  const staffContext = await browser.newContext({ baseURL: BASE });
  const staff = await staffContext.newPage();
  const staffDialogs = watchDialogs(staff);
  await signIn(staff, "instructor@csci1390.demo");
  await staff.goto("/courses/csci1390/manage/announcements");
  const form = staff.getByRole("form", { name: "Post an announcement" });
  await form.getByLabel("Title").fill(TITLE);
  await form.getByLabel("Body (markdown)").fill(BODY);
  // The editor's live preview renders the same markdown in the instructor's own browser.
  await form.getByRole("tab", { name: "Preview" }).click();
  await expect(form.getByTestId("announcement-preview")).toContainText("After the image.");
  await expectInert(staff, staffDialogs);
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(form.getByRole("status")).toContainText("Posted");
  await staffContext.close();

  // The public page, as an anonymous visitor.
  const publicContext = await browser.newContext({ baseURL: BASE });
  const page = await publicContext.newPage();
  const dialogs = watchDialogs(page);
  await page.goto("/courses/csci1390/announcements");
  const card = page.getByRole("article", { name: TITLE });
  await expect(card).toBeVisible();
  await expect(card).toContainText("Before the script.");
  await expect(card).toContainText("After the image.");
  await expectInert(page, dialogs);
  // The link text survives without its script URL; following it must run nothing either.
  await card.getByText("x", { exact: true }).click();
  await expectInert(page, dialogs);

  // Its own page renders the title as a heading, as text.
  await page.goto("/courses/csci1390/announcements");
  await page.getByRole("article", { name: TITLE }).getByRole("link", { name: TITLE, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expectInert(page, dialogs);
  await publicContext.close();
});

test("a submitted file named like an HTML tag is shown as text to the student and to staff", async ({ browser }) => {
  const studentContext = await browser.newContext({ baseURL: BASE });
  const student = await studentContext.newPage();
  const studentDialogs = watchDialogs(student);
  await signIn(student, "student1@csci1390.demo");
  await student.goto("/courses/csci1390/me");
  const form = student.getByRole("form", { name: "Submit P4" });
  await form.getByLabel("A file").check();
  await form
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: FILE_NAME, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%hostile\n") });
  await form.getByRole("button", { name: "Submit P4" }).click();
  await expect(student.getByRole("status").filter({ hasText: "Submitted P4" })).toBeVisible();
  await student.reload();
  await expect(student.getByRole("link", { name: FILE_NAME })).toBeVisible();
  await expectInert(student, studentDialogs);
  await studentContext.close();

  // Staff: the late-hours overview, then the student's ledger with the submission.
  const staffContext = await browser.newContext({ baseURL: BASE });
  const staff = await staffContext.newPage();
  const dialogs = watchDialogs(staff);
  await signIn(staff, "ta@csci1390.demo");
  await staff.goto("/courses/csci1390/late-hours");
  await expectInert(staff, dialogs);
  await staff.getByRole("region", { name: "Ledgers by student" }).getByRole("link", { name: "Sofia Alvarez" }).click();
  await expect(staff.getByRole("heading", { name: "Sofia Alvarez", level: 1 })).toBeVisible();
  const link = staff.getByRole("link", { name: FILE_NAME });
  await expect(link).toBeVisible();
  await expectInert(staff, dialogs);

  // The download is an attachment with a safe name, never rendered on our origin.
  const response = await staff.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  const disposition = response.headers()["content-disposition"] ?? "";
  expect(disposition).toMatch(/^attachment; filename="[\w.\- ]+"; filename\*=UTF-8''/);
  expect(disposition).not.toMatch(/[<>]/);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  await staffContext.close();
});
