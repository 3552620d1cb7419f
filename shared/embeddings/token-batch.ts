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
 * Indices of `rows` grouped into batches, shortest first, so texts of similar length share a
 * batch and little compute goes to padding. A batch holds at most `maxRows` rows and, padded,
 * at most `maxTokens` tokens (a longer row goes alone): short texts go many at a time, long ones
 * few, which bounds the runtime's memory (it grows with rows x length). Callers put results
 * back by index.
 */
export function lengthSortedBatches(
  rows: readonly (readonly unknown[])[],
  maxRows: number,
  maxTokens = Number.POSITIVE_INFINITY,
): number[][] {
  if (maxRows < 1) throw new Error(`batch size must be at least 1, got ${maxRows}`);
  const length = (i: number) => rows[i]?.length ?? 0;
  const order = rows.map((_, i) => i).sort((a, b) => length(a) - length(b) || a - b);
  const batches: number[][] = [];
  let current: number[] = [];
  for (const i of order) {
    // Sorted ascending, so row i is the longest of the batch it joins: it sets the padded length.
    if (current.length > 0 && (current.length === maxRows || (current.length + 1) * length(i) > maxTokens)) {
      batches.push(current);
      current = [];
    }
    current.push(i);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
