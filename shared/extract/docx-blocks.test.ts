import { describe, expect, it } from "vitest";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { extractDocument } from "./extract-document.js";

describe("DOCX blocks", () => {
  it("gives each paragraph the path of the Heading styles above it (docling unit_test_headers.docx)", async () => {
    const { blocks } = await extractDocument("docx", publicFixture("docling-unit_test_headers.docx"));
    const at = (text: string) => blocks.filter((b) => b.text === text).map((b) => b.headings);
    // The Title style is not a heading: nothing is above it.
    expect(at("Test Document")).toEqual([undefined]);
    expect(at("Paragraph 1.1")).toEqual([["Section 1"]]);
    expect(at("Section 1.1")).toEqual([["Section 1", "Section 1.1"]]);
    expect(at("Paragraph 1.2.3.1")).toEqual([
      ["Section 1", "Section 1.2", "Section 1.2.3"],
      ["Section 1", "Section 1.2", "Section 1.2.3"],
    ]);
    // Heading 3 right under Heading 1, then a Heading 2 that closes it.
    expect(at("Paragraph 2.1.1.1")).toEqual([
      ["Section 2", "Section 2.1.1"],
      ["Section 2", "Section 2.1.1"],
    ]);
    expect(at("Paragraph 2.1.2")).toEqual([["Section 2", "Section 2.1"]]);
  });

  it("keeps a Word table's rows as rows, with their header (docling word_tables.docx)", async () => {
    const { blocks } = await extractDocument("docx", publicFixture("docling-word_tables.docx"));
    const header = "Header 0.0 | Header 0.1 | Header 0.2";
    const place = { tableHeader: header, headings: ["Test with tables"] };
    const uniform = blocks.findIndex((b) => b.text === "A uniform table");
    expect(blocks.slice(uniform + 1, uniform + 4)).toEqual([
      { text: header, ...place },
      { text: "Cell 1.0 | Cell 1.1 | Cell 1.2", ...place },
      { text: "Cell 2.0 | Cell 2.1 | Cell 2.2", ...place },
    ]);
    // A cell merged across rows is in each row it spans; one merged across columns is written once.
    const rows = blocks.map((b) => b.text);
    expect(rows).toContain("Cell 2.0 | Merged Cell 1.1 2.1 | Cell 2.2");
    expect(rows).toContain("Cell 4.0 | Merged Cell 3.1 4.1 | Cell 4.2");
    expect(rows).toContain("Cell 1.0 | Merged Cell 1.1 1.2 | Cell 1.3");
  });

  it("drops mammoth's footnote back-links (mammoth footnotes.docx)", async () => {
    const { blocks } = await extractDocument("docx", publicFixture("mammoth-footnotes.docx"));
    expect(blocks.map((b) => b.text)).toEqual(["Ouch[1].[2]", "A tachyon walks into a bar.", "Fin."]);
  });
});
