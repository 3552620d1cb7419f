import { BertTokenizer } from "./bert-tokenizer.js";
import type { Embedder } from "./embedder.js";
import { type OnnxModelDir, readOnnxModelDir } from "./onnx-model-dir.js";
import { type Int64Feed, OnnxSessionThread } from "./onnx-session-thread.js";
import { l2Normalize, meanPool } from "./pooling.js";
import { lengthSortedBatches, packBatch } from "./token-batch.js";

export interface OnnxEmbedderOptions {
  /** A sentence-transformers model directory with model.onnx (see readOnnxModelDir). */
  dir: string;
  /** onnxruntime's intra-op threads; 0 lets it take one per physical core of the host. */
  threads: number;
  /** Texts per forward pass at most: more amortises per-call overhead on short texts. */
  batchSize: number;
  /**
   * Padded tokens per forward pass at most (rows x longest row). The runtime's memory grows with
   * it while speed per text does not, past a few thousand tokens (docs/onnx-embedder.md).
   */
  maxBatchTokens: number;
}

/** Output names BERT exports give the per-token vectors (optimum, sentence-transformers). */
const tokenOutputs = ["last_hidden_state", "token_embeddings"];

/**
 * A sentence-transformers model (all-MiniLM-L6-v2 by default) run in process by onnxruntime on
 * the CPU, from a local directory: semantic vectors with no server and no network. Tokenise with
 * the model's own tokenizer.json, run the graph, mean-pool over the attention mask, L2-normalise,
 * as sentence-transformers' `encode(normalize_embeddings=True)` does. The forward pass runs in a
 * worker thread (onnxruntime-node's run blocks its thread). Node only: the native runtime cannot
 * go into a Workers bundle.
 */
export class OnnxEmbedder implements Embedder {
  readonly kind = "onnx";
  readonly model: string;
  readonly dimension: number;
  private constructor(
    private readonly session: OnnxSessionThread,
    private readonly tokenizer: BertTokenizer,
    private readonly outputName: string,
    files: OnnxModelDir,
    private readonly batching: { rows: number; tokens: number },
  ) {
    this.model = files.name;
    this.dimension = files.dimension;
  }

  /** Loads once; fails naming EMBEDDER_MODEL_DIR when the directory or the model is not right. */
  static async load(options: OnnxEmbedderOptions): Promise<OnnxEmbedder> {
    const files = await readOnnxModelDir(options.dir);
    const session = await OnnxSessionThread.start(files.modelPath, {
      graphOptimizationLevel: "all",
      executionMode: "sequential",
      interOpNumThreads: 1,
      ...(options.threads > 0 ? { intraOpNumThreads: options.threads } : {}),
      // Idle pool threads otherwise spin for work, burning CPU the server's own threads need:
      // with 2 threads on a busy 2-core host, 107 ms CPU per abstract spinning, 80 without.
      extra: { session: { intra_op: { allow_spinning: "0" } } },
    });
    const outputName = tokenOutputs.find((n) => session.outputNames.includes(n));
    const unknownInputs = session.inputNames.filter(
      (n) => !["input_ids", "attention_mask", "token_type_ids"].includes(n),
    );
    if (outputName === undefined || unknownInputs.length > 0 || !session.inputNames.includes("input_ids")) {
      await session.close();
      throw new Error(
        `${files.modelPath} is not a BERT-style encoder this embedder can run: inputs ` +
          `[${session.inputNames.join(", ")}], outputs [${session.outputNames.join(", ")}]`,
      );
    }
    const tokenizer = await BertTokenizer.create(files.tokenizerJson, files.tokenizerConfig, files.maxLength);
    const embedder = new OnnxEmbedder(session, tokenizer, outputName, files, {
      rows: options.batchSize,
      tokens: options.maxBatchTokens,
    });
    // One pass now: a graph whose width disagrees with config.json fails startup, not a query.
    await embedder.embed(["warm-up"]).catch(async (error: unknown) => {
      await session.close();
      throw error;
    });
    return embedder;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    const encoded = texts.map((t) => this.tokenizer.encode(t));
    const out = new Array<number[]>(texts.length);
    for (const indices of lengthSortedBatches(encoded, this.batching.rows, this.batching.tokens)) {
      const vectors = await this.forward(indices.map((i) => encoded[i] ?? []));
      indices.forEach((index, k) => {
        out[index] = vectors[k] ?? [];
      });
    }
    return out;
  }

  async ping(): Promise<void> {
    await this.embed(["ping"]);
  }

  /** Ends the runtime thread (tests; a server just exits). */
  close(): Promise<void> {
    return this.session.close();
  }

  private async forward(rows: readonly (readonly number[])[]): Promise<number[][]> {
    const b = packBatch(rows, this.tokenizer.padId);
    const shape = [b.batch, b.seqLen];
    // The mask is pooled with below: the thread gets a copy, as transferring detaches it.
    const all: Record<string, Int64Feed> = {
      input_ids: { data: b.inputIds, dims: shape },
      attention_mask: { data: b.attentionMask.slice(), dims: shape },
      token_type_ids: { data: b.tokenTypeIds, dims: shape },
    };
    const feeds = Object.fromEntries(this.session.inputNames.map((n) => [n, all[n] as Int64Feed]));
    const output = await this.session.run(feeds, this.outputName);
    const dims = output.dims;
    if (dims.length !== 3 || dims[2] !== this.dimension) {
      throw new Error(
        `model ${this.model} returned shape [${dims.join(", ")}], expected [${b.batch}, ${b.seqLen}, ${this.dimension}]`,
      );
    }
    const pooled = meanPool(output.data, b.attentionMask, b.batch, b.seqLen, this.dimension);
    return pooled.map(l2Normalize);
  }
}
