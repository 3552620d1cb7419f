import { describe, expect, it } from "vitest";
import { clsPool, l2Normalize, meanPool } from "./pooling.js";

describe("meanPool", () => {
  // [batch 2, seqLen 3, dim 2]; row 0 has two real tokens and one pad, row 1 three real tokens.
  const hidden = Float32Array.from([1, 2, 3, 4, 100, 100, 1, 1, 2, 2, 3, 3]);
  const mask = BigInt64Array.from([1n, 1n, 0n, 1n, 1n, 1n]);

  it("averages only the tokens the attention mask keeps", () => {
    const [a, b] = meanPool(hidden, mask, 2, 3, 2);
    expect(Array.from(a ?? [])).toEqual([2, 3]);
    expect(Array.from(b ?? [])).toEqual([2, 2]);
  });

  it("gives a text the same vector whatever padding its batch added", () => {
    const alone = meanPool(Float32Array.from([1, 2, 3, 4]), [1, 1], 1, 2, 2);
    const padded = meanPool(hidden, mask, 2, 3, 2);
    expect(Array.from(padded[0] ?? [])).toEqual(Array.from(alone[0] ?? []));
  });

  it("gives the zero vector for a row without tokens", () => {
    const [v] = meanPool(Float32Array.from([5, 5]), [0], 1, 1, 2);
    expect(Array.from(v ?? [])).toEqual([0, 0]);
  });

  it("refuses tensors whose sizes disagree with the shape", () => {
    expect(() => meanPool(hidden, mask, 2, 3, 3)).toThrow(/hidden state/);
    expect(() => meanPool(hidden, [1, 1], 2, 3, 2)).toThrow(/attention mask/);
  });
});

describe("clsPool", () => {
  // [batch 2, seqLen 3, dim 2]; row 0 has two real tokens and one pad, row 1 none.
  const hidden = Float32Array.from([1, 2, 3, 4, 100, 100, 7, 8, 9, 9, 9, 9]);

  it("takes each row's first token, whatever follows it", () => {
    const [a, b] = clsPool(hidden, [1, 1, 0, 1, 1, 1], 2, 3, 2);
    expect(Array.from(a ?? [])).toEqual([1, 2]);
    expect(Array.from(b ?? [])).toEqual([7, 8]);
  });

  it("gives the zero vector for a row without tokens", () => {
    const [, b] = clsPool(hidden, [1, 1, 0, 0, 0, 0], 2, 3, 2);
    expect(Array.from(b ?? [])).toEqual([0, 0]);
  });

  it("refuses tensors whose sizes disagree with the shape", () => {
    expect(() => clsPool(hidden, [1, 1, 0, 1, 1, 1], 2, 3, 3)).toThrow(/hidden state/);
  });
});

describe("l2Normalize", () => {
  it("scales to unit length, keeping direction", () => {
    expect(l2Normalize([3, 4])).toEqual([0.6, 0.8]);
    const v = l2Normalize(Float32Array.from([1, -2, 2]));
    expect(Math.hypot(...v)).toBeCloseTo(1, 12);
  });

  it("leaves the zero vector zero (no NaN)", () => {
    expect(l2Normalize([0, 0, 0])).toEqual([0, 0, 0]);
  });
});
