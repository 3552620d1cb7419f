import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { configTable } from "./config-table.js";

describe("configuration table in docs/configuration.md", () => {
  it("lists every variable with its default, as the schema has them", async () => {
    const page = await readFile(new URL("../docs/configuration.md", import.meta.url), "utf8");
    // Regenerate with: npx tsx -e 'import("./tools/config-table.ts").then(m => console.log(m.configTable()))'
    expect(page).toContain(configTable());
  });
});
