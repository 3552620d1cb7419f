import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Judgements } from "./metrics.js";

/** A dataset in BEIR's layout: corpus.jsonl, queries.jsonl, qrels/<split>.tsv. */
export interface BeirDataset {
  name: string;
  corpus: { id: string; title: string; text: string }[];
  /** The split's queries: those its qrels judge, in file order. */
  queries: { id: string; text: string }[];
  qrels: Map<string, Judgements>;
  /** First 12 hex digits of the corpus file's SHA-256: names the indexed collection. */
  corpusHash: string;
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** qrels TSV: `query-id corpus-id score`, with a header line. */
export function parseQrels(text: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  for (const [i, line] of lines.entries()) {
    const [queryId, docId, score] = line.split("\t").map((f) => f.trim());
    if (i === 0 && Number.isNaN(Number(score))) continue; // the header
    if (queryId === undefined || docId === undefined || score === undefined || Number.isNaN(Number(score))) {
      throw new Error(`qrels line ${i + 1} is not "query-id<TAB>corpus-id<TAB>score": ${line}`);
    }
    const judged = qrels.get(queryId) ?? new Map<string, number>();
    judged.set(docId, Number(score));
    qrels.set(queryId, judged);
  }
  return qrels;
}

export async function loadBeirDataset(dir: string, split: string): Promise<BeirDataset> {
  const corpusText = await readFile(join(dir, "corpus.jsonl"), "utf8");
  const qrels = parseQrels(await readFile(join(dir, "qrels", `${split}.tsv`), "utf8"));
  const queries = jsonLines(await readFile(join(dir, "queries.jsonl"), "utf8"))
    .map((q) => ({ id: String(q._id), text: String(q.text) }))
    .filter((q) => qrels.has(q.id));
  const missing = [...qrels.keys()].filter((id) => !queries.some((q) => q.id === id));
  if (missing.length > 0)
    throw new Error(`qrels/${split}.tsv judges queries not in queries.jsonl: ${missing}`);
  return {
    name: basename(dir),
    corpus: jsonLines(corpusText).map((d) => ({
      id: String(d._id),
      title: String(d.title ?? ""),
      text: String(d.text ?? ""),
    })),
    queries,
    qrels,
    corpusHash: createHash("sha256").update(corpusText).digest("hex").slice(0, 12),
  };
}
