/**
 * Token ids to the tensors a BERT-style ONNX graph takes. Kept apart from onnxruntime so the
 * shapes, padding and truncation are unit-tested without a model.
 */

/**
 * Truncates an encoding that ends in a special token ([SEP]) to `maxLength` ids, keeping that
 * last token: [CLS] + the first maxLength-2 word pieces + [SEP], as sentence-transformers does
 * with max_seq_length.
 */
export function truncateEncoding(ids: readonly number[], maxLength: number): number[] {
  if (maxLength < 2) throw new Error(`maxLength must be at least 2, got ${maxLength}`);
  if (ids.length <= maxLength) return [...ids];
  const last = ids[ids.length - 1] ?? 0;
  return [...ids.slice(0, maxLength - 1), last];
}

export interface TokenBatch {
  /** Rows in the batch and the padded length of each. */
  batch: number;
  seqLen: number;
  /** Row-major [batch, seqLen], int64 as ONNX BERT exports declare them. */
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  tokenTypeIds: BigInt64Array;
}

/** Right-pads every row to the longest with `padId`; the mask marks the real tokens. */
export function packBatch(rows: readonly (readonly number[])[], padId = 0): TokenBatch {
  const batch = rows.length;
  const seqLen = Math.max(1, ...rows.map((r) => r.length));
  const inputIds = new BigInt64Array(batch * seqLen).fill(BigInt(padId));
  const attentionMask = new BigInt64Array(batch * seqLen);
  rows.forEach((row, b) => {
    row.forEach((id, t) => {
      inputIds[b * seqLen + t] = BigInt(id);
      attentionMask[b * seqLen + t] = 1n;
    });
  });
  // One segment per text: token type 0 throughout.
  return { batch, seqLen, inputIds, attentionMask, tokenTypeIds: new BigInt64Array(batch * seqLen) };
}

/**
 * Indices of `rows` grouped into batches of at most `size`, shortest first, so texts of similar
 * length share a batch and little compute goes to padding. Callers put results back by index.
 */
export function lengthSortedBatches(rows: readonly (readonly unknown[])[], size: number): number[][] {
  if (size < 1) throw new Error(`batch size must be at least 1, got ${size}`);
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => (rows[a]?.length ?? 0) - (rows[b]?.length ?? 0) || a - b);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += size) batches.push(order.slice(i, i + size));
  return batches;
}
