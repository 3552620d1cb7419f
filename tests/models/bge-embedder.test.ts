import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { BertTokenizer } from "../../shared/embeddings/bert-tokenizer.js";
import type { EmbedPurpose } from "../../shared/embeddings/embedder.js";
import { OnnxEmbedder } from "../../shared/embeddings/onnx-embedder.js";
import { readOnnxModelDir } from "../../shared/embeddings/onnx-model-dir.js";
import { bgeModelDir, cosine } from "./model-dir.js";

interface Reference {
  cases: { purpose: EmbedPurpose; text: string; tokens: number; ids: number[]; vector: number[] }[];
}
const instruction = "Represent this sentence for searching relevant passages: ";

// Loaded once for the file. A missing or corrupt model fails every test with the loader's
// message (a failing beforeAll would report them as skipped).
const loading = (async () => {
  const embedder = await OnnxEmbedder.load({
    dir: bgeModelDir,
    threads: 0,
    batchSize: 32,
    maxBatchTokens: 4096,
  });
  const files = await readOnnxModelDir(bgeModelDir);
  const tokenizer = await BertTokenizer.create(files.tokenizerJson, files.tokenizerConfig, files.maxTokens);
  const ref = JSON.parse(
    await readFile(new URL("./fixtures/bge-reference.json", import.meta.url), "utf8"),
  ) as Reference;
  return { embedder, files, tokenizer, ref };
})().then(
  (loaded) => ({ loaded }),
  (error: unknown) => ({ error }),
);
async function bge() {
  const result = await loading;
  if ("error" in result) throw result.error;
  return result.loaded;
}
afterAll(async () => {
  const result = await loading;
  if ("loaded" in result) await result.loaded.embedder.close();
});

describe("bge-small-en-v1.5 (int8 ONNX) through OnnxEmbedder", () => {
  it("names the model collections record, reads its descriptor, gives 384-d unit vectors", async () => {
    const { embedder, files } = await bge();
    expect(embedder.model).toBe("bge-small-en-v1.5-int8");
    expect(embedder.dimension).toBe(384);
    expect(files).toMatchObject({ maxTokens: 512, pooling: "cls", queryInstruction: instruction });
    const [v] = await embedder.embed(["Unit length, please."], "document");
    expect(v).toHaveLength(384);
    expect(Math.hypot(...(v ?? []))).toBeCloseTo(1, 5);
  });

  it("matches an independent implementation (Python onnxruntime, Rust tokenizers) on every case", async () => {
    const { embedder, ref } = await bge();
    for (const c of ref.cases) {
      const [v] = await embedder.embed([c.text], c.purpose);
      // The same int8 graph: measured 1.000000 on every case. The wrong pooling (mean) gives
      // 0.875–0.951, a query without its instruction 0.939–0.974, a cut at 400 tokens 0.963.
      expect(cosine(v ?? [], c.vector), `${c.purpose}: ${c.text.slice(0, 40)}`).toBeGreaterThan(0.999);
    }
  });

  it("tokenises as the Rust tokenizer does, instruction included, and cuts at 512 tokens", async () => {
    const { tokenizer, ref } = await bge();
    for (const c of ref.cases) {
      const text = c.purpose === "query" ? instruction + c.text : c.text;
      expect(tokenizer.encode(text), c.text.slice(0, 40)).toEqual(c.ids);
    }
    // The last case is 633 tokens long: [CLS], its first 510 pieces, [SEP].
    const long = ref.cases.at(-1);
    expect(long?.tokens).toBe(512);
    expect(tokenizer.encode(long?.text ?? "")).toHaveLength(512);
  });

  it("prepends the instruction to queries and never to documents", async () => {
    const { embedder } = await bge();
    const q = "a kitten dozing on a rug";
    const [asQuery, asDocument, spelledOut] = [
      ...(await embedder.embed([q], "query")),
      ...(await embedder.embed([q], "document")),
      ...(await embedder.embed([instruction + q], "document")),
    ];
    expect(cosine(asQuery ?? [], spelledOut ?? [])).toBeGreaterThan(0.99999);
    // Measured 0.939: the instruction moves a short query's vector that far.
    expect(cosine(asQuery ?? [], asDocument ?? [])).toBeLessThan(0.99);
  });

  it("puts a query's paraphrase first and unrelated text last", async () => {
    const { embedder } = await bge();
    const [query] = await embedder.embed(["a kitten dozing on a rug"], "query");
    const docs = await embedder.embed(
      ["A feline rested on a rug.", "The cat sat on the mat.", "Stock markets fell sharply."],
      "document",
    );
    const scores = docs.map((d) => cosine(query ?? [], d));
    // Measured 0.771, 0.664, 0.351.
    expect(scores[0]).toBeGreaterThan(scores[1] ?? 1);
    expect(scores[1]).toBeGreaterThan((scores[2] ?? 1) + 0.2);
  });

  it("gives a text the same vector alone and among others", async () => {
    const { embedder, ref } = await bge();
    const texts = ref.cases.filter((c) => c.purpose === "document").map((c) => c.text);
    const together = await embedder.embed(texts, "document");
    for (const [i, text] of texts.entries()) {
      // The graph quantizes activations per forward pass, so texts go one per pass: in one
      // padded pass with the others, "The cat sat on the mat." came out at cosine 0.996.
      expect(together[i], text.slice(0, 40)).toEqual((await embedder.embed([text], "document"))[0]);
    }
  });
});
