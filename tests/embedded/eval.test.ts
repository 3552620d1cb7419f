import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBeirDataset } from "../../tools/eval/beir-dataset.js";
import { ingestCorpus } from "../../tools/eval/ingest-corpus.js";
import { meanScores } from "../../tools/eval/metrics.js";
import { runQueries } from "../../tools/eval/run-queries.js";
import { type EmbeddedStack, startEmbeddedStack } from "../support/embedded-stack.js";

// A BEIR-shaped dataset of three documents, run through the same upload, index and query
// routes `npm run eval` uses.
let stack: EmbeddedStack;
let dir: string;
beforeAll(async () => {
  stack = await startEmbeddedStack();
  dir = await mkdtemp(join(tmpdir(), "docstack-beir-"));
  const corpus = [
    { _id: "d1", title: "Honey bees", text: "Bees pollinate orchards and dance to share where nectar is." },
    { _id: "d2", title: "Tides", text: "The moon's gravity raises the ocean tides twice a day." },
    { _id: "d3", title: "Taxes", text: "The income tax return is due on the 31st of January." },
  ];
  await writeFile(join(dir, "corpus.jsonl"), corpus.map((d) => JSON.stringify(d)).join("\n"));
  await writeFile(
    join(dir, "queries.jsonl"),
    [
      { _id: "q1", text: "how do bees pollinate" },
      { _id: "q2", text: "what raises tides" },
      { _id: "q3", text: "not in this split" },
    ]
      .map((q) => JSON.stringify(q))
      .join("\n"),
  );
  await mkdir(join(dir, "qrels"));
  await writeFile(join(dir, "qrels", "test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n");
});
afterAll(async () => {
  await stack.close();
  await rm(dir, { recursive: true, force: true });
});

describe("evaluation harness", () => {
  it("loads the split, ingests once, reuses the index, and scores answers by corpus id", async () => {
    const dataset = await loadBeirDataset(dir, "test");
    expect(dataset.queries.map((q) => q.id)).toEqual(["q1", "q2"]);
    expect(dataset.corpus).toHaveLength(3);

    const options = {
      name: `eval-${crypto.randomUUID()}`,
      chunking: "whole" as const,
      concurrency: 2,
      log: () => {},
    };
    const first = await ingestCorpus(stack.request, dataset, options);
    expect(first).toMatchObject({ reused: false, uploaded: 3, documents: 3, chunks: 3 });
    const again = await ingestCorpus(stack.request, dataset, options);
    expect(again).toMatchObject({ reused: true, uploaded: 0, collection: { id: first.collection.id } });

    for (const mode of ["keyword", "vector", "hybrid"] as const) {
      const run = await runQueries(stack.request, first.collection.id, dataset.queries, {
        mode,
        topK: 100,
        log: () => {},
      });
      expect(run.runs.get("q1")?.[0]).toBe("d1");
      expect(run.runs.get("q2")?.[0]).toBe("d2");
      expect(meanScores(run.runs, dataset.qrels)).toMatchObject({ ndcg: 1, recall: 1, queries: 2 });
    }
  });
});
