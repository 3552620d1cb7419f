import { describe, expect, it } from "vitest";
import type { TextBlock } from "../extract/extracted-document.js";
import { chunkDocument, type DocumentChunk } from "./chunk-blocks.js";
import type { ChunkSettings } from "./chunk-settings.js";
import { chunkText } from "./chunk-text.js";
import { layOutBlocks } from "./lay-out-blocks.js";

const fixed =
  (size: number, overlap = 0) =>
  (): ChunkSettings => ({ size, overlap });
const sentence = (n: number) => `Sentence number ${n} says something about item ${n}.`;
const paragraph = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => sentence(from + i)).join(" ");

/** The span a chunk says it came from, cut out of the extracted text by code points. */
function spanText(text: string, chunk: DocumentChunk): string {
  return Array.from(text).slice(chunk.location.char_start, chunk.location.char_end).join("");
}

describe("layOutBlocks", () => {
  it("joins rows of one table by a line break and everything else by a blank line", () => {
    const header = "Name | Age";
    const { text, starts } = layOutBlocks([
      { text: "Intro." },
      { text: header, tableHeader: header },
      { text: "Ada | 36", tableHeader: header },
      { text: "Other | Table", tableHeader: "Other | Table" },
      { text: "Outro.", page: 2 },
    ]);
    expect(text).toBe("Intro.\n\nName | Age\nAda | 36\n\nOther | Table\n\nOutro.");
    expect(starts).toEqual([0, 8, 19, 29, 44]);
  });
});

