// Issue 12's navigation and content defects, one test each, as a person meets them in Chromium:
// a real 404, the current tab, the tab bar on a 390 px phone, Skip to content, the markdown
// course description, markdown tables, week numbers that one entry's number cannot rename, and
// what an auditor opening My grades is told, INFO9023 materials and SGT, and the waitlisted
// student's notice.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

const C = "/courses/csci1390";
const courseNav = (page: Page) => page.getByRole("navigation", { name: "Course" });

/** The tab's box and the bar's visible box, in page coordinates. */
async function boxes(tab: Locator, bar: Locator) {
  const t = (await tab.boundingBox())!;
  const b = (await bar.boundingBox())!;
  return { t, b };
}

test("a missing announcement or course is an HTTP 404 with the not-found page", async ({ page }) => {
  for (const path of [`${C}/announcements/no-such-announcement`, "/courses/no-such-course/schedule"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found", level: 1 })).toBeVisible();
  }
});

test("the tab bar marks the current page: aria-current and a visible underline, one tab at a time", async ({
  page,
}) => {
  for (const [path, label] of [
    [C, "Home"],
    [`${C}/schedule`, "Schedule"],
    [`${C}/announcements`, "Announcements"],
  ] as const) {
    await page.goto(path);
    const current = courseNav(page).locator("[aria-current=page]");
    await expect(current).toHaveCount(1);
    await expect(current).toHaveText(label);
    // Visible: the current tab has a coloured underline and bold text; the others have neither.
    const other = courseNav(page).getByRole("link", { name: label === "Home" ? "Schedule" : "Home", exact: true });
    const style = (l: Locator) =>
      l.evaluate((el) => {
        const s = getComputedStyle(el);
        return { border: s.borderBottomColor, weight: Number(s.fontWeight) };
      });
    const [on, off] = [await style(current), await style(other)];
    expect(on.border).not.toBe("rgba(0, 0, 0, 0)");
    expect(off.border).toBe("rgba(0, 0, 0, 0)");
    expect(on.weight).toBeGreaterThanOrEqual(600);
    expect(off.weight).toBeLessThan(600);
  }
  // A page below a tab (an announcement's permalink) still marks that tab.
  await page.goto(`${C}/announcements`);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const permalink = hrefs.find((h) => new RegExp(`^${C}/announcements/[^/#.]+$`).test(h));
  await page.goto(permalink!);
  await expect(courseNav(page).locator("[aria-current=page]")).toHaveText("Announcements");
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a student's tab bar scrolls inside itself, with My grades in view when it is the page", async ({ page }) => {
    await signIn(page, "student1@csci1390.demo");
    await page.goto(C);
    for (const label of ["My deadlines", "My grades", "My team"]) {
      await courseNav(page).getByRole("link", { name: label, exact: true }).click();
      const nav = courseNav(page);
      const tab = nav.locator("[aria-current=page]");
      await expect(tab).toHaveText(label);
      // The whole tab lies inside the bar's visible box and the window.
      await expect
        .poll(async () => {
          const { t, b } = await boxes(tab, nav);
          return t.x >= b.x - 0.5 && t.x + t.width <= b.x + b.width + 0.5 && t.x + t.width <= 390;
        })
        .toBe(true);
    }
    // The bar scrolls; the page itself never scrolls sideways.
    const nav = courseNav(page);
    expect(await nav.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  test("a focused tab's ring is drawn inside the bar, not clipped by it", async ({ page }) => {
    await page.goto(`${C}/schedule`);
    const nav = courseNav(page);
    const tab = nav.getByRole("link", { name: "Speakers", exact: true });
    await tab.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab"); // keyboard focus, so :focus-visible draws the ring
    await expect(tab).toBeFocused();
    const ring = await tab.evaluate((el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const grow = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
      return { style: s.outlineStyle, top: r.top - grow, bottom: r.bottom + grow, width: parseFloat(s.outlineWidth) };
    });
    const bar = await nav.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.top + el.clientHeight };
    });
    expect(ring.style).not.toBe("none");
    expect(ring.width).toBeGreaterThan(0);
    expect(ring.top).toBeGreaterThanOrEqual(bar.top);
    expect(ring.bottom).toBeLessThanOrEqual(bar.bottom);
  });
});

