import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";

test("the catalog lists the five seed courses and opens a course home", async ({ page }) => {
  await page.goto("/courses");
  await expect(page.getByRole("heading", { name: "Courses", level: 1 })).toBeVisible();
  const cards = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
  await expect(cards).toHaveCount(5);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: /CSC 490/ }).click();
  await expect(page).toHaveURL(/\/courses\/csc490$/);
  await expect(page.getByRole("heading", { name: "ML Engineering Capstone", level: 1 })).toBeVisible();
  const staff = page.getByRole("region", { name: "Staff" });
  await expect(staff).toContainText("Denys Linkov");
  await expect(staff).toContainText("Yuchi (Allan) Zhao");
  await expect(staff).toContainText("By Appointment");
  await expect(page.getByRole("region", { name: "Meetings" })).toContainText("DSCIL");
  await expect(page.getByRole("region", { name: "Latest announcements" })).toContainText("A4, A5, A6 extensions");
  await expectNoAxeViolations(page);
});

test("an unknown course is a 404 page", async ({ page }) => {
  const response = await page.goto("/courses/no-such-course");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
