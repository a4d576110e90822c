import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/auth";

// Instructor editing end to end, on the csc490 demo course: what an instructor
// saves under /manage shows at once on the public pages, to a visitor who is not
// signed in; a student gets 403/404 from staff pages, staff routes and staff
// actions, and nothing changes.

const SLUG = "csc490";
const run = Date.now().toString(36);
// The e2e server runs a second instance on E2E_PORT + 2, sharing the database and Redis.
const SECOND = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 2}`;

async function anonymousPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** Every CSP violation in the page lands here, so a test can assert there were none. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test("an instructor posts a markdown announcement and adds a lecture with a new guest speaker and a reading; an anonymous visitor sees all three", async ({
  page,
  browser,
}) => {
  const csp = watchCsp(page);
  // A visitor on the other instance reads the pages first, so that instance has them cached.
  const other = await anonymousPage(browser);
  await other.goto(`${SECOND}/courses/${SLUG}/announcements`);
  await other.goto(`${SECOND}/courses/${SLUG}/schedule?show=all`);
  await signIn(page, `instructor@${SLUG}.demo`);

  // ---- announcement with a markdown preview
  const title = `Room change ${run}`;
  await page.goto(`/courses/${SLUG}/manage/announcements`);
  await expect(page.getByRole("heading", { name: "Manage announcements", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Title").fill(title);
  await page
    .getByLabel("Body (markdown)")
    .fill(
      `From next week we meet in **BA 1170**.\n\n- bring a laptop\n- read [the notes](https://example.org/notes-${run})`,
    );
  await page.getByRole("tab", { name: "Preview" }).click();
  const preview = page.getByTestId("announcement-preview");
  await expect(preview.locator("strong")).toHaveText("BA 1170");
  await expect(preview.getByRole("link", { name: "the notes" })).toHaveAttribute(
    "href",
    `https://example.org/notes-${run}`,
  );
  await expect(preview.getByRole("listitem")).toHaveCount(2);
  await page.getByRole("button", { name: "Post announcement" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Posted “${title}”` })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: /Announcements \(/ })
      .or(page.locator("section[aria-labelledby=announcement-form-list]")),
  ).toContainText(title);

  // ---- a lecture with a new guest speaker and a reading
  const lecture = `Serving at scale ${run}`;
  const speaker = `Grace Guest ${run}`;
  const reading = `PagedAttention paper ${run}`;
  await page.goto(`/courses/${SLUG}/manage/schedule`);
  await expect(page.getByRole("heading", { name: "Manage schedule", level: 1 })).toBeVisible();
  await page.getByLabel("Date", { exact: true }).first().fill("2025-12-03");
  await page.getByLabel("Title", { exact: true }).first().fill(lecture);
  await page.getByLabel("Topics").fill("vLLM\nbatching");
  await page.getByLabel("Readings").fill(`${reading} | https://arxiv.org/abs/2309.06180`);
  await page.getByRole("group", { name: "Guest speakers" }).getByLabel("Name").fill(speaker);
  await page.getByRole("group", { name: "Guest speakers" }).getByLabel("Affiliation").fill("Example Labs");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Added “${lecture}”` })).toBeVisible();
  await expect(page.locator("section[aria-labelledby=entry-form-list]")).toContainText(lecture);
  await expectNoAxeViolations(page);

  // The new speaker is now one of the course's speakers, offered for the next entry (reused, not duplicated).
  await page.reload();
  await expect(
    page.getByRole("group", { name: "Guest speakers" }).getByRole("checkbox", { name: new RegExp(speaker) }),
  ).toHaveCount(1);
  expect(csp).toEqual([]);

  // ---- a visitor who is not signed in sees all three on the public pages, right away
  const visitor = await anonymousPage(browser);
  const visitorCsp = watchCsp(visitor);
  await visitor.goto(`/courses/${SLUG}/announcements`);
  const card = visitor.getByRole("article").filter({ hasText: title });
  await expect(card).toBeVisible();
  await expect(card.locator("strong")).toHaveText("BA 1170");
  await visitor.goto(`/courses/${SLUG}`);
  await expect(visitor.getByRole("region", { name: "Latest announcements" })).toContainText(title);
  await visitor.goto(`/courses/${SLUG}/schedule?show=all`);
  const entry = visitor.locator("li, article, tr").filter({ hasText: lecture }).last();
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(speaker);
  await expect(entry.getByRole("link", { name: reading })).toHaveAttribute("href", "https://arxiv.org/abs/2309.06180");
  await visitor.goto(`/courses/${SLUG}/speakers`);
  await expect(visitor.getByText(speaker).first()).toBeVisible();
  expect(visitorCsp).toEqual([]);
  await visitor.context().close();

  // The other instance dropped its cached pages at once (the course's cache version lives in Redis).
  await other.goto(`${SECOND}/courses/${SLUG}/announcements`);
  await expect(other.getByRole("article").filter({ hasText: title })).toBeVisible();
  await other.goto(`${SECOND}/courses/${SLUG}/schedule?show=all`);
  await expect(other.getByText(lecture).first()).toBeVisible();
  await other.context().close();
});

test("field errors show inline and keep what was typed", async ({ page }) => {
  await signIn(page, `instructor@${SLUG}.demo`);
  await page.goto(`/courses/${SLUG}/manage/schedule`);
  await page.getByLabel("Title", { exact: true }).first().fill("No date given");
  await page.getByLabel("Readings").fill("Good one | https://example.org\n| https://example.org/untitled");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "correct the highlighted fields" })).toBeVisible();
  await expect(page.getByLabel("Date", { exact: true }).first()).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Line 2: a reading needs a title")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true }).first()).toHaveValue("No date given");
});

/** The hidden fields React renders for a server-action form, read from the instructor's own page. */
async function actionFields(page: Page, formSelector: string): Promise<Record<string, string>> {
  return page.locator(formSelector).evaluate((form) => {
    const out: Record<string, string> = {};
    for (const input of Array.from(form.querySelectorAll<HTMLInputElement>("input[type=hidden]"))) {
      if (input.name.startsWith("$ACTION")) out[input.name] = input.value;
    }
    return out;
  });
}

async function rosterHtml(request: APIRequestContext): Promise<string> {
  return (await request.get(`/courses/${SLUG}/manage/roster`)).text();
}

test("a student gets 403/404 from staff pages, another student's page, a staff route and a staff action, and nothing changes", async ({
  browser,
}) => {
  const instructor = await (await browser.newContext()).newPage();
  await signIn(instructor, `instructor@${SLUG}.demo`);
  await instructor.goto(`/courses/${SLUG}/manage/roster`);
  // Another student's record page, and the add-person form's server-action fields.
  const other = instructor
    .getByRole("row")
    .filter({ hasText: `student2@${SLUG}.demo` })
    .getByRole("link");
  const otherHref = await other.getAttribute("href");
  expect(otherHref).toMatch(/\/people\//);
  const ownHref = await instructor
    .getByRole("row")
    .filter({ hasText: `student1@${SLUG}.demo` })
    .getByRole("link")
    .getAttribute("href");
  await expectNoAxeViolations(instructor);
  const addFields = await actionFields(instructor, "form[aria-labelledby=add-h]");
  expect(Object.keys(addFields).length).toBeGreaterThan(0);
  await instructor.goto(`/courses/${SLUG}/manage/announcements`);
  const postFields = await actionFields(instructor, "form[aria-labelledby=announcement-h]");

  const student = await (await browser.newContext()).newPage();
  await signIn(student, `student1@${SLUG}.demo`);

  // Staff pages: 403.
  for (const path of ["/manage", "/manage/roster", "/manage/schedule", "/manage/announcements", "/manage/import"]) {
    const response = await student.goto(`/courses/${SLUG}${path}`);
    expect(response?.status(), path).toBe(403);
  }
  await expect(student.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  // Another student's record: 404 (its existence is not revealed); one's own: 200.
  expect((await student.goto(otherHref!))?.status()).toBe(404);
  expect((await student.goto(ownHref!))?.status()).toBe(200);
  await expect(student.getByRole("heading", { name: "Submissions" })).toBeVisible();
  await expect(student.getByText("your own record")).toBeVisible();

  // A staff route handler, fetched from the student's page with the student's cookies: 403.
  const exported = await student.evaluate(async (slug) => {
    const r = await fetch(`/api/courses/${slug}/export`);
    return { status: r.status, body: await r.text() };
  }, SLUG);
  expect(exported.status).toBe(403);
  expect(exported.body).not.toContain("lectern:");

  // The instructor's own server actions, posted by the student exactly as a form post would
  // (progressive enhancement, no JavaScript): the action runs, refuses, and the page answers 403.
  const intruder = `intruder-${run}@example.org`;
  const before = await rosterHtml(instructor.request);
  const added = await student.request.post(`/courses/${SLUG}/manage/roster`, {
    multipart: { ...addFields, courseSlug: SLUG, email: intruder, name: "Intruder", role: "INSTRUCTOR" },
  });
  expect(added.status()).toBe(403);
  const after = await rosterHtml(instructor.request);
  expect(after).not.toContain(intruder);
  expect(after.match(/<tr/g)?.length).toBe(before.match(/<tr/g)?.length);

  const fake = `Class cancelled ${run}`;
  const posted = await student.request.post(`/courses/${SLUG}/manage/announcements`, {
    multipart: { ...postFields, courseSlug: SLUG, title: fake, body: "Not really." },
  });
  expect(posted.status()).toBe(403);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/courses/${SLUG}/announcements`);
  await expect(visitor.getByRole("heading", { name: "Announcements", level: 1 })).toBeVisible();
  await expect(visitor.getByText(fake)).toHaveCount(0);

  // The instructor's own export works, for contrast.
  const own = await instructor.request.get(`/api/courses/${SLUG}/export`);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain(`slug: ${SLUG}`);
});