describe("chunkDocument", () => {
  it("chunks one run of paragraphs exactly as chunkText chunks their text", () => {
    const blocks: TextBlock[] = Array.from({ length: 30 }, (_, i) => ({ text: paragraph(i * 5, 5) }));
    const settings = { size: 400, overlap: 60 };
    const { text, chunks } = chunkDocument({ blocks }, () => settings);
    expect(chunks.map((c) => c.text)).toEqual(chunkText(text, settings));
    for (const chunk of chunks) expect(spanText(text, chunk)).toBe(chunk.text);
  });

  it("never lets a chunk straddle a page, and says which page each chunk is on", () => {
    const blocks: TextBlock[] = [
      { text: paragraph(0, 3), page: 1 },
      { text: paragraph(3, 3), page: 1 },
      { text: paragraph(6, 2), page: 2 },
      { text: paragraph(8, 12), page: 4 },
    ];
    const { text, chunks } = chunkDocument({ blocks }, fixed(1000, 100));
    expect(chunks.map((c) => [c.location.page_start, c.location.page_end])).toEqual([
      [1, 1],
      [2, 2],
      [4, 4],
    ]);
    expect(chunks[0]?.text).toBe(`${blocks[0]?.text}\n\n${blocks[1]?.text}`);
    for (const chunk of chunks) expect(spanText(text, chunk)).toBe(chunk.text);
    // Within a page the usual overlap applies.
    const long = chunkDocument({ blocks: [{ text: paragraph(0, 40), page: 7 }] }, fixed(500, 100)).chunks;
    expect(long.length).toBeGreaterThan(4);
    for (let i = 1; i < long.length; i++) {
      expect(long[i]?.location.char_start).toBeLessThan(long[i - 1]?.location.char_end ?? 0);
    }
  });

  it("starts every chunk of table rows with the header line, outside the chunk's span", () => {
    const header = "Year | Freshwater ducks | Sea ducks";
    const rows = Array.from({ length: 60 }, (_, i) => `${1960 + i} | ${1000 + i * 7} | ${500 + i * 3}`);
    const blocks: TextBlock[] = [
      { text: "Counts by year.", headings: ["Birds"] },
      { text: header, tableHeader: header, row: 1, headings: ["Birds"] },
      ...rows.map((row, i) => ({ text: row, tableHeader: header, row: i + 2, headings: ["Birds"] })),
      { text: "After the table.", headings: ["Birds"] },
    ];
    const { text, chunks } = chunkDocument({ blocks }, fixed(300, 50));
    const tableChunks = chunks.filter((c) => c.location.row_start !== undefined);
    expect(tableChunks.length).toBeGreaterThan(3);
    let nextRow = 1;
    for (const chunk of tableChunks) {
      expect(chunk.text.split("\n")[0]).toBe(header);
      expect(Array.from(chunk.text).length).toBeLessThanOrEqual(300);
      const span = spanText(text, chunk);
      // The first chunk holds the header row itself; later ones get it put in front.
      expect(chunk.text).toBe(chunk.location.row_start === 1 ? span : `${header}\n${span}`);
      // Rows are records: each in exactly one chunk, in order, no overlap.
      expect(chunk.location.row_start).toBe(nextRow);
      nextRow = (chunk.location.row_end ?? 0) + 1;
      expect(chunk.location.headings).toEqual(["Birds"]);
    }
    expect(nextRow).toBe(62);
    // Text before and after the table is chunked on its own.
    expect(chunks[0]?.text).toBe("Counts by year.");
    expect(chunks.at(-1)?.text).toBe("After the table.");
  });

  it("keeps a table that fits in one chunk whole, and cuts a header wider than half a chunk", () => {
    const small = chunkDocument(
      {
        blocks: [
          { text: "a | b", tableHeader: "a | b", row: 1 },
          { text: "1 | 2", tableHeader: "a | b", row: 2 },
        ],
      },
      fixed(12),
    );
    expect(small.chunks).toEqual([
      { text: "a | b\n1 | 2", location: { row_start: 1, row_end: 2, char_start: 0, char_end: 11 } },
    ]);

    const wide = Array.from({ length: 40 }, (_, i) => `column ${i}`).join(" | ");
    const blocks: TextBlock[] = [
      { text: wide, tableHeader: wide, row: 1 },
      ...Array.from({ length: 30 }, (_, i) => ({ text: `value ${i} | x`, tableHeader: wide, row: i + 2 })),
    ];
    const { chunks } = chunkDocument({ blocks }, fixed(200));
    const repeated = chunks.slice(1).map((c) => c.text.split("\n")[0]);
    expect(new Set(repeated).size).toBe(1);
    expect(repeated[0]).toMatch(/^column 0 \| column 1 \| .* …$/);
    expect(Array.from(repeated[0] ?? "").length).toBeLessThanOrEqual(100);
    for (const chunk of chunks) expect(Array.from(chunk.text).length).toBeLessThanOrEqual(200);
  });

  it("gives the section path where each chunk starts", () => {
    const blocks: TextBlock[] = [
      { text: "Preface without a heading." },
      { text: "3 Objections", headings: ["3 Objections"] },
      { text: paragraph(0, 4), headings: ["3 Objections"] },
      { text: "3.2 Deadlines", headings: ["3 Objections", "3.2 Deadlines"] },
      { text: paragraph(4, 4), headings: ["3 Objections", "3.2 Deadlines"] },
    ];
    const { chunks } = chunkDocument({ blocks }, fixed(260));
    // The first chunk starts before any heading, though it runs into section 3; the second
    // starts in section 3.2's paragraph.
    expect(chunks.map((c) => [c.text.slice(0, 17), c.location.headings])).toEqual([
      ["Preface without a", undefined],
      ["Sentence number 4", ["3 Objections", "3.2 Deadlines"]],
    ]);
    expect(chunks[0]?.text).toContain("\n\n3 Objections\n\n");
    expect("headings" in (chunks[0]?.location ?? {})).toBe(false);
  });

  it("counts offsets in code points, so astral characters count once", () => {
    const blocks: TextBlock[] = [
      { text: "𝑝 is prime 👋🏽.", page: 1 },
      { text: "Next page 𝑛.", page: 2 },
    ];
    const { text, chunks } = chunkDocument({ blocks }, fixed(100));
    expect(chunks.map((c) => c.location)).toEqual([
      { page_start: 1, page_end: 1, char_start: 0, char_end: 14 },
      { page_start: 2, page_end: 2, char_start: 16, char_end: 28 },
    ]);
    for (const chunk of chunks) expect(spanText(text, chunk)).toBe(chunk.text);
  });

  it("settles the adaptive settings on the whole extracted text's length", () => {
    const lengths: number[] = [];
    const blocks: TextBlock[] = [
      { text: "abc", page: 1 },
      { text: "de", page: 2 },
    ];
    chunkDocument({ blocks }, (length) => {
      lengths.push(length);
      return { size: 100, overlap: 0 };
    });
    expect(lengths).toEqual(["abc\n\nde".length]);
  });
});
