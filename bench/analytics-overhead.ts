/**
 * `npm run bench -- analytics-overhead`: what recording retrieval analytics costs a query. The
 * embedded default (`npm start`: one process, PGlite, the built-in embedder) on SciFact, with
 * ANALYTICS=on and =off on the same data, alternated (off, on, off, on) so drift falls on both;
 * keyword and hybrid queries, top_k 10, at 1 and 50 closed-loop clients, each test question once
 * per cell. The collection keeps hashed query texts, so the HMAC is in the measured work. The
 * embedded default is the worst case: the events' inserts share PGlite's one connection with the
 * queries, where on the stack they go through PgBouncer to a server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { repoRoot } from "../infra/local/stack.js";
import type { SearchMode } from "../shared/retrieval/search.js";
import { loadBeirDataset } from "../tools/eval/beir-dataset.js";
import type { Send } from "../tools/eval/eval-client.js";
import { ingestCorpus } from "../tools/eval/ingest-corpus.js";
import { askQuestions } from "./lib/ask-questions.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import { startEmbeddedServer } from "./lib/embedded-server.js";
import type { Row } from "./lib/report.js";
import { log } from "./lib/stack.js";
import { latencySummary, median } from "./lib/stats.js";

const modes: SearchMode[] = ["keyword", "hybrid"];
const clientCounts = [1, 50];
const rounds = 2;
const topK = 10;
type Setting = "on" | "off";

interface Cell {
  setting: Setting;
  round: number;
  mode: SearchMode;
  clients: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(
  url: string,
  collectionId: string,
  mode: SearchMode,
  clients: number,
  questions: readonly string[],
) {
  const { samples, errors } = await askQuestions(url, { collectionId, mode, topK }, clients, questions);
  const summary = latencySummary(samples);
  return { p50: summary.p50, p99: summary.p99, errors };
}

/** `npm start` on dataDir with ANALYTICS as given, until `use` is done. */
async function withServer<T>(
  dataDir: string,
  setting: Setting,
  use: (url: string) => Promise<T>,
): Promise<T> {
  const server = await startEmbeddedServer(repoRoot, dataDir, { ANALYTICS: setting });
  try {
    return await use(server.url);
  } finally {
    await server.stop();
  }
}

export async function runAnalyticsOverhead(options: BenchOptions): Promise<BenchResult> {
  const dir = resolve(process.env.SCIFACT_DIR ?? join(repoRoot, "../shared/eval/scifact"));
  const dataset = await loadBeirDataset(dir, "test");
  const questions = dataset.queries.map((q) => q.text).slice(0, options.quick ? 40 : undefined);
  const dataDir = mkdtempSync(join(tmpdir(), "docstack-analytics-overhead-"));
  try {
    const collectionId = await withServer(dataDir, "on", async (url) => {
      const send: Send = (path, init) => fetch(`${url}${path}`, init);
      const ingest = await ingestCorpus(send, dataset, {
        name: "analytics-overhead",
        chunking: "whole",
        concurrency: 4,
        analyticsText: "hashed",
        log,
      });
      return ingest.collection.id;
    });
    const cells: Cell[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const setting of ["off", "on"] as const) {
        await withServer(dataDir, setting, async (url) => {
          // A pass of each mode first: the first queries load dictionaries and plans.
          for (const mode of modes) await measure(url, collectionId, mode, 1, questions.slice(0, 10));
          for (const clients of clientCounts)
            for (const mode of modes) {
              const m = await measure(url, collectionId, mode, clients, questions);
              log(
                `round ${round}, ANALYTICS=${setting}, ${mode} × ${clients}: p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms`,
              );
              cells.push({ setting, round, mode, clients, ...m });
            }
        });
      }
    }
    const values = (setting: Setting, mode: SearchMode, clients: number, q: "p50" | "p99") =>
      cells.filter((c) => c.setting === setting && c.mode === mode && c.clients === clients).map((c) => c[q]);
    const rows: Row[] = clientCounts.flatMap((clients) =>
      modes.flatMap((mode) =>
        (["p50", "p99"] as const).map(
          (q): Row => ({
            metric: `${mode}, ${clients} client${clients > 1 ? "s" : ""}, ${q}, analytics on`,
            unit: "ms",
            values: values("on", mode, clients, q),
            baseline: { name: "analytics off", values: values("off", mode, clients, q) },
          }),
        ),
      ),
    );
    const errors = cells.reduce((sum, c) => sum + c.errors, 0);
    const findings = clientCounts.flatMap((clients) =>
      modes.map((mode) => {
        // As the table's ratio: each round's on against the same round's off, then the median.
        const off = values("off", mode, clients, "p50");
        const ratio = median(values("on", mode, clients, "p50").map((on, i) => on / (off[i] ?? Number.NaN)));
        return `${mode} × ${clients}: p50 with analytics ×${ratio.toFixed(3)} of without (goal ≤ ×1.05): ${ratio <= 1.05 ? "met" : "not met"}.`;
      }),
    );
    findings.push(`${errors} errors in ${cells.length} cells.`);
    return {
      settings: {
        dataset: "SciFact test questions over its 5,183 abstracts (one chunk each)",
        questions: questions.length,
        top_k: topK,
        embedder: "builtin",
        "query cache": "off",
        analytics_text: "hashed",
        rounds: `${rounds} (off, on, off, on)`,
      },
      tables: [
        {
          title:
            "npm start on SciFact, POST /query: latency with analytics recording on, against off (same data, alternated)",
          rows,
        },
      ],
      findings,
      detail: { cells },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
