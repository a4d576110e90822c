import { defineConfig } from "vitest/config";

// vitest 5's reporter calls Map.groupBy (Node 21+) when it prints a failure; on
// Node 20 that crash would hide the failure itself. The config runs in the main
// process, so defining it here is enough.
if (!("groupBy" in Map)) {
  Object.defineProperty(Map, "groupBy", {
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

// The fault tests restart the machine's PostgreSQL, which would break the integration
// tests running beside them: they are a project only when asked for, by
// `--project fault` (npm run test:fault) or VITEST_FAULT=1, never in a plain `vitest run`.
const argv = process.argv.slice(2);
const faultRequested =
  process.env.VITEST_FAULT === "1" || argv.some((a, i) => a === "--project=fault" || (a === "--project" && argv[i + 1] === "fault"));

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
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file owns a database; two files at a time keeps 2 cores busy without thrashing.
          maxWorkers: 2,
        },
      },
      ...(faultRequested
        ? [
            {
              extends: true,
              test: {
                name: "fault",
                include: ["tests/fault/**/*.test.ts"],
                environment: "node",
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
