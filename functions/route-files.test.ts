import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Route files parse, call one use case and shape the answer: SQL lives in the library's use
 * cases, which own their transaction and audit row. A route that reaches the database directly
 * would bypass both, so none may import the database layer or the drivers.
 */
const root = resolve(import.meta.dirname, "..");
const forbidden = (specifier: string) =>
  /\/db\//.test(specifier) || specifier === "postgres" || specifier.startsWith("@electric-sql/");

async function routeFiles(): Promise<string[]> {
  const functions = (await readdir(join(root, "functions"), { withFileTypes: true })).filter((d) =>
    d.isDirectory(),
  );
  const files: string[] = [];
  for (const fn of functions) {
    const dir = join(root, "functions", fn.name, "routes");
    const names = await readdir(dir).catch(() => []);
    files.push(...names.filter((n) => n.endsWith(".ts")).map((n) => join(dir, n)));
  }
  return files;
}

describe("route files", async () => {
  const files = await routeFiles();

  it("exist (the walk finds the routes)", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)("%s reaches the database only through a use case", async (file) => {
    const source = await readFile(file, "utf8");
    const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map(
      (m) => m[1] ?? "",
    );
    expect(specifiers.filter(forbidden)).toEqual([]);
    // A tagged template on anything called sql is a query written in the route.
    expect(source).not.toMatch(/\bsql\s*`/);
  });
});
