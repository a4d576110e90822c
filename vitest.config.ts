import { defineConfig } from "vitest/config";

// The fault tests need a production build and take minutes (a server under load, a PostgreSQL
// restart): they are a project only when asked for, by `--project fault` (npm run test:fault)
// or VITEST_FAULT=1, never in a plain `vitest run`. They restart a throwaway cluster of their
// own (tests/fault/global-setup.ts), never the machine's PostgreSQL.
const argv = process.argv.slice(2);
const faultRequested =
  process.env.VITEST_FAULT === "1" ||
  argv.some((a, i) => a === "--project=fault" || (a === "--project" && argv[i + 1] === "fault"));

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // "server-only" throws outside React Server Components; tests import the data layer directly.
    alias: { "server-only": new URL("./tests/support/server-only.ts", import.meta.url).pathname },
  },
  test: {
    projects: [
      {
        extends: true,
        // Property tests run thousands of cases; a busy 2-core CI machine needs headroom.
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          // vitest 4 runs projects with different maxWorkers as ordered groups.
          sequence: { groupOrder: 1 },
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          // Unsubscribe links in queued emails are signed with it, as in the app.
          env: { NEXTAUTH_SECRET: "integration-test-secret", NEXTAUTH_URL: "http://lectern.test" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file owns a database; two files at a time keeps 2 cores busy without thrashing.
          maxWorkers: 2,
        },
      },
      ...(faultRequested
        ? [
            {
              extends: true as const,
              test: {
                name: "fault",
                sequence: { groupOrder: 2 },
                include: ["tests/fault/**/*.test.ts"],
                environment: "node",
                globalSetup: ["tests/fault/global-setup.ts"],
                // A production server starts and PostgreSQL restarts inside one test.
                testTimeout: 300_000,
                hookTimeout: 300_000,
                maxWorkers: 1,
              },
            },
          ]
        : []),
    ],
  },
});
