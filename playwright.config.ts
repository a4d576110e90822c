import { defineConfig } from "@playwright/test";

// Debian's Chromium, never a downloaded browser (there is no network for that here).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const EMBEDDED_PORT = E2E_PORT + 1;
// E2E_ONLY_APP=1 skips the embedded-database smoke project (it builds nothing, but starts a second server).
const onlyApp = process.env.E2E_ONLY_APP === "1";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
    trace: "retain-on-failure",
  },
  projects: [
    { name: "app", testIgnore: /embedded\.spec\.ts/ },
    ...(onlyApp
      ? []
      : [{ name: "embedded", testMatch: /embedded\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${EMBEDDED_PORT}` } }]),
  ],
  webServer: [
    {
      // The production build on a fresh, seeded database of the machine's PostgreSQL:
      // two instances (E2E_PORT and E2E_PORT + 2) sharing it and Redis. Ready when the second answers.
      command: `tsx scripts/e2e-server.ts ${E2E_PORT}`,
      url: `http://127.0.0.1:${E2E_PORT + 2}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    ...(onlyApp
      ? []
      : [
          {
            // The README's run command, as a fresh machine runs it: no DATABASE_URL, embedded PostgreSQL.
            command: `rm -rf .data/e2e-embedded-${EMBEDDED_PORT} && env -u DATABASE_URL LECTERN_DATA_DIR=.data/e2e-embedded-${EMBEDDED_PORT} LECTERN_PG_PORT=${E2E_PORT + 50000} PORT=${EMBEDDED_PORT} tsx scripts/launch.ts start`,
            url: `http://127.0.0.1:${EMBEDDED_PORT}/api/health`,
            timeout: 240_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
          },
        ]),
  ],
});
