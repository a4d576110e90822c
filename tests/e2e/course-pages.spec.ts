import { expect, test, type Page } from "@playwright/test";
import ical, { type VEvent } from "node-ical";
import { expectNoAxeViolations } from "./support/axe";

// The public course pages as an anonymous visitor sees them (no sign-in anywhere here).

const weekRegions = (page: Page) => page.getByRole("region", { name: /^Week \d+$/ });
const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const radio = (page: Page, name: string) => page.getByRole("radio", { name, exact: true });

test("catalog → CSC 490 → schedule → A3's extension history → the calendar feed holds the extended time", async ({
  page,
  request,
}) => {
  // Hydration mismatches surface as console errors (React #418/#425) or page errors.
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text());
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto("/courses");
  await page.getByRole("link", { name: /CSC 490/ }).click();
  await expect(page).toHaveURL(/\/courses\/csc490$/);
  await page.getByRole("navigation", { name: "Course" }).getByRole("link", { name: "Schedule" }).click();
  await expect(page).toHaveURL(/\/courses\/csc490\/schedule$/);
  await expect(page.getByRole("heading", { name: "Schedule", level: 1 })).toBeVisible();

  // 13 teaching weeks, in order with their dates; the Dec 2 project deadline sits after them.
  await expect(weekRegions(page)).toHaveCount(13);
  const labels = await weekRegions(page).evaluateAll((els) => els.map((e) => e.querySelector("h2")?.textContent));
  expect(labels).toEqual(Array.from({ length: 13 }, (_, i) => `Week ${i + 1}`));
  await expect(region(page, "Week 1")).toContainText("Sep 1 – 7");
  await expect(region(page, "After classes")).toContainText("Tue Dec 2, 6:00 PM EST");

  const readingWeek = region(page, "Week 9");
  await expect(readingWeek).toContainText("No class: Reading week");
  await expect(readingWeek).toContainText("Oct 27 – Nov 2");
  const week6 = region(page, "Week 6");
  await expect(week6).toContainText("Kyle Kranen");
  await expect(week6).toContainText("Guest lecture");
  await expect(week6).toContainText("Wed Oct 8, 6:00 PM EDT");
  await expect(week6).toContainText("– 9:00 PM EDT · DSCIL");
  // The browser runs in UTC, not Toronto time, so the viewer's own time is added next to the course's.
  await expect(week6).toContainText("your time:");
  await expect(week6.getByText("KV Cache from huggingface")).toBeVisible(); // a reading without a URL is plain text
  // Fall 2025 is over: no "this week", and the page opens at the top.
  await expect(page.getByText("This week", { exact: true })).toHaveCount(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // A3's deadline appears in the week it falls in, at its effective time, and leads to its history.
  const a3Due = readingWeek.locator("[data-event-kind=due]").filter({ hasText: "Assignment 3" });
  await expect(a3Due).toContainText("Fri Oct 31, 11:00 PM EDT");
  await expect(a3Due).toContainText("Extended");
  await a3Due.getByRole("link", { name: "Assignment 3", exact: true }).click();
  await expect(page).toHaveURL(/\/courses\/csc490\/assignments#as-a3$/);

  const a3 = page.locator("#as-a3");
  await expect(a3.getByRole("heading", { level: 3 })).toHaveText(/Assignment 3/);
  await expect(a3.locator("strong")).toContainText("Fri Oct 31, 11:00 PM EDT");
  const struck = a3.locator("del time");
  await expect(struck).toHaveText(["Wed Oct 15, 11:00 PM EDT", "Wed Oct 22, 11:00 PM EDT", "Wed Oct 29, 11:00 PM EDT"]);
  const history = a3.getByRole("list", { name: "Due date history" });
  await expect(history).toContainText("original due date");
  await expect(history).toContainText("posted Tue Oct 14, 8:00 PM EDT");
  await expect(history).toContainText("posted Tue Oct 21, 8:00 PM EDT");
  await expect(history).toContainText("posted Tue Oct 28, 8:00 PM EDT");
  await expect(a3).toContainText(
    "Assignments: 60% of the final grade · this item 1 of 6 equal parts (10% of the grade)",
  );
  await expect(page.locator("#as-a1 del")).toHaveCount(0); // never extended: no history

  // The feed, fetched as a calendar app would (no cookies), parses and holds the extended time.
  const webcal = page.getByRole("link", { name: "Subscribe in your calendar app" });
  await expect(webcal).toHaveAttribute("href", /^webcal:\/\/127\.0\.0\.1:\d+\/courses\/csc490\/calendar\.ics$/);
  const download = page.getByRole("link", { name: "Download .ics" });
  const href = (await download.getAttribute("href"))!;
  const response = await request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/calendar");
  expect(response.headers()["content-disposition"]).toContain('attachment; filename="csc490.ics"');
  const text = await response.text();
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");
  // UIDs carry the configured public URL's domain (the e2e server's NEXTAUTH_URL is 127.0.0.1).
  const a3Event = events.find((e) => e.uid === "csc490-deadline-a3@127.0.0.1")!;
  expect(a3Event.start.toISOString()).toBe("2025-11-01T03:00:00.000Z");
  expect((a3Event.start as Date & { tz?: string }).tz).toBe("America/Toronto");
  expect(text).toContain("DTSTART;TZID=America/Toronto:20251031T230000");
  expect(events.filter((e) => String(e.uid).startsWith("csc490-csc490h1-f-lec5101-"))).toHaveLength(12);

  expect(problems).toEqual([]);

  // Pollers get a 304 for an unchanged feed.
  const again = await request.get("/courses/csc490/calendar.ics", {
    headers: { "If-None-Match": response.headers()["etag"]! },
  });
  expect(again.status()).toBe(304);
  expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
});

test("schedule filters work from the keyboard and live in the URL", async ({ page }) => {
  await page.goto("/courses/csc490/schedule");
  const everything = radio(page, "Everything");
  await expect(everything).toBeChecked();
  await everything.focus();

  await page.keyboard.press("ArrowRight");
  await expect(radio(page, "Lectures")).toBeChecked();
  await expect(page).toHaveURL(/\?show=lectures$/);
  await expect(page.locator("[data-event-kind=due]").first()).toBeHidden();
  await expect(region(page, "Week 4")).toBeVisible();

  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\?show=deadlines$/);
  await expect(page.locator("[data-event-kind=due]").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Evaluating ML products" })).toBeHidden();
  await expect(region(page, "Week 12")).toBeHidden(); // no deadline that week

  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\?show=guests$/);
  await expect(region(page, "Week 4")).toBeHidden(); // no guest that week
  await expect(region(page, "Week 6")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "guest lectures only" })).toHaveCount(1);

  // A shared link opens with the filter applied, server-rendered.
  await page.goto("/courses/csc490/schedule?show=guests");
  await expect(radio(page, "Guest lectures")).toBeChecked();
  await expect(region(page, "Week 4")).toBeHidden();
  await page.getByRole("group", { name: "Show" }).getByText("Everything", { exact: true }).click();
  await expect(page).toHaveURL(/\/schedule$/);
  await expect(region(page, "Week 4")).toBeVisible();
});

