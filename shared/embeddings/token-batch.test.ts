import { describe, expect, it } from "vitest";
import { lengthSortedBatches, packBatch, truncateEncoding } from "./token-batch.js";

describe("truncateEncoding", () => {
  it("keeps [CLS], the first pieces and the closing [SEP]", () => {
    expect(truncateEncoding([101, 1, 2, 3, 4, 102], 4)).toEqual([101, 1, 2, 102]);
  });

  it("leaves a short encoding as it is", () => {
    expect(truncateEncoding([101, 7, 102], 256)).toEqual([101, 7, 102]);
    expect(truncateEncoding([101, 7, 102], 3)).toEqual([101, 7, 102]);
  });

  it("needs room for the two special tokens", () => {
    expect(() => truncateEncoding([101, 102], 1)).toThrow(/at least 2/);
  });
});

describe("packBatch", () => {
  it("right-pads to the longest row and masks the padding", () => {
    const b = packBatch(
      [
        [101, 5, 102],
        [101, 102],
      ],
      0,
    );
    expect([b.batch, b.seqLen]).toEqual([2, 3]);
    expect(Array.from(b.inputIds)).toEqual([101n, 5n, 102n, 101n, 102n, 0n]);
    expect(Array.from(b.attentionMask)).toEqual([1n, 1n, 1n, 1n, 1n, 0n]);
    expect(Array.from(b.tokenTypeIds)).toEqual([0n, 0n, 0n, 0n, 0n, 0n]);
  });

  it("pads with the tokenizer's pad id", () => {
    expect(Array.from(packBatch([[1, 2], [3]], 9).inputIds)).toEqual([1n, 2n, 3n, 9n]);
  });
});

describe("lengthSortedBatches", () => {
  it("groups rows shortest first, in batches of the given size, covering every index once", () => {
    const rows = [[1, 2, 3], [1], [1, 2, 3, 4], [1, 2], [1]];
    const batches = lengthSortedBatches(rows, 2);
    expect(batches).toEqual([[1, 4], [3, 0], [2]]);
    expect(batches.flat().sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("caps a batch's padded tokens, so long texts go few at a time and short ones many", () => {
    const rows = [Array(3), Array(10), Array(3), Array(10), Array(10), Array(3), Array(30)];
    // 3+3+3 fit 20 tokens (3 x 3); 10s two at a time (2 x 10); 30 alone even over the cap.
    expect(lengthSortedBatches(rows, 32, 20)).toEqual([[0, 2, 5], [1, 3], [4], [6]]);
  });

  it("gives no batch for no rows", () => {
    expect(lengthSortedBatches([], 32)).toEqual([]);
  });
});
