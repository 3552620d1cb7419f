import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evalSummaryTable, readEvalResults } from "./eval-summary.js";

const results = fileURLToPath(new URL("../../bench/results/", import.meta.url));

describe("bench/results/eval-summary.md", () => {
  it("holds the quality table of every eval result file, as the files have it", async () => {
    const files = await readEvalResults(results);
    expect(files.length).toBeGreaterThan(0);
    const summary = await readFile(`${results}eval-summary.md`, "utf8");
    // Regenerate with: npx tsx -e 'import("./tools/eval/eval-summary.ts").then(async (m) =>
    //   console.log(m.evalSummaryTable(await m.readEvalResults("bench/results"))))'
    expect(summary).toContain(evalSummaryTable(files));
  });
});
