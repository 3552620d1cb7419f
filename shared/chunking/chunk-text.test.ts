import { describe, expect, it } from "vitest";
import { chunkText } from "./chunk-text.js";

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const codePoints = (s: string) => Array.from(s).length;
const words = (s: string) => s.split(/\s+/).filter((w) => w !== "");

// Deterministic pseudo-random prose: paragraphs of sentences of varied length.
function prose(paragraphs: number, seed = 7, maxSentenceWords = 20): string {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const vocabulary = ["alpha", "beta", "gamma", "delta", "retrieval", "document", "chunk", "vector", "index"];
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentences: string[] = [];
    const sentenceCount = 2 + Math.floor(next() * 5);
    for (let s = 0; s < sentenceCount; s++) {
      const length = 5 + Math.floor(next() * (maxSentenceWords - 5));
      const ws = Array.from(
        { length },
        (_, i) => `${vocabulary[Math.floor(next() * vocabulary.length)]}${p}x${s}x${i}`,
      );
      sentences.push(`${ws.join(" ")}${[".", "!", "?"][s % 3]}`);
    }
    out.push(sentences.join(" "));
  }
  return out.join("\n\n");
}

function expectWellFormed(chunks: string[], size: number): void {
  for (const chunk of chunks) {
    expect(chunk).toBe(chunk.trim());
    expect(chunk).not.toBe("");
    expect(codePoints(chunk)).toBeLessThanOrEqual(size);
    expect(loneSurrogate.test(chunk)).toBe(false);
  }
}

/** Every word of the input appears, in order, when the overlapping chunks are stitched back. */
function expectCoverage(text: string, chunks: string[]): void {
  const expected = words(text);
  const seen: string[] = [];
  for (const chunk of chunks) {
    const chunkWords = words(chunk);
    // Skip the words this chunk repeats from the previous one.
    let skip = 0;
    for (let k = Math.min(chunkWords.length, seen.length); k > 0; k--) {
      if (seen.slice(-k).join(" ") === chunkWords.slice(0, k).join(" ")) {
        skip = k;
        break;
      }
    }
    seen.push(...chunkWords.slice(skip));
  }
  expect(seen).toEqual(expected);
}

