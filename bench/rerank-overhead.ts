/**
 * `npm run bench -- rerank-overhead`: what reranking costs a query on Docstack's side. The
 * embedded default (`npm start`) on SciFact with RERANKER=tei pointed at a local stand-in for a
 * rerank server that answers at once (no cross-encoder can run here: docs/reranking.md), with
 * RERANK_DEFAULT=false and =true on the same data, alternated (off, on, off, on) so drift falls
 * on both; hybrid queries, top_k 10, at 1 and 50 closed-loop clients, each test question once per
 * cell. "On" pays for the deeper candidate lists (RERANK_DEPTH 50 against top_k 10), the passages'
 * text, one HTTP round trip and the merge; the model's own time is the rerank server's and is not
 * in these figures.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { repoRoot } from "../infra/local/stack.js";
import { startRerankStub } from "../tests/support/rerank-stub.js";
import { loadBeirDataset } from "../tools/eval/beir-dataset.js";
import type { Send } from "../tools/eval/eval-client.js";
import { ingestCorpus } from "../tools/eval/ingest-corpus.js";
import { askQuestions } from "./lib/ask-questions.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import { startEmbeddedServer } from "./lib/embedded-server.js";
import type { Row } from "./lib/report.js";
import { log } from "./lib/stack.js";
import { latencySummary, median } from "./lib/stats.js";

const clientCounts = [1, 50];
const rounds = 2;
const topK = 10;
type Setting = "on" | "off";

interface Cell {
  setting: Setting;
  round: number;
  clients: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Words the query and the passage share: enough for an answer in the server's shape. */
function sharedWords(query: string, passage: string): number {
  const words = new Set(query.toLowerCase().split(/\W+/));
  return passage
    .toLowerCase()
    .split(/\W+/)
    .filter((w) => w.length > 2 && words.has(w)).length;
}

export async function runRerankOverhead(options: BenchOptions): Promise<BenchResult> {
  const dir = resolve(process.env.SCIFACT_DIR ?? join(repoRoot, "../shared/eval/scifact"));
  const dataset = await loadBeirDataset(dir, "test");
  const questions = dataset.queries.map((q) => q.text).slice(0, options.quick ? 40 : undefined);
  const dataDir = mkdtempSync(join(tmpdir(), "docstack-rerank-overhead-"));
  const stub = await startRerankStub({ api: "tei", score: sharedWords });
  const withServer = async <T>(setting: Setting, use: (url: string) => Promise<T>): Promise<T> => {
    const server = await startEmbeddedServer(repoRoot, dataDir, {
      RERANKER: "tei",
      RERANK_URL: stub.url,
      RERANK_DEFAULT: setting === "on" ? "true" : "false",
    });
    try {
      return await use(server.url);
    } finally {
      await server.stop();
    }
  };
  try {
    const collectionId = await withServer("off", async (url) => {
      const send: Send = (path, init) => fetch(`${url}${path}`, init);
      const ingest = await ingestCorpus(send, dataset, {
        name: "rerank-overhead",
        chunking: "whole",
        concurrency: 4,
        log,
      });
      return ingest.collection.id;
    });
    const cells: Cell[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const setting of ["off", "on"] as const) {
        await withServer(setting, async (url) => {
          // A first pass: the first queries load dictionaries and plans.
          await askQuestions(url, { collectionId, mode: "hybrid", topK }, 1, questions.slice(0, 10));
          for (const clients of clientCounts) {
            const before = stub.arrivals.length;
            const run = await askQuestions(url, { collectionId, mode: "hybrid", topK }, clients, questions);
            const reranked = stub.arrivals.length - before;
            if ((setting === "on") !== reranked > 0)
              throw new Error(`RERANK_DEFAULT=${setting === "on"} but ${reranked} rerank calls were made`);
            const summary = latencySummary(run.samples);
            log(
              `round ${round}, rerank ${setting}, hybrid × ${clients}: p50 ${summary.p50.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms, ${reranked} rerank calls`,
            );
            cells.push({ setting, round, clients, p50: summary.p50, p99: summary.p99, errors: run.errors });
          }
        });
      }
    }
    const values = (setting: Setting, clients: number, q: "p50" | "p99") =>
      cells.filter((c) => c.setting === setting && c.clients === clients).map((c) => c[q]);
    const rows: Row[] = clientCounts.flatMap((clients) =>
      (["p50", "p99"] as const).map(
        (q): Row => ({
          metric: `hybrid, ${clients} client${clients > 1 ? "s" : ""}, ${q}, reranked`,
          unit: "ms",
          values: values("on", clients, q),
          baseline: { name: "fused order only", values: values("off", clients, q) },
        }),
      ),
    );
    const errors = cells.reduce((sum, c) => sum + c.errors, 0);
    const findings = clientCounts.map((clients) => {
      const off = values("off", clients, "p50");
      const ratio = median(values("on", clients, "p50").map((on, i) => on / (off[i] ?? Number.NaN)));
      return `hybrid × ${clients}: p50 with reranking ×${ratio.toFixed(3)} of without, the rerank server answering at once.`;
    });
    findings.push(`${errors} errors in ${cells.length} cells.`);
    return {
      settings: {
        dataset: "SciFact test questions over its 5,183 abstracts (one chunk each)",
        questions: questions.length,
        top_k: topK,
        embedder: "builtin",
        "query cache": "off",
        reranker: "tei shape, local stand-in answering at once (word overlap), RERANK_DEPTH 50",
        rounds: `${rounds} (off, on, off, on)`,
      },
      tables: [
        {
          title:
            "npm start on SciFact, POST /query hybrid: latency with reranking, against the fused order only",
          rows,
        },
      ],
      findings,
      detail: { cells },
    };
  } finally {
    await stub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
