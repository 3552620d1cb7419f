import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { BertTokenizer } from "../../shared/embeddings/bert-tokenizer.js";
import { minilmTokenCases } from "../../shared/embeddings/fixtures/minilm-token-cases.js";
import { OnnxEmbedder } from "../../shared/embeddings/onnx-embedder.js";
import { readOnnxModelDir } from "../../shared/embeddings/onnx-model-dir.js";
import { cosine, modelDir } from "./model-dir.js";

interface Reference {
  cases: { text: string; tokens: number; vector: number[] }[];
}

// Loaded once for the file. A missing or corrupt model fails every test with the loader's
// message (a failing beforeAll would report them as skipped).
const loading = OnnxEmbedder.load({
  dir: modelDir,
  threads: 0,
  batchSize: 32,
  maxBatchTokens: 2048,
}).then(
  (embedder) => ({ embedder }),
  (error: unknown) => ({ error }),
);
async function model(): Promise<OnnxEmbedder> {
  const loaded = await loading;
  if ("error" in loaded) throw loaded.error;
  return loaded.embedder;
}
afterAll(async () => {
  const loaded = await loading;
  if ("embedder" in loaded) await loaded.embedder.close();
});

describe("all-MiniLM-L6-v2 (int8 ONNX) through OnnxEmbedder", () => {
  it("names the model collections record and gives 384-d unit vectors", async () => {
    const embedder = await model();
    expect(embedder.kind).toBe("onnx");
    expect(embedder.model).toBe("all-MiniLM-L6-v2-int8");
    expect(embedder.dimension).toBe(384);
    const [v] = await embedder.embed(["Unit length, please."], "document");
    expect(v).toHaveLength(384);
    expect(Math.hypot(...(v ?? []))).toBeCloseTo(1, 5);
  });

  it("places a sentence nearer its paraphrase than an unrelated one", async () => {
    const embedder = await model();
    const [cat, feline, stocks] = await embedder.embed(
      ["The cat sat on the mat.", "A feline rested on a rug.", "Stock markets fell sharply."],
      "document",
    );
    const near = cosine(cat ?? [], feline ?? []);
    const far = cosine(cat ?? [], stocks ?? []);
    expect(near).toBeGreaterThan(0.45);
    expect(far).toBeLessThan(0.15);
    expect(near - far).toBeGreaterThan(0.3);
  });

  it("matches sentence-transformers' fp32 vectors, truncation at 256 tokens included", async () => {
    const embedder = await model();
    const ref = JSON.parse(
      await readFile(new URL("./fixtures/minilm-fp32-reference.json", import.meta.url), "utf8"),
    ) as Reference;
    const vectors = await embedder.embed(
      ref.cases.map((c) => c.text),
      "document",
    );
    ref.cases.forEach((c, i) => {
      // int8 weights against fp32: measured 0.9994–0.9996 here, 0.9963 for the empty text.
      expect(cosine(vectors[i] ?? [], c.vector), c.text.slice(0, 40)).toBeGreaterThan(0.99);
    });
    // The last text (an abstract, then 150 tokens on stock markets) is cut where
    // sentence-transformers cuts it: its whole 381 tokens embed at cosine 0.927 to the reference.
    expect(ref.cases.at(-1)?.tokens).toBe(256);
  });

  it("is deterministic, and a text's vector does not depend on its batch", async () => {
    const embedder = await model();
    const texts = [
      "Short.",
      "A longer sentence about harbour dredging and silt in the eastern basin.",
      "Members may borrow twelve books and renew each loan twice online.",
    ];
    const batch = await embedder.embed(texts, "document");
    const again = await embedder.embed(texts, "document");
    expect(again).toEqual(batch);
    for (const [i, text] of texts.entries()) {
      const [single] = await embedder.embed([text], "document");
      // Padding is masked out of attention and of the mean (measured: identical to the bit).
      const gap = Math.max(...(single ?? []).map((x, k) => Math.abs(x - (batch[i]?.[k] ?? Number.NaN))));
      expect(gap).toBeLessThan(1e-5);
    }
  });

  it("embeds more texts than one forward pass takes, in order", async () => {
    const embedder = await model();
    const texts = Array.from({ length: 70 }, (_, i) => `Item number ${i} ${"word ".repeat(i % 9)}`);
    const all = await embedder.embed(texts, "document");
    expect(all).toHaveLength(70);
    const [x] = await embedder.embed([texts[41] ?? ""], "document");
    expect(cosine(x ?? [], all[41] ?? [])).toBeGreaterThan(0.999);
  });

  it("embeds a query as it embeds a document: the model has no query instruction", async () => {
    const embedder = await model();
    const text = "Which proteins fold slowly?";
    expect(await embedder.embed([text], "query")).toEqual(await embedder.embed([text], "document"));
  });

  it("gives empty input no vectors and an empty text a vector", async () => {
    const embedder = await model();
    expect(await embedder.embed([], "document")).toEqual([]);
    const [v] = await embedder.embed([""], "document");
    expect(Math.hypot(...(v ?? []))).toBeCloseTo(1, 5);
  });
});

describe("the provisioned tokenizer.json", async () => {
  const files = await readOnnxModelDir(modelDir).catch(() => undefined);
  const tokenizer =
    files && (await BertTokenizer.create(files.tokenizerJson, files.tokenizerConfig, files.maxTokens));

  it("is there, with sentence-transformers' 256-token limit", () => {
    expect(files?.maxTokens).toBe(256);
  });

  it.each(minilmTokenCases)("$why: the same ids as the Rust tokenizer", ({ text, ids }) => {
    expect(tokenizer?.encode(text)).toEqual(ids);
  });
});
