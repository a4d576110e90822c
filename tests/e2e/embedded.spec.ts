import { expect, test } from "@playwright/test";

// This project's server is `tsx scripts/launch.ts start` with no DATABASE_URL: the
// README's run command on a fresh machine, on the embedded PostgreSQL.
test("the run command serves all five courses on the embedded database", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  await page.goto("/courses");
  for (const code of ["CSC 490", "INFO9023", "CSCI 1390"]) {
    await expect(page.getByRole("link", { name: new RegExp(code) })).toBeVisible();
  }
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) })).toHaveCount(5);
  await page.getByRole("link", { name: /CSCI 1390/ }).click();
  await expect(page.getByRole("region", { name: "Meetings" })).toContainText("CIT 368");
});
