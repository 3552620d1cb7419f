/**
 * `npm run bench -- onnx-sessions`: how fast `npm start` indexes with bge-small-en-v1.5
 * (EMBEDDER=onnx) as the host's cores are laid out between onnxruntime sessions and their
 * threads: 1 session of 1 thread (the baseline, the default), 1 session of 2 threads, 2 sessions
 * of 1 thread (EMBEDDER_SESSIONS=2). SciFact abstracts, one chunk each, uploaded and then indexed
 * through the routes on a fresh data directory per cell; each round takes the layouts in turn,
 * in reverse order every other round, so drift falls on all of them alike. The figures are
 * abstracts indexed per second, from `POST /index/run` to nothing pending, and the server's
 * peak RSS.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { repoRoot } from "../infra/local/stack.js";
import type { Send } from "../tools/eval/eval-client.js";
import { ingestCorpus } from "../tools/eval/ingest-corpus.js";
import { scifactTest } from "./lib/alternated-embedded.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import { startEmbeddedServer } from "./lib/embedded-server.js";
import { procMemory } from "./lib/memory.js";
import type { Row } from "./lib/report.js";
import { log } from "./lib/stack.js";
import { median } from "./lib/stats.js";

interface Layout {
  sessions: number;
  threads: number;
}
const baseline: Layout = { sessions: 1, threads: 1 };
const layouts: Layout[] = [baseline, { sessions: 1, threads: 2 }, { sessions: 2, threads: 1 }];
const name = (l: Layout) =>
  `${l.sessions} session${l.sessions > 1 ? "s" : ""} × ${l.threads} thread${l.threads > 1 ? "s" : ""}`;

export async function runOnnxSessions(options: BenchOptions): Promise<BenchResult> {
  const modelDir = resolve(process.env.DOCSTACK_BGE_MODEL_DIR ?? join(repoRoot, ".models/bge-small-en-v1.5"));
  const full = await scifactTest();
  const documents = Math.round((options.quick ? 120 : 600) * options.scale);
  const dataset = { ...full, corpus: full.corpus.slice(0, documents) };
  const rounds = options.runs ?? (options.quick ? 1 : 2);
  const perSecond = new Map<Layout, number[]>(layouts.map((l) => [l, []]));
  const peakMiB = new Map<Layout, number[]>(layouts.map((l) => [l, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const layout of round % 2 === 1 ? layouts : [...layouts].reverse()) {
      const dataDir = mkdtempSync(join(tmpdir(), "docstack-onnx-sessions-"));
      const server = await startEmbeddedServer(repoRoot, dataDir, {
        EMBEDDER: "onnx",
        EMBEDDER_MODEL_DIR: modelDir,
        EMBEDDER_SESSIONS: String(layout.sessions),
        EMBEDDER_THREADS: String(layout.threads),
      });
      try {
        const send: Send = (path, init) => fetch(`${server.url}${path}`, init);
        const ingest = await ingestCorpus(send, dataset, {
          name: "onnx-sessions",
          chunking: "whole",
          concurrency: 4,
          log: () => {},
        });
        const rate = ingest.documents / ingest.index_seconds;
        perSecond.get(layout)?.push(rate);
        const peak = server.pid === undefined ? undefined : procMemory(server.pid)?.hwmMiB;
        if (peak !== undefined) peakMiB.get(layout)?.push(peak);
        log(
          `round ${round}, ${name(layout)}: ${ingest.documents} abstracts in ${ingest.index_seconds.toFixed(1)} s, ${rate.toFixed(2)}/s, peak RSS ${peak?.toFixed(0) ?? "?"} MiB`,
        );
      } finally {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  const base = perSecond.get(baseline) ?? [];
  const rows: Row[] = layouts.map((layout) => ({
    metric: `abstracts indexed per second, ${name(layout)}`,
    unit: "/s",
    values: perSecond.get(layout) ?? [],
    ...(layout === baseline ? {} : { baseline: { name: name(baseline), values: base } }),
  }));
  const memoryRows: Row[] = layouts.map((layout) => ({
    metric: `server peak RSS, ${name(layout)}`,
    unit: "MiB",
    values: peakMiB.get(layout) ?? [],
    ...(layout === baseline
      ? {}
      : { baseline: { name: name(baseline), values: peakMiB.get(baseline) ?? [] } }),
  }));
  const ratio = (layout: Layout, over = baseline) => {
    const under = perSecond.get(over) ?? [];
    return median((perSecond.get(layout) ?? []).map((v, i) => v / (under[i] ?? Number.NaN)));
  };
  const [, twoThreads, twoSessions] = layouts as [Layout, Layout, Layout];
  return {
    settings: {
      dataset: "SciFact's first abstracts, one chunk each",
      documents,
      model: "bge-small-en-v1.5 (int8)",
      cores: cpus().length,
      rounds: `${rounds} (the three layouts in turn, reversed every other round)`,
    },
    tables: [
      { title: "Indexing throughput by onnxruntime layout (higher is better)", rows },
      { title: "Memory: the server's peak RSS (VmHWM) after indexing", rows: memoryRows },
    ],
    findings: [
      `2 sessions × 1 thread index ×${ratio(twoSessions).toFixed(2)} the baseline's abstracts per second; 1 session × 2 threads ×${ratio(twoThreads).toFixed(2)} (medians of per-round ratios).`,
      `Both cores, two ways: 2 sessions × 1 thread index ×${ratio(twoSessions, twoThreads).toFixed(2)} what 1 session × 2 threads does (median of per-round ratios).`,
    ],
    detail: Object.fromEntries(
      layouts.map((l) => [name(l), { per_second: perSecond.get(l), peak_rss_mib: peakMiB.get(l) }]),
    ),
  };
}
