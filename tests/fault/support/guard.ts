import type { Cluster } from "./throwaway-cluster";

/**
 * The cluster a fault test may restart, checked against where its servers connect:
 * TEST_PG_URL (read by scripts/scratch-database.ts and everything it starts) must name it.
 */
export function onThrowawayCluster(cluster: Cluster): Cluster {
  if (process.env.TEST_PG_URL !== cluster.adminUrl)
    throw new Error(
      `fault tests run on their own cluster (${cluster.adminUrl}); TEST_PG_URL is ${process.env.TEST_PG_URL}`,
    );
  return cluster;
}