// One test per page (light and dark each), so a slow machine never runs several scans against one timeout.
for (const path of [
  "/courses/csc490/schedule",
  "/courses/csc490/announcements",
  "/courses/csc490/assignments",
  "/courses/csc490/speakers",
  "/courses/info9023/schedule", // grouped by sprint, with holidays
  "/courses/csci1390/announcements", // pinned, with markdown
  "/courses/csci1390/assignments", // weighted projects, no-late quizzes
]) {
  test(`no axe-core violations on ${path}, light and dark`, async ({ page }) => {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });
}

test("announcements: newest first, pinned on top, permalinks, and an Atom feed", async ({ page, request }) => {
  await page.goto("/courses/csc490/announcements");
  const titles = page.getByRole("article").getByRole("heading", { level: 2 });
  await expect(titles).toHaveText([
    "A4, A5, A6 extensions until Nov 7, 14 and 28 respectively",
    "A3 extension until Oct 29th!",
    "A3 extension until Oct 22nd!",
    "Lectures begin on Sept 3rd!",
  ]);
  const feedHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute("href");
  expect(feedHref).toMatch(/\/courses\/csc490\/announcements\/feed\.xml$/);
  await expect(page.getByRole("link", { name: /Atom feed/ })).toBeVisible();

  await titles.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/courses\/csc490\/announcements\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "A4, A5, A6 extensions until Nov 7, 14 and 28 respectively",
  );
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "← All announcements" }).click();
  await expect(page).toHaveURL(/\/announcements#a-[a-z0-9]+$/);

  const feed = await request.get("/courses/csc490/announcements/feed.xml");
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml.match(/<entry>/g)).toHaveLength(4);
  expect(xml).toContain("&lt;p&gt;Lectures begin on Sept 3rd!&lt;/p&gt;");

  // Brown's waitlist notice is pinned and its markdown is rendered.
  await page.goto("/courses/csci1390/announcements");
  const pinned = page.getByRole("article").first();
  await expect(pinned).toContainText("Pinned");
  await expect(pinned.locator("em").first()).toHaveText("already full");
});

