import type { TestProject } from "vitest/node";
import { migrateDeploy } from "@/scripts/migrate-lib";
import { dropDatabase, urlFor, withAdmin } from "./support/pg";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}

// Migrate one template database per run; each test file then clones it, which
// takes milliseconds instead of a migrate run per file. The name is per run so
// that two runs on one machine never share it.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = `lectern_template_${process.pid}`;
  await withAdmin(async (client) => {
    await dropDatabase(client, template);
    await client.query(`CREATE DATABASE "${template}"`);
  });
  await migrateDeploy(urlFor(template));
  project.provide("templateDb", template);
  return async () => {
    await withAdmin((client) => dropDatabase(client, template));
  };
}