test("Skip to content is the first stop and lands after the course's tabs", async ({ page }) => {
  await page.goto(`${C}/schedule`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const where = await page.evaluate(() => {
    const el = document.activeElement!;
    return { inMain: !!el.closest("main"), inTabs: !!el.closest('nav[aria-label="Course"]') };
  });
  expect(where).toEqual({ inMain: true, inTabs: false });
});

test("the course description is markdown: Brown's **Registration.** is bold, no asterisks shown", async ({ page }) => {
  await page.goto(C);
  const description = page.getByTestId("course-description");
  await expect(description.locator("strong")).toHaveText(["Registration.", "Auditing."]);
  await expect(description).toContainText("capped at 56 students");
  await expect(description).not.toContainText("**");
  await expect(description.locator("p")).toHaveCount(4); // the page's four paragraphs
});

test("an instructor's markdown table is a styled table in the announcement, scrolling inside itself on a phone", async ({
  page,
}) => {
  const title = `Office hours table ${Date.now().toString(36)}`;
  await signIn(page, "instructor@csci1390.demo");
  await page.goto(`${C}/manage/announcements`);
  await page.getByLabel("Title").fill(title);
  await page
    .getByLabel("Body (markdown)")
    .fill(
      "Office hours this week:\n\n| Day | Time | Room |\n| --- | --- | --- |\n| Mon | 2–4 PM | CIT 203 |\n| Thu | 10–11 AM | CIT 477 |",
    );
  await page.getByRole("button", { name: "Post announcement" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Posted “${title}”` })).toBeVisible();

  await page.goto(`${C}/announcements`);
  const card = page.getByRole("article").filter({ hasText: title });
  const table = card.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Day", "Time", "Room"]);
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("row").nth(2)).toContainText("CIT 477");
  const cellBorder = await table
    .getByRole("cell")
    .first()
    .evaluate((el) => getComputedStyle(el).borderTopStyle);
  expect(cellBorder).toBe("solid");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test("adding a guest lecture stated as week 13 renames no other week", async ({ page }) => {
  const weekLabels = () =>
    page
      .getByRole("region", { name: /^Week / })
      .evaluateAll((els) => els.map((e) => e.querySelector("h2")?.textContent ?? ""));
  await page.goto(`${C}/schedule?show=all`);
  const before = await weekLabels();
  // Brown numbers no week itself: weeks count from the one of Jan 23, 2025 (Mon Jan 20).
  expect(before.slice(0, 3)).toEqual(["Week 1", "Week 2", "Week 3"]);
  await expect(page.getByRole("region", { name: "Week 3" })).toContainText("Feb 3 – 9");

  await signIn(page, "instructor@csci1390.demo");
  await page.goto(`${C}/manage/schedule`);
  const lecture = `Guest lecture ${Date.now().toString(36)}`;
  await page.getByLabel("Date", { exact: true }).first().fill("2025-02-05");
  await page.getByLabel("Week number").fill("13");
  await page.getByLabel("Title", { exact: true }).first().fill(lecture);
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Added “${lecture}”` })).toBeVisible();

  await page.goto(`${C}/schedule?show=all`);
  await expect(page.getByText(lecture)).toBeVisible();
  const after = await weekLabels();
  // Only the week holding the guest lecture takes its stated number; every other keeps its own.
  expect(after).toEqual(before.map((label, i) => (i === 2 ? "Week 13" : label)));
  expect(after.some((l) => l.startsWith("Week of"))).toBe(false);
});

test("an auditor opening My grades is told what auditors get, with a 403", async ({ page }) => {
  await signIn(page, "auditor1@csci1390.demo");
  const response = await page.goto(`${C}/grades`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Auditors have no grades or deadlines of their own");
  await expect(page.getByRole("main")).toContainText("you can read everything the course publishes");
  await expect(page.getByRole("main")).not.toContainText("It belongs to course staff or to another student");
  await page.getByRole("link", { name: "See the course’s deadlines" }).click();
  await expect(page).toHaveURL(new RegExp(`${C}/assignments$`));
});

test("INFO9023's materials link into its public repository; NUS deadlines are in SGT", async ({ page }) => {
  await page.goto("/courses/info9023/schedule?show=all");
  await expect(page.getByRole("link", { name: "Slides for Lecture W01 - Course introduction" })).toHaveAttribute(
    "href",
    "https://github.com/ThomasVrancken/info9023-mlops/blob/main/lectures/01_course_introduction.pdf",
  );
  await expect(page.getByRole("link", { name: "Notes for Directed Work 2 (W05) - Flask" })).toHaveAttribute(
    "href",
    "https://github.com/ThomasVrancken/info9023-mlops/blob/main/directed_work/02_flask",
  );
  await expect(page.getByText(/Material: /)).toHaveCount(0); // no bare paths left

  await page.goto("/courses/nus-lgm/assignments");
  const main = page.getByRole("main");
  await expect(main).toContainText("11:59 PM SGT");
  await expect(main).not.toContainText("GMT+8");
});

test("a waitlisted student sees their place and what happens next at the top of the course home", async ({ page }) => {
  await signIn(page, "waitlist1@csci1390.demo");
  await page.goto(C);
  const notice = page.getByTestId("waitlist-notice");
  await expect(notice).toContainText("You are number 1 on the CSCI 1390 waitlist");
  await expect(notice).toContainText("when a seat frees up it goes to the first person waiting");
  // Above the description and the rest of the page, visible without scrolling.
  const [n, d] = [await notice.boundingBox(), await page.getByTestId("course-description").boundingBox()];
  expect(n!.y).toBeLessThan(d!.y);
  await expect(notice).toBeInViewport();
  await notice.getByRole("link", { name: "Leave the waitlist" }).click();
  await expect(
    page.getByRole("region", { name: "Enrolment" }).getByRole("button", { name: "Leave the waitlist" }),
  ).toBeInViewport();
});
