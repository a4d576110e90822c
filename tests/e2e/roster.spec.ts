// The roster for Brown CSCI 1390's instructor (issue 12): 56 of 56 seats taken and 8 waiting,
// searched by name or email, and a waitlist row admitted over capacity after a confirmation.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

const ROSTER = "/courses/csci1390/manage/roster";

test("the instructor searches the roster and admits the last on the waitlist over capacity, after confirming", async ({
  page,
}) => {
  await signIn(page, "instructor@csci1390.demo");
  await page.goto(ROSTER);
  const search = page.getByRole("search", { name: "Roster" });
  await search.getByLabel("Search by name or email").fill("waitlist8@");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=waitlist8%40$/);
  await expect(search.getByRole("status")).toHaveText("1 person matches “waitlist8@” · Show everyone");
  await expect(page.getByRole("table", { name: /^Members/ })).toHaveCount(0);
  const waitlist = page.getByRole("table", { name: "Waitlist (1 of 8)" });
  const row = waitlist.getByRole("row").filter({ hasText: "waitlist8@csci1390.demo" });
  await expect(row).toHaveCount(1);

  // Full course: Admit asks first; dismissing changes nothing.
  const dialogs: string[] = [];
  page.once("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await row.getByRole("button", { name: "Admit" }).click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]).toMatch(/^The course is full \(56 of 56 seats\)\. Admit .+ over capacity\?$/);
  await expect(row).toBeVisible();

  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Admit" }).click();
  await expect(row).toHaveCount(0); // admitted: off the waitlist at once
  await page.goto(`${ROSTER}?q=waitlist8%40`);
  await expect(page.getByRole("table", { name: /^Members \(1 of \d+\)$/ })).toContainText("waitlist8@csci1390.demo");
  await expect(page.getByRole("table", { name: /^Waitlist/ })).toHaveCount(0);

  await page.getByRole("link", { name: "Show everyone" }).click();
  await expect(page.getByRole("table", { name: "Waitlist (7)" })).toBeVisible();
  await expect(page.getByText(/57 students enrolled of 56 seats, 7 on the waitlist/)).toBeVisible();
});
