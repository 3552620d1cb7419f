import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The public test files beside the repository (`../shared/fixtures`, listed with their origin
 * and licence in its SOURCES.md), or wherever FIXTURES_DIR points. None is copied into the repo.
 */
export function publicFixturesDir(): string {
  const candidates = [
    process.env.FIXTURES_DIR,
    resolve(import.meta.dirname, "../../../shared/fixtures"),
    "/work/shared/fixtures",
  ];
  const found = candidates.find((dir) => dir !== undefined && existsSync(join(dir, "SOURCES.md")));
  if (found === undefined) {
    throw new Error("public fixtures not found: set FIXTURES_DIR to the shared/fixtures folder");
  }
  return found;
}

export function publicFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(publicFixturesDir(), name)));
}