test("sign-in: wrong password says only 'wrong email or password'; sign out ends the session", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("complementary", { name: "Demo accounts" })).toContainText("lectern-demo");
  await page.getByLabel("Email").fill(`instructor@${SLUG}.demo`);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Next's route announcer is also an alert; the form's own is the one with text.
  const error = page.getByRole("alert").filter({ hasText: /\w/ });
  await expect(error).toHaveText("wrong email or password");
  await page.getByLabel("Email").fill(`nobody-${run}@${SLUG}.demo`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(error).toHaveText("wrong email or password");
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, `ta@${SLUG}.demo`);
  await expect(page.getByTestId("viewer-name")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  const response = await page.goto(`/courses/${SLUG}/gradebook`);
  expect(page.url()).toContain("/signin");
  expect(response?.status()).toBeLessThan(400);
});

test("a signed-in visitor joins a full course's waitlist and sees their place", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  // Brown CSCI 1390 is at its cap with 8 waiting; a student of another course joins it.
  await signIn(page, `student1@${SLUG}.demo`);
  await page.goto("/courses/csci1390");
  const panel = page.getByRole("region", { name: "Enrolment" });
  await expect(panel).toContainText("56 of 56 seats taken, 8 waiting");
  await panel.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(panel).toContainText("number 9 on the waitlist");
  await expectNoAxeViolations(page);
  await panel.getByRole("button", { name: "Leave the waitlist" }).click();
  await expect(panel.getByRole("button", { name: "Join the waitlist" })).toBeVisible();
});

