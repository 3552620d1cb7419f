/**
 * The vector-index benchmark's corpora, all real text embedded with the model Docstack runs
 * (EMBEDDER=onnx): SciFact's abstracts whole, as `npm run eval` indexes them, with its train
 * queries; and a ~100k-chunk corpus of short passages (SciFact's abstracts and the Python
 * documentation's prose, cut by Docstack's chunker at 180 characters, exact duplicates dropped),
 * with 1,000 of its passages held out as queries. Embedding 100k passages takes tens of minutes
 * on two cores, so vectors are cached under .bench/vector-index (git-ignored), in blocks keyed
 * by the model and the texts.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chunkText } from "../../shared/chunking/chunk-text.js";
import type { EmbedPurpose } from "../../shared/embeddings/embedder.js";
import type { OnnxEmbedder } from "../../shared/embeddings/onnx-embedder.js";
import { seededRandom } from "./corpus.js";
import { log } from "./stack.js";

export const scifactDir = "/work/shared/eval/scifact";
/** reST sources of the Python documentation: Debian's python3-doc package. */
export const pythonDocsDir = "/usr/share/doc/python3.11/html/_sources";

/** Unit-length vectors of one dimension, row after row. */
export interface VectorSet {
  dimension: number;
  count: number;
  data: Float32Array;
}

export function row(set: VectorSet, i: number): Float32Array {
  return set.data.subarray(i * set.dimension, (i + 1) * set.dimension);
}

export function subset(set: VectorSet, indices: readonly number[]): VectorSet {
  const data = new Float32Array(indices.length * set.dimension);
  indices.forEach((index, k) => {
    data.set(row(set, index), k * set.dimension);
  });
  return { dimension: set.dimension, count: indices.length, data };
}

export interface Corpus {
  name: string;
  description: string;
  vectors: VectorSet;
  /** Query sets, by name: each searched against every vector of the corpus. */
  queries: Record<string, VectorSet>;
}

function jsonLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function scifactAbstracts(): string[] {
  // The file Docstack receives in `npm run eval`: title, blank line, text.
  return jsonLines(join(scifactDir, "corpus.jsonl")).map((d) =>
    d.title ? `${String(d.title)}\n\n${String(d.text)}` : String(d.text),
  );
}

function scifactTrainQueries(): string[] {
  const judged = new Set(
    readFileSync(join(scifactDir, "qrels/train.tsv"), "utf8")
      .split("\n")
      .slice(1)
      .map((l) => l.split("\t")[0]?.trim())
      .filter((id): id is string => Boolean(id)),
  );
  return jsonLines(join(scifactDir, "queries.jsonl"))
    .filter((q) => judged.has(String(q._id)))
    .map((q) => String(q.text));
}

function rstFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) rstFiles(path, out);
    else if (name.endsWith(".txt")) out.push(path);
  }
  return out;
}

/**
 * The prose paragraphs of a reST file: roles and literals reduced to their text; directives,
 * doctests, code and tables (paragraphs that are under 90 % letters and punctuation) left out.
 */
