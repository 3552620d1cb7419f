/**
 * `npm run bench -- embedded-query`: query latency of the embedded default (`npm start`: one
 * process, PGlite, the built-in embedder) on SciFact (5,183 abstracts, one chunk each), through
 * HTTP, in keyword, vector and hybrid mode, top_k 10, at 1 and 8 closed-loop clients, each
 * question of the test split asked once per cell. The vector p50 of the same run is the baseline
 * of the keyword and hybrid rows. With EMBEDDED_QUERY_BASELINE_ROOT pointing at another checkout
 * (an earlier commit, with its node_modules), the same is measured there first.
 *
 * The answer cache is off (QUERY_CACHE=off): every cell asks the same questions, and a cached
 * answer measures the cache, not a new question. The dataset sits beside the repository
 * (../shared/eval/scifact) or where SCIFACT_DIR points.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../infra/local/stack.js";
import type { SearchMode } from "../shared/retrieval/search.js";
import type { BeirDataset } from "../tools/eval/beir-dataset.js";
import type { Send } from "../tools/eval/eval-client.js";
import { ingestCorpus } from "../tools/eval/ingest-corpus.js";
import { scifactSettings, scifactTest } from "./lib/alternated-embedded.js";
import { askQuestions } from "./lib/ask-questions.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import { startEmbeddedServer } from "./lib/embedded-server.js";
import type { Row, Table } from "./lib/report.js";
import { log } from "./lib/stack.js";
import { type LatencySummary, latencySummary } from "./lib/stats.js";

const modes: SearchMode[] = ["keyword", "vector", "hybrid"];
const clientCounts = [1, 8];
const topK = 10;

interface Cell {
  mode: SearchMode;
  clients: number;
  latency: LatencySummary;
  errors: number;
  seconds: number;
}

interface TreeRun {
  root: string;
  ingest: { uploadS: number; indexS: number };
  cells: Cell[];
}

async function measure(
  url: string,
  collectionId: string,
  mode: SearchMode,
  clients: number,
  questions: readonly string[],
): Promise<Cell> {
  const { samples, errors, seconds } = await askQuestions(
    url,
    { collectionId, mode, topK },
    clients,
    questions,
  );
  return { mode, clients, latency: latencySummary(samples), errors, seconds };
}

async function treeRun(root: string, dataset: BeirDataset, questions: readonly string[]): Promise<TreeRun> {
  const dataDir = mkdtempSync(join(tmpdir(), "docstack-embedded-query-"));
  const server = await startEmbeddedServer(root, dataDir);
  const url = server.url;
  try {
    const send: Send = (path, init) => fetch(`${url}${path}`, init);
    const ingest = await ingestCorpus(send, dataset, {
      name: `embedded-query-${Date.now()}`,
      chunking: "whole",
      concurrency: 4,
      log: (line) => log(`${root}: ${line}`),
    });
    log(`${root}: ${ingest.chunks} chunks, indexed in ${ingest.index_seconds.toFixed(0)} s`);
    // One pass of each mode before measuring: the first queries load dictionaries and plans.
    for (const mode of modes) await measure(url, ingest.collection.id, mode, 1, questions.slice(0, 10));
    const cells: Cell[] = [];
    for (const clients of clientCounts)
      for (const mode of modes) {
        const cell = await measure(url, ingest.collection.id, mode, clients, questions);
        log(
          `${root}: ${mode} × ${clients}: p50 ${cell.latency.p50.toFixed(1)} ms, p95 ${cell.latency.p95.toFixed(1)} ms, ${cell.errors} errors`,
        );
        cells.push(cell);
      }
    return { root, ingest: { uploadS: ingest.upload_seconds, indexS: ingest.index_seconds }, cells };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function cellOf(run: TreeRun, mode: SearchMode, clients: number): Cell {
  const cell = run.cells.find((c) => c.mode === mode && c.clients === clients);
  if (cell === undefined) throw new Error(`no ${mode} × ${clients} cell`);
  return cell;
}

function tableFor(run: TreeRun, title: string): Table {
  const rows: Row[] = [];
  for (const clients of clientCounts) {
    const vector = cellOf(run, "vector", clients);
    for (const mode of modes) {
      const cell = cellOf(run, mode, clients);
      for (const [q, key] of [
        ["p50", "p50"],
        ["p95", "p95"],
      ] as const) {
        rows.push({
          metric: `${mode}, ${clients} client${clients > 1 ? "s" : ""}, ${q}`,
          unit: "ms",
          values: [cell.latency[key]],
          ...(mode === "vector" ? {} : { baseline: { name: `vector ${q}`, values: [vector.latency[key]] } }),
        });
      }
    }
    rows.push({
      metric: `errors, ${clients} client${clients > 1 ? "s" : ""}`,
      unit: "",
      values: [modes.reduce((a, m) => a + cellOf(run, m, clients).errors, 0)],
    });
  }
  return { title, rows };
}

export async function runEmbeddedQuery(options: BenchOptions): Promise<BenchResult> {
  const dataset = await scifactTest();
  const questions = dataset.queries.map((q) => q.text).slice(0, options.quick ? 40 : undefined);
  const baselineRoot = process.env.EMBEDDED_QUERY_BASELINE_ROOT;
  let before: TreeRun | undefined;
  if (baselineRoot !== undefined) {
    log(`baseline: ${baselineRoot}`);
    before = await treeRun(baselineRoot, dataset, questions);
  }
  log(`this tree: ${repoRoot}`);
  const after = await treeRun(repoRoot, dataset, questions);
  const goal = (mode: SearchMode, q: "p50" | "p95", ms: number): Row => ({
    metric: `${mode}, 1 client, ${q}`,
    unit: "ms",
    values: [cellOf(after, mode, 1).latency[q]],
    baseline: { name: "goal", values: [ms] },
  });
  const tables: Table[] = [
    tableFor(
      after,
      "npm start on SciFact, POST /query top_k 10: latency against vector mode of the same run",
    ),
    {
      title: "Against the goal (issue 16: keyword and hybrid p50 ≤ 30 ms, p95 ≤ 60 ms at one client)",
      rows: [
        goal("keyword", "p50", 30),
        goal("keyword", "p95", 60),
        goal("hybrid", "p50", 30),
        goal("hybrid", "p95", 60),
      ],
    },
  ];
  if (before !== undefined) {
    tables.push({
      title: "Against the baseline checkout, same questions",
      rows: clientCounts.flatMap((clients) =>
        modes.map(
          (mode): Row => ({
            metric: `${mode}, ${clients} client${clients > 1 ? "s" : ""}, p50`,
            unit: "ms",
            values: [cellOf(after, mode, clients).latency.p50],
            baseline: { name: "baseline checkout p50", values: [cellOf(before, mode, clients).latency.p50] },
          }),
        ),
      ),
    });
    tables.push(tableFor(before, "The baseline checkout: latency against its own vector mode"));
  }
  const findings = ["keyword", "hybrid"].map((mode) => {
    const cell = cellOf(after, mode as SearchMode, 1);
    const met = cell.latency.p50 <= 30 && cell.latency.p95 <= 60;
    return `${mode} at one client: p50 ${cell.latency.p50.toFixed(1)} ms, p95 ${cell.latency.p95.toFixed(1)} ms (goal 30 / 60 ms): ${met ? "met" : "not met"}.`;
  });
  return {
    settings: { ...scifactSettings(questions.length, topK), baseline: baselineRoot ?? "none" },
    tables,
    findings,
    detail: { after, before },
  };
}
