import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfigFromProcess } from "../shared/config.js";
import { exitIfRefused } from "../shared/errors/startup-refused.js";
import type { SearchMode } from "../shared/retrieval/search.js";
import { loadBeirDataset } from "../tools/eval/beir-dataset.js";
import { markdownTable } from "../tools/eval/eval-report.js";
import { type EvalTarget, embeddedTarget, urlTarget } from "../tools/eval/eval-target.js";
import { evaluate } from "../tools/eval/evaluate.js";
import type { Chunking } from "../tools/eval/ingest-corpus.js";

const usage = `usage: npm run eval -- --dataset <dir> --split train|test [options]
  --modes keyword,vector,hybrid   modes to measure (default all three)
  --limit-queries N               only the first N queries of the split
  --chunking whole|default        one chunk per document (default) or Docstack's adaptive chunks
  --fusion-grid                   also score the fusions offline: weighted RRF over k and vector weight,
                                  convex over the vector weight (needs keyword and vector among --modes);
                                  tune on train only
  --data-dir DIR                  embedded data directory, kept between runs (default .data/eval-<EMBEDDER>)
  --url URL [--api-key KEY]       evaluate a running Docstack (e.g. the local stack's Nginx) instead
  --collection NAME               collection to (re)use (default eval-<dataset>-<chunking>-<corpus hash>)
  --machine LABEL                 machine description for the report
  --out DIR                       where the JSON goes (default bench/results; eval-<split>-<model>-<date>.json)`;

const { values } = parseArgs({
  options: {
    dataset: { type: "string" },
    split: { type: "string" },
    modes: { type: "string", default: "keyword,vector,hybrid" },
    "limit-queries": { type: "string" },
    chunking: { type: "string", default: "whole" },
    "data-dir": { type: "string" },
    "fusion-grid": { type: "boolean", default: false },
    url: { type: "string" },
    "api-key": { type: "string" },
    collection: { type: "string" },
    machine: { type: "string" },
    out: { type: "string", default: "bench/results" },
    concurrency: { type: "string", default: "4" },
    help: { type: "boolean", default: false },
  },
});

const modes = (values.modes ?? "").split(",").map((m) => m.trim()) as SearchMode[];
if (
  values.help ||
  values.dataset === undefined ||
  values.split === undefined ||
  !/^[\w-]+$/.test(values.split) ||
  !modes.every((m) => ["keyword", "vector", "hybrid"].includes(m)) ||
  !["whole", "default"].includes(values.chunking ?? "") ||
  (values["fusion-grid"] && !(modes.includes("keyword") && modes.includes("vector")))
) {
  console.error(usage);
  process.exit(2);
}
const dataset = await loadBeirDataset(resolve(values.dataset), values.split);
// One data directory per embedder: a collection is bound to its model, and indexing the corpus
// again is the slow part.
const dataDir = values["data-dir"] ?? `.data/eval-${loadConfigFromProcess().EMBEDDER}`;
const target: EvalTarget =
  values.url === undefined
    ? await exitIfRefused(embeddedTarget(resolve(dataDir)))
    : urlTarget(values.url, values["api-key"]);
try {
  const report = await evaluate(target, dataset, {
    split: values.split,
    modes,
    chunking: values.chunking as Chunking,
    collection: values.collection,
    limitQueries: values["limit-queries"] === undefined ? undefined : Number(values["limit-queries"]),
    fusionGrid: values["fusion-grid"],
    concurrency: Number(values.concurrency),
    machine: values.machine,
    log: (line) => console.error(`[eval] ${line}`),
  });
  const out = resolve(values.out ?? "bench/results");
  await mkdir(out, { recursive: true });
  // One file per split, embedding model and day: the model is what the vector and hybrid rows measure.
  const model = report.embedder.toLowerCase().replace(/[^a-z0-9.]+/g, "-");
  const file = join(out, `eval-${values.split}-${model}-${report.date}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(markdownTable(report));
  console.error(`[eval] wrote ${file}`);
} finally {
  await target.close();
}
