import { describe, expect, it } from "vitest";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { extractDocument } from "./extract-document.js";
import { utf8 } from "./test-fixtures.js";

describe("Markdown blocks", () => {
  it("gives each block its heading path (OCRmyPDF docs/introduction.md)", async () => {
    const { blocks } = await extractDocument("md", publicFixture("ocrmypdf-introduction.md"));
    const limits = blocks.find((b) => b.text.includes("It is incapable of recognizing handwriting."));
    expect(limits?.headings).toEqual(["Introduction", "Limitations"]);
    expect(blocks.find((b) => b.text === "### Ghostscript considerations")?.headings).toEqual([
      "Introduction",
      "Limitations",
      "Ghostscript considerations",
    ]);
    // The comment lines above the first heading belong to no section.
    expect(blocks[0]?.text).toMatch(/^% SPDX-FileCopyrightText/);
    expect(blocks[0]?.headings).toBeUndefined();
  });

  it("keeps the source text, names sections by their words, and splits tables into rows", async () => {
    const md = [
      "Setext title",
      "============",
      "",
      "Some *emphasis* and [a link](https://example.org).",
      "",
      "## Fees for `permits`",
      "",
      "| Permit | Fee |",
      "|--------|----:|",
      "| Boat   | 40  |",
      "| Fishing | 12 |",
      "",
      "- one",
      "- two",
    ].join("\r\n");
    const { blocks } = await extractDocument("md", utf8(md));
    const fees = ["Setext title", "Fees for permits"];
    const header = "| Permit | Fee |";
    expect(blocks).toEqual([
      { text: "Setext title\n============", headings: ["Setext title"] },
      { text: "Some *emphasis* and [a link](https://example.org).", headings: ["Setext title"] },
      { text: "## Fees for `permits`", headings: fees },
      { text: header, tableHeader: header, headings: fees },
      { text: "| Boat   | 40  |", tableHeader: header, headings: fees },
      { text: "| Fishing | 12 |", tableHeader: header, headings: fees },
      { text: "- one\n- two", headings: fees },
    ]);
  });
});
