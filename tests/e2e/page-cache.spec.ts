import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

// Issue 14.1: public pages are rendered once per site version and served from the page
// cache (lib/server/platform/page-cache/) to visitors who are not signed in. A cached copy
// cannot carry a per-request nonce, so it goes out under a hash-based policy: Next's own
// inline scripts run, anything else inline does not. Invalidation across instances is
// proven by two-instances.spec.ts and manage.spec.ts (both read pages this cache serves).

const SLUG = "csc490";
const run = Date.now().toString(36);
// A query of its own makes the first request a guaranteed miss (the query is part of the key).
const PAGE = `/courses/${SLUG}/schedule?show=all&run=${run}`;
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

test("a public page is rendered once, then served as the same bytes under a policy of hashes instead of a nonce", async ({
  request,
}) => {
  const first = await request.get(PAGE);
  const second = await request.get(PAGE);
  expect(first.status()).toBe(200);
  expect(first.headers()["x-lectern-page-cache"]).toBe("miss");
  expect(second.headers()["x-lectern-page-cache"]).toBe("hit");
  const live = first.headers()["content-security-policy"]!;
  const cached = second.headers()["content-security-policy"]!;
  expect(live).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  const scriptSrc = /script-src[^;]*/.exec(cached)![0];
  expect(scriptSrc).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
  expect(cached).toContain("frame-ancestors 'none'");
  for (const name of ["x-content-type-options", "x-frame-options", "referrer-policy", "cache-control", "content-type"])
    expect(second.headers()[name], name).toBe(first.headers()[name]);

  const html = await second.text();
  expect(html).toBe(await first.text());
  // Every inline script of the page is allowed by its own hash.
  const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(inline.length).toBeGreaterThan(0);
  for (const body of inline.filter(Boolean)) expect(cached).toContain(sha256(body));
});

test("an inline script put into a cached page does not run; the page's own scripts do, and it navigates client-side", async ({
  page,
  request,
}) => {
  await request.get(PAGE); // cached now
  const injected = "window.__pwned=1";
  await page.route(`**${PAGE}`, async (route) => {
    const response = await route.fetch();
    expect(response.headers()["x-lectern-page-cache"]).toBe("hit");
    const body = (await response.text()).replace("</body>", `<script>${injected}</script></body>`);
    await route.fulfill({ response, body });
  });
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { name: "Schedule", level: 1 })).toBeVisible();
  // Hydrated: a tab switch is a client-side navigation (the window's state survives it).
  await page.evaluate(() => ((window as unknown as { __kept: number }).__kept = 1));
  await page.getByRole("link", { name: "Announcements" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/courses/${SLUG}/announcements$`));
  expect(await page.evaluate(() => (window as unknown as { __kept?: number }).__kept)).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // The one refusal is the injected script (named by its hash); no script of the app's own was refused.
  expect(refused.length).toBe(1);
  expect(refused[0]).toContain(sha256(injected).slice(1, -1));
});

test("a signed-in viewer is never served the anonymous copy", async ({ page, request }) => {
  await request.get(PAGE);
  expect((await request.get(PAGE)).headers()["x-lectern-page-cache"]).toBe("hit");
  await signIn(page, `student1@${SLUG}.demo`);
  const response = await page.goto(PAGE);
  expect(response!.headers()["x-lectern-page-cache"]).toBeUndefined();
  expect(response!.headers()["content-security-policy"]).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
  await expect(page.getByTestId("viewer-name")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
});