test("guest speakers link to their week in the schedule", async ({ page }) => {
  await page.goto("/courses/csc490/speakers");
  const kyle = page.getByRole("article").filter({ has: page.getByRole("heading", { name: "Kyle Kranen" }) });
  await expect(kyle).toContainText("Wed Oct 8, 6:00 PM EDT");
  await expect(kyle).toContainText("Model serving deep dive 2");
  await kyle.getByRole("link", { name: /Week 6 in the schedule/ }).click();
  await expect(page).toHaveURL(/\/courses\/csc490\/schedule#week-2025-10-06$/);
  await expect(region(page, "Week 6")).toBeInViewport();
});

test("INFO9023 groups its weeks by sprint and marks the holidays", async ({ page }) => {
  await page.goto("/courses/info9023/schedule");
  const sprint1 = region(page, "Sprint 1");
  await expect(sprint1.getByRole("heading", { level: 3 })).toHaveText(["Week 1", "Week 2"]);
  await expect(region(page, "Sprint 6").getByRole("heading", { level: 3 })).toHaveText(["Week 11", "Week 12"]);
  await expect(region(page, "Holiday")).toHaveCount(2);
  await expect(region(page, "Holiday").first()).toContainText("No class");
  await expect(region(page, "Week 3")).toContainText("Michiel Vanthoor");
  await expect(region(page, "Week 3")).toContainText("Mon Feb 16, 2:00 PM CET");
});

test.describe("a viewer in the course's own zone", () => {
  test.use({ timezoneId: "America/Toronto" });

  test("sees course times only, without a second 'your time'", async ({ page }) => {
    await page.goto("/courses/csc490/assignments");
    const a3 = page.locator("#as-a3");
    await expect(a3.locator("strong")).toHaveText("Fri Oct 31, 11:00 PM EDT");
    await expect(a3).not.toContainText("your time");
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the schedule fits 375 px without sideways scrolling and stays usable", async ({ page }) => {
    await page.goto("/courses/csc490/schedule");
    await expect(weekRegions(page)).toHaveCount(13);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(radio(page, "Deadlines")).toBeAttached();
    await page.getByRole("group", { name: "Show" }).getByText("Deadlines", { exact: true }).click();
    await expect(page).toHaveURL(/\?show=deadlines$/);
    await expectNoAxeViolations(page);
    for (const path of ["assignments", "announcements", "speakers"]) {
      await page.goto(`/courses/csc490/${path}`);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBeLessThanOrEqual(0);
    }
  });
});

test("the printed schedule drops navigation and filters", async ({ page }) => {
  await page.goto("/courses/csc490/schedule");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Course" })).toBeHidden();
  await expect(page.getByRole("group", { name: "Show" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Subscribe in your calendar app" })).toBeHidden();
  await expect(weekRegions(page)).toHaveCount(13);
  await expect(region(page, "Week 6")).toBeVisible();
});

test("the course home's upcoming deadlines link to the calendar feed", async ({ page }) => {
  await page.goto("/courses/csc490");
  const deadlines = region(page, "Upcoming deadlines");
  await expect(deadlines.getByRole("link", { name: "Course calendar (.ics)" })).toHaveAttribute(
    "href",
    "/courses/csc490/calendar.ics",
  );
});

test("pages are compressed by the production server (brotli or gzip, as the client asks) and read back whole", async ({
  request,
}) => {
  const plain = await request.get("/courses/csc490/schedule", { headers: { "accept-encoding": "identity" } });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  const text = await plain.text();
  expect(text).toContain("Reading week");
  for (const encoding of ["br", "gzip"]) {
    const res = await request.get("/courses/csc490/schedule", { headers: { "accept-encoding": encoding } });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-encoding"]).toBe(encoding);
    expect(res.headers()["vary"]?.toLowerCase()).toContain("accept-encoding");
    // Decoded by the client: the same page (nonces and request ids aside).
    const body = await res.text();
    expect(body).toContain("Reading week");
    expect(body.length).toBeGreaterThan(text.length * 0.9);
  }
});
