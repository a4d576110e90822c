import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

// The e2e server runs two instances on one database and one Redis (E2E_PORT and
// E2E_PORT + 2). An edit made through one must show on the other's pages at once:
// no per-process cache may serve stale course data.
const SLUG = "info9023";
const second = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 2}`;

test("an announcement posted on one instance shows on the other at once", async ({ page, browser, baseURL }) => {
  expect(baseURL).not.toBe(second);
  // Warm the second instance's cache with the page as it is now.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${second}/courses/${SLUG}/announcements`);
  const title = `Two instances ${Date.now().toString(36)}`;
  await expect(visitor.getByText(title)).toHaveCount(0);

  await signIn(page, `instructor@${SLUG}.demo`);
  await page.goto(`/courses/${SLUG}/manage/announcements`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Body (markdown)").fill("Posted through the first instance.");
  await page.getByRole("button", { name: "Post announcement" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Posted “${title}”` })).toBeVisible();

  // No waiting, no retries beyond one navigation: the other instance must already know.
  await visitor.goto(`${second}/courses/${SLUG}/announcements`);
  await expect(visitor.getByText(title).first()).toBeVisible({ timeout: 2_000 });
  await visitor.goto(`${second}/courses/${SLUG}`);
  await expect(visitor.getByRole("region", { name: "Latest announcements" })).toContainText(title, { timeout: 2_000 });
});

test("sign-in rate limits hold across instances", async ({ request }) => {
  // Failed attempts on instance one count on instance two (the backoff is kept in PostgreSQL).
  const email = `nobody-${Date.now()}@example.org`;
  const attempt = async (base: string) => {
    const csrf = await (await request.get(`${base}/api/auth/csrf`)).json();
    const res = await request.post(`${base}/api/auth/callback/credentials`, {
      form: { csrfToken: csrf.csrfToken, email, password: "wrong-password", json: "true" },
      maxRedirects: 0,
    });
    return res.headers()["location"] ?? (await res.text());
  };
  const first = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
  // Five free failures per account and address (lib/server/people/sign-in-backoff.ts, PAIR_FREE), spent on
  // both instances together; the sixth try waits, whichever instance it reaches.
  for (let i = 0; i < 5; i++) expect(await attempt(i % 2 === 0 ? first : second)).toMatch(/error=CredentialsSignin/);
  expect(decodeURIComponent(await attempt(second))).toMatch(/too many attempts/i);
});
