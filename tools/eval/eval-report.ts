import type { SearchMode } from "../../shared/retrieval/search.js";
import type { FusionPoint } from "./fusion-grid.js";

export interface ModeScore {
  mode: SearchMode;
  ndcg_at_10: number;
  recall_at_100: number;
  queries: number;
  took_ms: { p50: number; p95: number };
  seconds: number;
}

export interface EvalReport {
  dataset: string;
  split: string;
  date: string;
  machine: string;
  embedder: string;
  target: string;
  chunking: string;
  collection: string;
  top_k: number;
  corpus: {
    documents: number;
    chunks: number;
    reused_index: boolean;
    upload_seconds: number;
    index_seconds: number;
  };
  modes: ModeScore[];
  /** How hybrid mode fused its lists (`describeFusion`), when the target is this checkout. */
  fusion?: string;
  /** `--fusion-grid`: the fusions scored offline over the keyword and vector runs, best first. */
  fusion_grid?: FusionPoint[];
}

const f3 = (x: number) => x.toFixed(3);

export function markdownTable(report: EvalReport): string {
  const rows = report.modes.map(
    (m) =>
      `| ${m.mode} | ${f3(m.ndcg_at_10)} | ${f3(m.recall_at_100)} | ${m.queries} | ${report.machine} | ${report.date} | ${report.embedder} |`,
  );
  return [
    `${report.dataset} ${report.split} (${report.chunking} chunking, ${report.target})`,
    "",
    "| mode | nDCG@10 | Recall@100 | queries | machine | date | embedder |",
    "| --- | ---: | ---: | ---: | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
