import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { EvalReport } from "./eval-report.js";

export interface EvalResultFile {
  /** The file's name in bench/results, e.g. eval-test-all-minilm-l6-v2-int8-2026-11-23.json. */
  file: string;
  report: EvalReport;
}

/** Every `npm run eval` result (eval-*.json) in a results directory. */
export async function readEvalResults(dir: string): Promise<EvalResultFile[]> {
  const names = (await readdir(dir)).filter((n) => /^eval-.*\.json$/.test(n));
  return Promise.all(
    names.map(async (file) => ({
      file,
      report: JSON.parse(await readFile(join(dir, file), "utf8")) as EvalReport,
    })),
  );
}

const f3 = (x: number) => x.toFixed(3);

/**
 * The quality table of bench/results/eval-summary.md, one row per mode of every eval result file,
 * rendered from the files so the summary cannot drift from them.
 */
export function evalSummaryTable(results: readonly EvalResultFile[]): string {
  const ordered = [...results].sort(
    (a, b) =>
      a.report.date.localeCompare(b.report.date) ||
      b.report.embedder.localeCompare(a.report.embedder) ||
      a.report.split.localeCompare(b.report.split) ||
      a.file.localeCompare(b.file),
  );
  const rows = ordered.flatMap(({ file, report }) =>
    report.modes.map(
      (m) =>
        `| ${report.embedder} | ${report.split} | ${m.mode} | ${f3(m.ndcg_at_10)} | ${f3(m.recall_at_100)} | ` +
        `${m.queries} | ${m.took_ms.p50} | ${m.mode === "hybrid" ? (report.fusion ?? "") : ""} | ${report.chunking} | ${report.machine} | ${report.date} | [json](${file}) |`,
    ),
  );
  return [
    "| embedder | split | mode | nDCG@10 | Recall@100 | queries | median ms | fusion | chunking | machine | date | file |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
