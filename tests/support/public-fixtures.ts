import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The public test files kept beside the repository (`../shared/fixtures`, with SOURCES.md),
 * never copied into it. FIXTURES_DIR overrides; otherwise the nearest `shared/fixtures` beside
 * the repository or one of its parent directories (a git worktree sits deeper). Missing files
 * fail the test that needs them: they are part of the suite.
 */
function fixturesDir(): string {
  if (process.env.FIXTURES_DIR !== undefined) return resolve(process.env.FIXTURES_DIR);
  const repo = resolve(import.meta.dirname, "../..");
  for (let dir = dirname(repo); ; dir = dirname(dir)) {
    const candidate = join(dir, "shared/fixtures");
    if (existsSync(join(candidate, "SOURCES.md"))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`public fixtures not found beside ${repo} (set FIXTURES_DIR)`);
}

export function publicFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixturesDir(), name)));
}
