import { afterAll, describe, expect, it } from "vitest";
import { OnnxEmbedder } from "../../shared/embeddings/onnx-embedder.js";
import { readOnnxModelDir } from "../../shared/embeddings/onnx-model-dir.js";
import { OnnxSessionPool } from "../../shared/embeddings/onnx-session-pool.js";
import { type Int64Feed, OnnxSessionThread } from "../../shared/embeddings/onnx-session-thread.js";
import { bgeModelDir } from "./model-dir.js";

const abstracts = [
  "Cardiac troponin levels rise within hours of myocardial injury and stay raised for days.",
  "Vitamin D supplementation did not reduce fracture risk in community-dwelling older adults.",
  "Regulatory T cells suppress autoimmunity through IL-10 and contact-dependent mechanisms.",
  "A randomised trial of 1,204 adults found that the intervention reduced systolic blood pressure.",
  "Sediment cores from the eastern basin record three centuries of changing river discharge.",
  "Soil microbial diversity buffers crop yields against drought stress in dryland farming.",
];

const options = { dir: bgeModelDir, threads: 1, batchSize: 32, maxBatchTokens: 4096 };
const loading = Promise.all([
  OnnxEmbedder.load(options),
  OnnxEmbedder.load({ ...options, sessions: 2 }),
]).then(
  (loaded) => ({ loaded }),
  (error: unknown) => ({ error }),
);
async function embedders() {
  const result = await loading;
  if ("error" in result) throw result.error;
  return result.loaded;
}
afterAll(async () => {
  const result = await loading;
  if ("loaded" in result) await Promise.all(result.loaded.map((e) => e.close()));
});

/** One row of `length` tokens: [CLS], filler, [SEP] in bge's vocabulary. */
function feeds(length: number): Record<string, Int64Feed> {
  const ids = BigInt64Array.from({ length }, (_, i) => (i === 0 ? 101n : i === length - 1 ? 102n : 2023n));
  const dims = [1, length];
  return {
    input_ids: { data: ids, dims },
    attention_mask: { data: new BigInt64Array(length).fill(1n), dims },
    token_type_ids: { data: new BigInt64Array(length), dims },
  };
}

describe("EMBEDDER_SESSIONS: several sessions of one model", () => {
  it("gives the vectors one session gives, for calls made at once", async () => {
    const [one, two] = await embedders();
    const alone = await one.embed(abstracts, "document");
    const atOnce = await Promise.all(abstracts.map((t) => two.embed([t], "document")));
    expect(atOnce.map((v) => v[0])).toEqual(alone);
    // One call of many passes, spread over both sessions, puts every vector back in its place.
    expect(await two.embed(abstracts, "document")).toEqual(alone);
    const query = "does vitamin D prevent fractures?";
    expect(await two.embed([query], "query")).toEqual(await one.embed([query], "query"));
  });

  it("sends each pass to the session with the fewest queued", async () => {
    const files = await readOnnxModelDir(bgeModelDir);
    const pool = await OnnxSessionPool.start(2, files.modelPath, { intraOpNumThreads: 1 });
    try {
      expect(pool.size).toBe(2);
      const runs = [12, 12, 12].map((n) => pool.run(feeds(n), "last_hidden_state"));
      expect(pool.queued).toEqual([2, 1]);
      const outputs = await Promise.all(runs);
      expect(pool.queued).toEqual([0, 0]);
      // The same input on either session gives the same output.
      expect(outputs[1]?.data).toEqual(outputs[0]?.data);
      expect(outputs[2]?.data).toEqual(outputs[0]?.data);
    } finally {
      await pool.close();
    }
  });

  it("fails every pass once one session's thread has died", async () => {
    const files = await readOnnxModelDir(bgeModelDir);
    const threads = await Promise.all(
      [1, 2].map(() => OnnxSessionThread.start(files.modelPath, { intraOpNumThreads: 1 })),
    );
    const pool = new OnnxSessionPool(threads);
    try {
      await expect(pool.run(feeds(8), "last_hidden_state")).resolves.toBeDefined();
      await threads[1]?.close();
      // Session 0 is idle and alive, yet the pool refuses: a pool down a session is broken.
      await expect(pool.run(feeds(8), "last_hidden_state")).rejects.toThrow(/closed/);
      await expect(pool.run(feeds(8), "last_hidden_state")).rejects.toThrow(/closed/);
    } finally {
      await pool.close();
    }
  });
});
