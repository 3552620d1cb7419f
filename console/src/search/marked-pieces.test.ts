import { describe, expect, it } from "vitest";
import { markedPieces } from "./marked-pieces.js";

const joined = (text: string, spans: { start: number; end: number }[]) =>
  markedPieces(text, spans)
    .map((p) => (p.marked ? `[${p.text}]` : p.text))
    .join("");

describe("markedPieces", () => {
  it("marks the given spans and keeps every character", () => {
    expect(
      joined("Refunds within thirty days.", [
        { start: 0, end: 7 },
        { start: 15, end: 21 },
      ]),
    ).toBe("[Refunds] within [thirty] days.");
    expect(joined("abc", [{ start: 0, end: 3 }])).toBe("[abc]");
  });

  it("marks by UTF-16 offsets, as the API gives them", () => {
    const text = "😀 東京都 café";
    expect(
      joined(text, [
        { start: 3, end: 6 },
        { start: 7, end: 11 },
      ]),
    ).toBe("😀 [東京都] [café]");
  });

  it("ignores offsets it cannot trust", () => {
    expect(
      joined("abcdef", [
        { start: 2, end: 1 },
        { start: 4, end: 99 },
        { start: 1, end: 2 },
        { start: 0, end: 1 },
      ]),
    ).toBe("a[b]cdef");
  });
});
