/**
 * `npm run bench -- <name|all> [--quick] [--scale <x>] [--runs <n>] [--cpu-prof]`
 *
 * Each benchmark starts what it needs (the local stack of infra/local/stack.ts, extra bench-only
 * processes), measures on loopback for a bounded time, stops everything, and writes
 * bench/results/<name>-<YYYY-MM-DD>.json and .md (`-quick-` in the name for --quick runs).
 */
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../infra/local/stack.js";
import { runAnalyticsOverhead } from "./analytics-overhead.js";
import { runColdstart } from "./coldstart.js";
import { runEmbeddedQuery } from "./embedded-query.js";
import { runEncodings } from "./encodings.js";
import { runExtraction } from "./extraction.js";
import { runIngest } from "./ingest.js";
import type { Benchmark, BenchOptions } from "./lib/bench.js";
import { describeMachine } from "./lib/machine.js";
import { isoDate, writeReport } from "./lib/report.js";
import { log } from "./lib/stack.js";
import { runOcr } from "./ocr.js";
import { runOnnxSessions } from "./onnx-sessions.js";
import { runOverload } from "./overload.js";
import { runPool } from "./pool.js";
import { runQuery } from "./query.js";
import { runRatelimit } from "./ratelimit.js";
import { runRerankOverhead } from "./rerank-overhead.js";
import { runServing } from "./serving.js";
import { runVectorIndex } from "./vector-index.js";

const benchmarks: Record<string, Benchmark> = {
  ingest: runIngest,
  serving: runServing,
  query: runQuery,
  ratelimit: runRatelimit,
  pool: runPool,
  coldstart: runColdstart,
  encodings: runEncodings,
  extraction: runExtraction,
  ocr: runOcr,
  "onnx-sessions": runOnnxSessions,
  "vector-index": runVectorIndex,
  "embedded-query": runEmbeddedQuery,
  "analytics-overhead": runAnalyticsOverhead,
  "rerank-overhead": runRerankOverhead,
  overload: runOverload,
};

const usage = `usage: npm run bench -- <${Object.keys(benchmarks).join("|")}|all> [--quick] [--scale <x>] [--runs <n>] [--cpu-prof]`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: "boolean", default: false },
      scale: { type: "string", default: "1" },
      runs: { type: "string" },
      "cpu-prof": { type: "boolean", default: false },
    },
  });
  const name = positionals[0];
  const names = name === "all" ? Object.keys(benchmarks) : name && name in benchmarks ? [name] : [];
  if (names.length === 0 || positionals.length > 1) throw new Error(usage);
  const scale = Number(values.scale);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (!(scale > 0) || (runs !== undefined && !(Number.isInteger(runs) && runs > 0))) throw new Error(usage);
  const options: BenchOptions = {
    quick: values.quick,
    scale,
    cpuProf: values["cpu-prof"],
    ...(runs ? { runs } : {}),
  };
  const started = performance.now();
  for (const n of names) {
    const bench = benchmarks[n];
    if (bench === undefined) continue;
    const t = performance.now();
    const machine = describeMachine();
    log(`${n}${options.quick ? " (quick)" : ""}: start`);
    const result = await bench(options);
    machine.loadAfter = loadavg()[0] ?? 0;
    const report = {
      name: result.variant === undefined ? n : `${n}-${result.variant}`,
      date: isoDate(new Date()),
      quick: options.quick,
      machine,
      durationS: (performance.now() - t) / 1000,
      ...result,
    };
    const paths = writeReport(report, join(repoRoot, "bench/results"));
    log(`${n}: done in ${report.durationS.toFixed(0)} s -> ${paths.md}`);
  }
  if (names.length > 1) log(`all: ${((performance.now() - started) / 60_000).toFixed(1)} min`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