test("security headers: a per-request CSP nonce on pages, no framing, no sniffing, a referrer policy; the app runs under it", async ({
  page,
  request,
}) => {
  const csp = watchCsp(page);
  // A page rendered for each request (public pages served from the page cache carry hashes
  // instead: page-cache.spec.ts).
  const first = await request.get("/signin");
  const second = await request.get("/signin");
  const policy = first.headers()["content-security-policy"]!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(second.headers()["content-security-policy"]).not.toBe(policy);
  for (const response of [first, await request.get("/api/health")]) {
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
  }
  // Every script in the page carries the nonce, and the client app hydrates (a client-side tab switch works).
  const nonce = /'nonce-([^']+)'/.exec(policy)![1];
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  await signIn(page, `instructor@${SLUG}.demo`);
  await page.goto(`/courses/${SLUG}/manage/announcements`);
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.getByTestId("announcement-preview")).toBeVisible();
  expect(csp).toEqual([]);
});

test("an instructor exports the course file and imports it back through the page: preview first, then the update", async ({
  page,
}) => {
  await signIn(page, `instructor@${SLUG}.demo`);
  await page.goto(`/courses/${SLUG}/manage/import`);
  await expectNoAxeViolations(page);
  const exported = await page.request.get(`/api/courses/${SLUG}/export`);
  expect(exported.headers()["content-disposition"]).toContain(`${SLUG}.lectern.yaml`);
  const yaml = (await exported.text()).replace(/^  title: (.*)$/m, "  title: $1 (imported)");
  await page
    .getByLabel("Course file (YAML)")
    .setInputFiles({ name: "course.yaml", mimeType: "application/yaml", buffer: Buffer.from(yaml) });
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("course-import-preview");
  await expect(preview).toContainText("Updates CSC 490");
  await expect(preview).toContainText("schedule entries");
  await expect(preview).toContainText("submissions and grades stay");
  await expectNoAxeViolations(page);
  await preview.getByRole("button", { name: "Update the course" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Course ${SLUG} updated.` })).toBeVisible();
  await page.goto(`/courses/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("(imported)");

  // A broken file: every problem listed, nothing applied. It is chosen while the page's
  // JavaScript is still held back, as on a slow connection: the choice must survive hydration.
  let releaseScripts!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto(`/courses/${SLUG}/manage/import`, { waitUntil: "commit" });
  await page.getByLabel("Course file (YAML)").setInputFiles({
    name: "bad.yaml",
    mimeType: "application/yaml",
    buffer: Buffer.from(yaml.replace(/date: "2025-09-03"/, 'date: "2025-13-03"')),
  });
  await expect(page.getByRole("button", { name: "Preview" })).toBeDisabled();
  releaseScripts();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("list", { name: "Problems in the file" })).toContainText("schedule[0].date");
});
