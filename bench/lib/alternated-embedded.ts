import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { repoRoot } from "../../infra/local/stack.js";
import type { SearchMode } from "../../shared/retrieval/search.js";
import { loadBeirDataset } from "../../tools/eval/beir-dataset.js";
import type { Send } from "../../tools/eval/eval-client.js";
import { ingestCorpus } from "../../tools/eval/ingest-corpus.js";
import { askQuestions } from "./ask-questions.js";
import type { BenchResult } from "./bench.js";
import { startEmbeddedServer } from "./embedded-server.js";
import type { Row } from "./report.js";
import { log } from "./stack.js";
import { latencySummary, median } from "./stats.js";

export type Setting = "on" | "off";

export interface AlternatedCell {
  setting: Setting;
  round: number;
  mode: SearchMode;
  clients: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface AlternatedPlan {
  /** Short name for logs and rows ("analytics", "rerank"). */
  name: string;
  /** `npm start`'s extra environment for each setting. */
  env: (setting: Setting) => Record<string, string>;
  modes: readonly SearchMode[];
  clientCounts: readonly number[];
  rounds: number;
  topK: number;
  /** Collection settings for the corpus (e.g. analytics_text). */
  analyticsText?: "off" | "hashed" | "full";
  /** Called before each measured cell; what it returns is called after it, and may throw. */
  observe?: (setting: Setting) => () => string;
  quick: boolean;
}

/** The settings block every SciFact-on-`npm start` bench reports. */
export function scifactSettings(questions: number, topK: number): Record<string, string | number> {
  return {
    dataset: "SciFact test questions over its 5,183 abstracts (one chunk each)",
    questions,
    top_k: topK,
    embedder: "builtin",
    "query cache": "off",
  };
}

/** SciFact's test split, beside the repository or where SCIFACT_DIR points. */
export function scifactTest() {
  return loadBeirDataset(
    resolve(process.env.SCIFACT_DIR ?? join(repoRoot, "../shared/eval/scifact")),
    "test",
  );
}

/**
 * One setting of `npm start` measured off and on over the same data, alternated (off, on, off,
 * on) so drift falls on both: SciFact's corpus indexed once, then per round and setting a fresh
 * server, a warm-up pass per mode, and each test question once per mode and client count.
 */
export async function runAlternated(
  plan: AlternatedPlan,
): Promise<{ cells: AlternatedCell[]; questions: number }> {
  const dataset = await scifactTest();
  const questions = dataset.queries.map((q) => q.text).slice(0, plan.quick ? 40 : undefined);
  const dataDir = mkdtempSync(join(tmpdir(), `docstack-${plan.name}-`));
  const withServer = async <T>(setting: Setting, use: (url: string) => Promise<T>): Promise<T> => {
    const server = await startEmbeddedServer(repoRoot, dataDir, plan.env(setting));
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
        name: `${plan.name}-overhead`,
        chunking: "whole",
        concurrency: 4,
        log,
        ...(plan.analyticsText === undefined ? {} : { analyticsText: plan.analyticsText }),
      });
      return ingest.collection.id;
    });
    const cells: AlternatedCell[] = [];
    for (let round = 1; round <= plan.rounds; round++) {
      for (const setting of ["off", "on"] as const) {
        await withServer(setting, async (url) => {
          const request = (mode: SearchMode) => ({ collectionId, mode, topK: plan.topK });
          // A first pass of each mode: the first queries load dictionaries and plans.
          for (const mode of plan.modes) await askQuestions(url, request(mode), 1, questions.slice(0, 10));
          for (const clients of plan.clientCounts)
            for (const mode of plan.modes) {
              const observed = plan.observe?.(setting);
              const run = await askQuestions(url, request(mode), clients, questions);
              const extra = observed?.() ?? "";
              const { p50, p99 } = latencySummary(run.samples);
              log(
                `round ${round}, ${plan.name} ${setting}, ${mode} × ${clients}: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms${extra}`,
              );
              cells.push({ setting, round, mode, clients, p50, p99, errors: run.errors });
            }
        });
      }
    }
    return { cells, questions: questions.length };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function valuesOf(cells: readonly AlternatedCell[], setting: Setting, mode: SearchMode, clients: number) {
  return (q: "p50" | "p99") =>
    cells.filter((c) => c.setting === setting && c.mode === mode && c.clients === clients).map((c) => c[q]);
}

/** p50 and p99 rows per client count and mode: "on" against "off" as the baseline. */
export function onOffRows(
  cells: readonly AlternatedCell[],
  plan: Pick<AlternatedPlan, "modes" | "clientCounts">,
  labels: { on: string; off: string },
): Row[] {
  return plan.clientCounts.flatMap((clients) =>
    plan.modes.flatMap((mode) =>
      (["p50", "p99"] as const).map(
        (q): Row => ({
          metric: `${mode}, ${clients} client${clients > 1 ? "s" : ""}, ${q}, ${labels.on}`,
          unit: "ms",
          values: valuesOf(cells, "on", mode, clients)(q),
          baseline: { name: labels.off, values: valuesOf(cells, "off", mode, clients)(q) },
        }),
      ),
    ),
  );
}

/** As the table's ratio: each round's "on" p50 over the same round's "off", then the median. */
export function p50Ratio(cells: readonly AlternatedCell[], mode: SearchMode, clients: number): number {
  const off = valuesOf(cells, "off", mode, clients)("p50");
  return median(valuesOf(cells, "on", mode, clients)("p50").map((on, i) => on / (off[i] ?? Number.NaN)));
}

/** The report of an alternated run: SciFact's settings and the plan's, one table, the errors. */
export function alternatedResult(
  plan: AlternatedPlan,
  run: { cells: AlternatedCell[]; questions: number },
  report: {
    title: string;
    labels: { on: string; off: string };
    settings: Record<string, string>;
    findings: string[];
  },
): BenchResult {
  const errors = run.cells.reduce((sum, c) => sum + c.errors, 0);
  return {
    settings: {
      ...scifactSettings(run.questions, plan.topK),
      ...report.settings,
      rounds: `${plan.rounds} (off, on, off, on)`,
    },
    tables: [{ title: report.title, rows: onOffRows(run.cells, plan, report.labels) }],
    findings: [...report.findings, `${errors} errors in ${run.cells.length} cells.`],
    detail: { cells: run.cells },
  };
}
