import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";

// The public test files beside the repository (../shared/fixtures; SOURCES.md says what each is),
// read where they are, never copied in.
const candidates = [resolve(import.meta.dirname, "../../../shared/fixtures"), "/work/shared/fixtures"];

export const sharedFixturesDir = candidates.find((dir) => existsSync(join(dir, "SOURCES.md")));

export async function sharedFixture(name: string): Promise<Uint8Array> {
  if (sharedFixturesDir === undefined) {
    throw new Error(`the shared fixtures are not beside the repository (looked in ${candidates.join(", ")})`);
  }
  return new Uint8Array(await readFile(join(sharedFixturesDir, name)));
}
