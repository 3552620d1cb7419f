import { describe, expect, it } from "vitest";
import { type PdfTextItem, pdfParagraphs } from "./pdf-paragraphs.js";

/** One line of text at (x, y) in a font of `size` points, as pdf.js reports it. */
const line = (str: string, x: number, y: number, size = 10): PdfTextItem => ({
  str,
  hasEOL: true,
  transform: [size, 0, 0, size, x, y],
});

describe("pdfParagraphs", () => {
  it("breaks at a wider gap, a change of font size and a jump to the next column", () => {
    const items = [
      line("Heading", 72, 700, 14),
      line("First line of a paragraph", 72, 680),
      line("continues here.", 72, 668),
      line("After a gap.", 72, 640),
      line("Next line.", 72, 628),
      line("Second column.", 300, 700),
      line("Its next line.", 300, 688),
    ];
    expect(pdfParagraphs(items)).toEqual([
      { text: "Heading", x: 72, y: 700 },
      { text: "First line of a paragraph\ncontinues here.", x: 72, y: 680 },
      { text: "After a gap.\nNext line.", x: 72, y: 640 },
      { text: "Second column.\nIts next line.", x: 300, y: 700 },
    ]);
  });

  it("joins the items of a line, skips blank lines and leaves rotated text in one paragraph", () => {
    const items: PdfTextItem[] = [
      { str: "Total", hasEOL: false, transform: [10, 0, 0, 10, 72, 500] },
      { str: " ", hasEOL: false, transform: [10, 0, 0, 10, 98, 500] },
      { str: "42", hasEOL: true, transform: [10, 0, 0, 10, 104, 500] },
      { str: "", hasEOL: true, transform: [10, 0, 0, 10, 72, 488] },
      { str: "up", hasEOL: true, transform: [0, 10, -10, 0, 20, 100] },
      { str: "the side", hasEOL: true, transform: [0, 10, -10, 0, 32, 100] },
    ];
    expect(pdfParagraphs(items).map((p) => p.text)).toEqual(["Total 42\nup\nthe side"]);
  });
});
