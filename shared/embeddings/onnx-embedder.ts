import pLimit from "p-limit";
import { BertTokenizer } from "./bert-tokenizer.js";
import type { Embedder, EmbedPurpose } from "./embedder.js";
import { type OnnxModelDir, readOnnxModelDir } from "./onnx-model-dir.js";
import { OnnxSessionPool } from "./onnx-session-pool.js";
import type { Int64Feed } from "./onnx-session-thread.js";
import { l2Normalize, poolings } from "./pooling.js";
import { lengthSortedBatches, packBatch } from "./token-batch.js";

export interface OnnxEmbedderOptions {
  /** A model directory: model.onnx, tokenizer.json, docstack-model.json (see readOnnxModelDir). */
  dir: string;
  /** onnxruntime's intra-op threads per session; 0 lets it take one per physical core of the host. */
  threads: number;
  /** Sessions of the model, each in its own thread: forward passes that can run at once. */
  sessions?: number;
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
 * A BERT-style sentence encoder (all-MiniLM-L6-v2 by default, bge-small-en-v1.5) run in process
 * by onnxruntime on the CPU, from a local directory: semantic vectors with no server and no
 * network. Tokenise with the model's own tokenizer.json, run the graph, pool as the directory's
 * descriptor says (mean or [CLS]), L2-normalise, as sentence-transformers'
 * `encode(normalize_embeddings=True)` does; queries get the descriptor's instruction first. The
 * forward passes run in worker threads (onnxruntime-node's run blocks its thread), as many at
 * once as there are sessions. Node only: the native runtime cannot go into a Workers bundle.
 */
export class OnnxEmbedder implements Embedder {
  readonly kind = "onnx";
  readonly model: string;
  readonly dimension: number;
  private constructor(
    private readonly sessions: OnnxSessionPool,
    private readonly tokenizer: BertTokenizer,
    private readonly outputName: string,
    private readonly files: OnnxModelDir,
    private readonly batching: { rows: number; tokens: number },
  ) {
    this.model = files.name;
    this.dimension = files.dimension;
  }

  /** Loads once; fails naming EMBEDDER_MODEL_DIR when the directory or the model is not right. */
  static async load(options: OnnxEmbedderOptions): Promise<OnnxEmbedder> {
    const files = await readOnnxModelDir(options.dir);
    const sessions = await OnnxSessionPool.start(options.sessions ?? 1, files.modelPath, {
      graphOptimizationLevel: "all",
      executionMode: "sequential",
      interOpNumThreads: 1,
      ...(options.threads > 0 ? { intraOpNumThreads: options.threads } : {}),
      // Idle pool threads otherwise spin for work, burning CPU the server's own threads need:
      // with 2 threads on a busy 2-core host, 107 ms CPU per abstract spinning, 80 without.
      extra: { session: { intra_op: { allow_spinning: "0" } } },
    });
    const outputName = tokenOutputs.find((n) => sessions.outputNames.includes(n));
    const unknownInputs = sessions.inputNames.filter(
      (n) => !["input_ids", "attention_mask", "token_type_ids"].includes(n),
    );
    if (outputName === undefined || unknownInputs.length > 0 || !sessions.inputNames.includes("input_ids")) {
      await sessions.close();
      throw new Error(
        `${files.modelPath} is not a BERT-style encoder this embedder can run: inputs ` +
          `[${sessions.inputNames.join(", ")}], outputs [${sessions.outputNames.join(", ")}]`,
      );
    }
    const tokenizer = await BertTokenizer.create(files.tokenizerJson, files.tokenizerConfig, files.maxTokens);
    const embedder = new OnnxEmbedder(sessions, tokenizer, outputName, files, {
      // One text per pass keeps a text's vector independent of its neighbours; for texts of
      // ~200 tokens that costs nothing (batching does not speed them up: docs/onnx-embedder.md).
      rows: files.dynamicQuantization ? 1 : options.batchSize,
      tokens: options.maxBatchTokens,
    });
    // One pass now: a graph whose width disagrees with config.json fails startup, not a query.
    await embedder.embed(["warm-up"], "document").catch(async (error: unknown) => {
      await sessions.close();
      throw error;
    });
    return embedder;
  }

  async embed(texts: readonly string[], purpose: EmbedPurpose): Promise<number[][]> {
    // The instruction counts against max_tokens, as it does where the model was trained.
    const prefix = purpose === "query" ? this.files.queryInstruction : "";
    const encoded = texts.map((t) => this.tokenizer.encode(prefix + t));
    const out = new Array<number[]>(texts.length);
    // Up to as many passes of this call at once as there are sessions, so one call of many texts
    // keeps every session busy; a query's pass goes to the session with the fewest queued.
    const limit = pLimit({ concurrency: this.sessions.size, rejectOnClear: true });
    const passes = [...lengthSortedBatches(encoded, this.batching.rows, this.batching.tokens)].map(
      (indices) =>
        limit(async () => {
          const vectors = await this.forward(indices.map((i) => encoded[i] ?? []));
          indices.forEach((index, k) => {
            out[index] = vectors[k] ?? [];
          });
        }),
    );
    try {
      await Promise.all(passes);
    } catch (error) {
      // The call has failed: its passes not yet started are dropped.
      limit.clearQueue();
      throw error;
    }
    return out;
  }

  async ping(): Promise<void> {
    await this.embed(["ping"], "query");
  }

  /** Ends the runtime thread (tests; a server just exits). */
  close(): Promise<void> {
    return this.sessions.close();
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
    const feeds = Object.fromEntries(this.sessions.inputNames.map((n) => [n, all[n] as Int64Feed]));
    const output = await this.sessions.run(feeds, this.outputName);
    const dims = output.dims;
    if (dims.length !== 3 || dims[2] !== this.dimension) {
      throw new Error(
        `model ${this.model} returned shape [${dims.join(", ")}], expected [${b.batch}, ${b.seqLen}, ${this.dimension}]`,
      );
    }
    const pooled = poolings[this.files.pooling](
      output.data,
      b.attentionMask,
      b.batch,
      b.seqLen,
      this.dimension,
    );
    return pooled.map(l2Normalize);
  }
}
