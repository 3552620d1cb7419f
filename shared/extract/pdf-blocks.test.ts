import { describe, expect, it } from "vitest";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { extractDocument } from "./extract-document.js";
import type { TextBlock } from "./extracted-document.js";
import { buildPdf } from "./test-fixtures.js";

function blockWith(blocks: readonly TextBlock[], words: string): TextBlock | undefined {
  return blocks.find((b) => b.text.replace(/\s+/g, " ").includes(words));
}

describe("PDF blocks", () => {
  it("gives every paragraph its page (docling multi_page.pdf)", async () => {
    const { blocks } = await extractDocument("pdf", publicFixture("docling-multi_page.pdf"));
    expect(blocks.every((b) => Number.isInteger(b.page))).toBe(true);
    expect(blockWith(blocks, "Patented in 1868 by Christopher Latham Sholes")?.page).toBe(1);
    expect(blockWith(blocks, "Other notable software from this era included WordPerfect")?.page).toBe(2);
    expect(blockWith(blocks, "Specialized Word Processing Tools")?.page).toBe(3);
    expect(blockWith(blocks, "Word Processors in a Post-Digital Era")?.page).toBe(4);
    expect(blockWith(blocks, "reflects humanity’s broader technological progress")?.page).toBe(5);
    // Headings and the paragraphs under them are blocks of their own.
    expect(blockWith(blocks, "The Modern Era (1990s - Present)")?.text).toBe(
      "The Modern Era (1990s - Present)",
    );
    // No outline in this file: no headings are made up.
    expect(blocks.some((b) => b.headings !== undefined)).toBe(false);
  });

  it("places the outline's entries as section paths (pypdf pdflatex-outline.pdf)", async () => {
    const { blocks } = await extractDocument("pdf", publicFixture("pypdf-pdflatex-outline.pdf"));
    // Page 1 is the table of contents, before the first bookmark (section 1, page 2).
    expect(blocks.filter((b) => b.page === 1).every((b) => b.headings === undefined)).toBe(true);
    expect(blocks.find((b) => b.text === "1 Foo")).toMatchObject({ page: 2, headings: ["Foo"] });
    expect(blocks.find((b) => b.text === "5 Bar")).toMatchObject({ page: 3, headings: ["Bar"] });
    expect(blocks.find((b) => b.text === "9 Baz")).toMatchObject({ page: 4, headings: ["Baz"] });
    // Section 4 (Foo, page 2) runs on to the top of page 3, before section 5's heading.
    const pageThree = blocks.filter((b) => b.page === 3);
    expect(pageThree[0]?.headings).toEqual(["Foo"]);
    expect(pageThree[0]?.text).toMatch(/^written and an impression of the look/);
  });

  it("nests outline entries and tells the two columns apart (pdf.js bug1997343.pdf)", async () => {
    const { blocks } = await extractDocument("pdf", publicFixture("pdfjs-bug1997343.pdf"));
    expect(blockWith(blocks, "Let 𝑝 be a prime")).toMatchObject({
      page: 1,
      headings: ["Document structures", "Mathematics"],
    });
    expect(blockWith(blocks, "This document shows a typical two-column docu")).toMatchObject({
      page: 1,
      headings: ["Introduction"],
    });
    expect(blockWith(blocks, "Theorem 1 (Fermat’s Last Theorem)")).toMatchObject({
      page: 2,
      headings: ["Document structures", "Theorems"],
    });
    expect(blockWith(blocks, "It is also possible to cite works")).toMatchObject({
      page: 2,
      headings: ["Citations"],
    });
  });

  it("skips pages without text but keeps the numbering of the others", async () => {
    const { blocks } = await extractDocument("pdf", await buildPdf(["First.", "", "Third."]));
    expect(blocks).toEqual([
      { text: "First.", page: 1 },
      { text: "Third.", page: 3 },
    ]);
  });
});
