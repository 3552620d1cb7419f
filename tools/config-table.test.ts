import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { configTable } from "./config-table.js";

describe("README configuration table", () => {
  it("lists every variable with its default, as the schema has them", async () => {
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    // Regenerate with: npx tsx -e 'import("./tools/config-table.ts").then(m => console.log(m.configTable()))'
    expect(readme).toContain(configTable());
  });
});
