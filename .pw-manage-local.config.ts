import { defineConfig } from "@playwright/test";
export default defineConfig({
  testDir: "/work/main/tests/e2e",
  workers: 1, retries: 0, timeout: 90_000, expect: { timeout: 10_000 }, reporter: [["list"]],
  use: {
    baseURL: "http://127.0.0.1:3500",
    launchOptions: { executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu"] },
    trace: "retain-on-failure",
  },
  outputDir: "/tmp/pw/results",
});