export function proseParagraphs(rst: string): string[] {
  const out: string[] = [];
  for (const paragraph of rst.split(/\n\s*\n/)) {
    const t = paragraph
      .replace(/:[a-z:]+:`~?([^`<]*?)(?:\s*<[^>]*>)?`/g, "$1")
      .replace(/``([^`]*)``/g, "$1")
      .replace(/\s+/g, " ")
      .trim();
    if (t.startsWith("..") || t.includes(">>>") || !/[.!?:]$/.test(t)) continue;
    if (t.split(" ").length < 8) continue;
    const letters = (t.match(/[A-Za-z ,.;'"!?-]/g) ?? []).length;
    if (letters / t.length >= 0.9) out.push(t);
  }
  return out;
}

const passageChunking = { size: 180, overlap: 0 };

/** Distinct short passages of SciFact's abstracts and the Python docs, in a seeded order. */
export function passages(): string[] {
  if (!existsSync(pythonDocsDir)) {
    throw new Error(
      `${pythonDocsDir} is missing: apt-get install python3-doc (the 100k corpus's second source)`,
    );
  }
  const texts = [
    ...scifactAbstracts(),
    ...rstFiles(pythonDocsDir).flatMap((f) => proseParagraphs(readFileSync(f, "utf8"))),
  ];
  const distinct = [...new Set(texts.flatMap((t) => chunkText(t, passageChunking)))];
  const random = seededRandom(20261202);
  for (let i = distinct.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [distinct[i], distinct[j]] = [distinct[j] as string, distinct[i] as string];
  }
  return distinct;
}

const cacheDir = (root: string) => join(root, ".bench/vector-index");

/** Texts per cache file: a prefix of a longer list reuses its files, and an interrupted run its finished blocks. */
const cacheBlock = 10_240;

export function cacheFile(root: string, label: string, model: string, texts: readonly string[]): string {
  const key = createHash("sha256").update(model).update("\0").update(texts.join("\0")).digest("hex");
  return join(cacheDir(root), `${label}-${key.slice(0, 16)}.f32`);
}

/** The texts' vectors from the cache, or embedded now (in calls of 512, progress logged) and cached. */
async function embedCached(
  root: string,
  label: string,
  texts: readonly string[],
  embedder: () => Promise<OnnxEmbedder>,
  purpose: EmbedPurpose,
): Promise<VectorSet> {
  const e = await embedder();
  const dimension = e.dimension;
  const data = new Float32Array(texts.length * dimension);
  const started = performance.now();
  let embedded = 0;
  for (let from = 0; from < texts.length; from += cacheBlock) {
    const block = texts.slice(from, from + cacheBlock);
    const file = cacheFile(root, label, e.model, block);
    if (existsSync(file)) {
      const bytes = readFileSync(file);
      if (bytes.byteLength === block.length * dimension * 4) {
        data.set(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4), from * dimension);
        continue;
      }
    }
    const vectors = new Float32Array(block.length * dimension);
    for (let i = 0; i < block.length; i += 512) {
      (await e.embed(block.slice(i, i + 512), purpose)).forEach((v, k) => {
        vectors.set(v, (i + k) * dimension);
      });
    }
    mkdirSync(cacheDir(root), { recursive: true });
    writeFileSync(file, new Uint8Array(vectors.buffer));
    data.set(vectors, from * dimension);
    embedded += block.length;
    const s = (performance.now() - started) / 1000;
    log(`embedding ${label}: ${from + block.length}/${texts.length} (${(embedded / s).toFixed(0)}/s)`);
  }
  return { dimension, count: texts.length, data };
}

export const heldOutPassages = 1000;

export async function loadCorpora(
  root: string,
  embedder: () => Promise<OnnxEmbedder>,
  options: { passages: number },
): Promise<Corpus[]> {
  const abstracts = scifactAbstracts();
  const all = passages();
  const wanted = options.passages + heldOutPassages;
  if (all.length < wanted) throw new Error(`only ${all.length} distinct passages, ${wanted} wanted`);
  const chosen = all.slice(0, wanted);
  const trainQueries = await embedCached(
    root,
    "scifact-train-queries",
    scifactTrainQueries(),
    embedder,
    "query",
  );
  // The held-out passages stand in for queries by being passages: embedded as documents.
  const passageVectors = await embedCached(root, "passages", chosen, embedder, "document");
  const indices = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  return [
    {
      name: "SciFact",
      description: `${abstracts.length.toLocaleString("en-US")} abstracts, one chunk each (as npm run eval)`,
      vectors: await embedCached(root, "scifact-abstracts", abstracts, embedder, "document"),
      queries: { "SciFact train queries": trainQueries },
    },
    {
      name: `${Math.round(options.passages / 1000)}k passages`,
      description: `${options.passages.toLocaleString("en-US")} distinct 180-character passages of SciFact abstracts and the Python 3.11 docs`,
      vectors: subset(passageVectors, indices(heldOutPassages, wanted)),
      queries: {
        "SciFact train queries": trainQueries,
        [`${heldOutPassages} held-out passages`]: subset(passageVectors, indices(0, heldOutPassages)),
      },
    },
  ];
}
