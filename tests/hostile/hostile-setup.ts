import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where this run's hostile files are written (hostile-files.ts), removed after the run. */
    hostileDir: string;
  }
}

/** Vitest global setup of the hostile suite: one directory of generated files per run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "docstack-hostile-"));
  project.provide("hostileDir", dir);
  return () => rm(dir, { recursive: true, force: true });
}
