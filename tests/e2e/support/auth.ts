import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "lectern-demo";

/** Signs in through the real /signin form and waits until the session is in place. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}
