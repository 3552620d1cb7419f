/** Exact nearest neighbours by brute force, and recall of an approximate answer against them. */

import type { VectorSet } from "./vector-corpora.js";

/**
 * For each query, the indices of the `k` corpus rows with the largest dot product (the cosine
 * similarity of unit vectors), best first; ties go to the lower index.
 */
export function exactTopK(corpus: VectorSet, queries: VectorSet, k: number): Int32Array[] {
  if (corpus.dimension !== queries.dimension) throw new Error("corpus and queries differ in dimension");
  const d = corpus.dimension;
  const out: Int32Array[] = [];
  for (let q = 0; q < queries.count; q++) {
    const query = queries.data.subarray(q * d, (q + 1) * d);
    const best = new Int32Array(Math.min(k, corpus.count)).fill(-1);
    const scores = new Float64Array(best.length).fill(Number.NEGATIVE_INFINITY);
    for (let i = 0; i < corpus.count; i++) {
      let s = 0;
      const base = i * d;
      for (let j = 0; j < d; j++) s += (query[j] as number) * (corpus.data[base + j] as number);
      let at = best.length - 1;
      if (!(s > (scores[at] as number))) continue;
      // Insertion into the sorted top-k: k is small, so shifting beats a heap.
      while (at > 0 && s > (scores[at - 1] as number)) {
        scores[at] = scores[at - 1] as number;
        best[at] = best[at - 1] as number;
        at--;
      }
      scores[at] = s;
      best[at] = i;
    }
    out.push(best);
  }
  return out;
}

export interface Recall {
  /** Mean over queries of |found ∩ exact| / |exact| (recall@k, k = the exact lists' length). */
  mean: number;
  /** Standard error of that mean (sample deviation of the per-query recalls / √queries). */
  standardError: number;
}

export function recallOf(found: readonly (readonly number[])[], exact: readonly Int32Array[]): Recall {
  if (found.length !== exact.length) throw new Error(`${found.length} answers for ${exact.length} queries`);
  if (exact.length === 0) return { mean: Number.NaN, standardError: Number.NaN };
  const each = exact.map((truth, q) => {
    const got = new Set(found[q]);
    let hit = 0;
    for (const i of truth) if (got.has(i)) hit++;
    return truth.length === 0 ? 1 : hit / truth.length;
  });
  const mean = each.reduce((a, b) => a + b, 0) / each.length;
  const variance = each.length > 1 ? each.reduce((a, r) => a + (r - mean) ** 2, 0) / (each.length - 1) : 0;
  return { mean, standardError: Math.sqrt(variance / each.length) };
}