describe("chunkText", () => {
  it("returns no chunks for empty or whitespace-only text", () => {
    expect(chunkText("", { size: 100, overlap: 10 })).toEqual([]);
    expect(chunkText(" \n\t\u00a0\u3000 ", { size: 100, overlap: 10 })).toEqual([]);
  });

  it("returns short text as exactly one trimmed chunk", () => {
    const text = "\n  A short note.\n\nWith two paragraphs.  \n";
    expect(chunkText(text, { size: 100, overlap: 10 })).toEqual([text.trim()]);
  });

  it("keeps long prose within size, ending chunks at sentence or paragraph ends", () => {
    // Sentences of at most ~170 characters, so every 400-character window holds a sentence end.
    const text = prose(40, 7, 12);
    const chunks = chunkText(text, { size: 400, overlap: 60 });
    expect(chunks.length).toBeGreaterThan(10);
    expectWellFormed(chunks, 400);
    for (const chunk of chunks.slice(0, -1)) expect(chunk).toMatch(/[.!?]$/);
    expectCoverage(text, chunks);
  });

  it("prefers paragraph breaks when they fall in the back half of the window", () => {
    const paragraph = (label: string) => `${label} ${"word ".repeat(25).trim()}.`;
    const text = [paragraph("one"), paragraph("two"), paragraph("three")].join("\n\n");
    const chunks = chunkText(text, { size: 300, overlap: 0 });
    expect(chunks[0]).toBe(`${paragraph("one")}\n\n${paragraph("two")}`);
    expect(chunks[1]).toBe(paragraph("three"));
  });

  it("overlaps consecutive chunks when overlap > 0, starting on a word", () => {
    const text = prose(30, 3);
    const chunks = chunkText(text, { size: 300, overlap: 80 });
    expectWellFormed(chunks, 300);
    const wordSet = new Set(words(text));
    for (let i = 1; i < chunks.length; i++) {
      const previous = chunks[i - 1] ?? "";
      const current = chunks[i] ?? "";
      const previousWords = new Set(words(previous));
      const shared = words(current).findIndex((w) => !previousWords.has(w));
      expect(shared).toBeGreaterThan(0);
      // The overlap starts with a whole word of the input.
      expect(wordSet.has(words(current)[0] ?? "")).toBe(true);
    }
    expectCoverage(text, chunks);
  });

  it("starts the overlap at a sentence when one lies within reach", () => {
    const sentence = (n: number) => `Sentence number ${n} is here.`;
    const text = Array.from({ length: 60 }, (_, n) => sentence(n)).join(" ");
    const chunks = chunkText(text, { size: 200, overlap: 70 });
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i]).toMatch(/^Sentence number \d+ is here\./);
      const firstSentence = chunks[i]?.slice(0, chunks[i]?.indexOf(".") ?? 0) ?? "";
      expect(chunks[i - 1]).toContain(firstSentence);
    }
  });

  it("shares no text between chunks when overlap is 0", () => {
    const text = prose(30, 5);
    const chunks = chunkText(text, { size: 300, overlap: 0 });
    expectWellFormed(chunks, 300);
    expect(chunks.flatMap(words)).toEqual(words(text));
  });

  it("hard-cuts a 10,000-character word into pieces of at most size", () => {
    const word = "x".repeat(10_000);
    const chunks = chunkText(word, { size: 300, overlap: 30 });
    expectWellFormed(chunks, 300);
    expect(chunks.join("")).toBe(word);
    expect(chunks).toHaveLength(34);
  });

  it("never splits emoji or CJK inside a code point", () => {
    const emoji = "😀🎉👍🏽🚀".repeat(500);
    const cjk = "自然语言处理是人工智能的一个分支".repeat(60);
    for (const text of [emoji, cjk, `${emoji} ${cjk}`, `a${emoji}`]) {
      for (const size of [50, 77, 128]) {
        const chunks = chunkText(text, { size, overlap: 10 });
        expectWellFormed(chunks, size);
        expect(chunks.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
      }
    }
  });

  it("does not separate emoji modifiers or combining marks from their base on a hard cut", () => {
    const text = "👍🏽".repeat(100);
    for (const chunk of chunkText(text, { size: 51, overlap: 0 })) expect(chunk).toMatch(/^(👍🏽)+$/u);
    const accented = "e\u0301".repeat(100);
    for (const chunk of chunkText(accented, { size: 51, overlap: 0 })) expect(chunk).toMatch(/^(e\u0301)+$/);
  });

  it("splits CJK text at its full stops", () => {
    const sentence = "这是一个关于检索的句子。";
    const text = sentence.repeat(30);
    const chunks = chunkText(text, { size: 100, overlap: 0 });
    expectWellFormed(chunks, 100);
    for (const chunk of chunks) expect(chunk.endsWith("。")).toBe(true);
    expect(chunks.join("")).toBe(text);
  });

  it("is deterministic", () => {
    const text = prose(20, 11);
    expect(chunkText(text, { size: 250, overlap: 40 })).toEqual(chunkText(text, { size: 250, overlap: 40 }));
  });

  it("makes progress even with an overlap close to the size", () => {
    const text = prose(10, 13);
    const chunks = chunkText(text, { size: 120, overlap: 119 });
    expectWellFormed(chunks, 120);
    expectCoverage(text, chunks);
  });

  it("handles 5 MB of text quickly", () => {
    const base = prose(200, 17);
    const text = `${base}\n\n`.repeat(Math.ceil(5_000_000 / base.length)).slice(0, 5_000_000);
    const started = performance.now();
    const chunks = chunkText(text, { size: 1000, overlap: 100 });
    const elapsed = performance.now() - started;
    expect(chunks.length).toBeGreaterThan(5000);
    expect(elapsed).toBeLessThan(3000);
  });

  it.each([
    { size: 0, overlap: 0 },
    { size: 100, overlap: 100 },
    { size: 100, overlap: -1 },
    { size: 10.5, overlap: 0 },
    { size: Number.NaN, overlap: 0 },
  ])("rejects invalid settings %j", (settings) => {
    expect(() => chunkText("text", settings)).toThrow(RangeError);
  });
});
