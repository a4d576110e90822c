import type { TestProject } from "vitest/node";
import { removeCluster, startCluster, type Cluster } from "./support/throwaway-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    faultCluster: Cluster;
  }
}

// One throwaway cluster for the fault run. TEST_PG_URL points everything the tests start
// (scripts/scratch-database.ts, scripts/e2e-server.ts) at it: workers and the servers they
// spawn inherit this process's environment.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startCluster();
  process.env.TEST_PG_URL = cluster.adminUrl;
  project.provide("faultCluster", cluster);
  return () => removeCluster(cluster);
}
