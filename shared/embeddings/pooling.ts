/**
 * Sentence-transformers' poolings: how a model's per-token vectors become one vector per text,
 * as the model was trained. Padding added to make a batch rectangular never changes a text's
 * vector. Then L2 normalisation, so cosine is a dot product.
 */

type Pool = (
  hidden: Float32Array,
  mask: ArrayLike<number | bigint>,
  batch: number,
  seqLen: number,
  dim: number,
) => Float32Array[];

function checkShape(
  hidden: Float32Array,
  mask: ArrayLike<unknown>,
  batch: number,
  seqLen: number,
  dim: number,
) {
  if (hidden.length !== batch * seqLen * dim) {
    throw new Error(`hidden state has ${hidden.length} values, expected ${batch}x${seqLen}x${dim}`);
  }
  if (mask.length !== batch * seqLen) {
    throw new Error(`attention mask has ${mask.length} values, expected ${batch}x${seqLen}`);
  }
}

/**
 * Masked mean over the sequence axis of a row-major [batch, seqLen, dim] tensor, one vector per
 * row (all-MiniLM-L6-v2). A row whose mask is all zero gives the zero vector (no token to average).
 */
export function meanPool(
  hidden: Float32Array,
  mask: ArrayLike<number | bigint>,
  batch: number,
  seqLen: number,
  dim: number,
): Float32Array[] {
  checkShape(hidden, mask, batch, seqLen, dim);
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    // Summed in float64: 256 float32 additions would lose digits the int8 model does not.
    const sum = new Float64Array(dim);
    let count = 0;
    for (let t = 0; t < seqLen; t++) {
      if (Number(mask[b * seqLen + t]) === 0) continue;
      count++;
      const base = (b * seqLen + t) * dim;
      for (let d = 0; d < dim; d++) sum[d] = (sum[d] ?? 0) + (hidden[base + d] ?? 0);
    }
    const v = new Float32Array(dim);
    if (count > 0) for (let d = 0; d < dim; d++) v[d] = (sum[d] ?? 0) / count;
    out.push(v);
  }
  return out;
}

/**
 * The first token's vector, [CLS] (bge): rows are right-padded, so it is never padding. A row
 * whose mask is all zero (no token at all) gives the zero vector, as the mean does.
 */
export function clsPool(
  hidden: Float32Array,
  mask: ArrayLike<number | bigint>,
  batch: number,
  seqLen: number,
  dim: number,
): Float32Array[] {
  checkShape(hidden, mask, batch, seqLen, dim);
  return Array.from({ length: batch }, (_, b) =>
    Number(mask[b * seqLen]) === 0
      ? new Float32Array(dim)
      : hidden.slice(b * seqLen * dim, b * seqLen * dim + dim),
  );
}

export type Pooling = "mean" | "cls";
export const poolings: Record<Pooling, Pool> = { mean: meanPool, cls: clsPool };

/** The vector scaled to unit length, as plain numbers; the zero vector stays zero. */
export function l2Normalize(v: ArrayLike<number>): number[] {
  let squares = 0;
  for (let i = 0; i < v.length; i++) squares += (v[i] ?? 0) ** 2;
  const norm = Math.sqrt(squares);
  return Array.from(v, (x) => (norm === 0 ? 0 : x / norm));
}
