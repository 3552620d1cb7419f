import { describe, expect, it } from "vitest";
import { publicFixture } from "../../tests/support/public-fixtures.js";
import { layOutBlocks } from "../chunking/lay-out-blocks.js";
import type { DocumentKind } from "./document-kind.js";
import { extractDocument } from "./extract-document.js";

/** The extracted text, blocks laid out as the chunker reads them. */
async function extractText(kind: DocumentKind, bytes: Uint8Array): Promise<string> {
  return layOutBlocks((await extractDocument(kind, bytes)).blocks).text;
}

import { joinLineEndHyphens, wordVocabulary } from "./line-end-hyphens.js";
import { normalizeText } from "./normalize-text.js";

describe("joinLineEndHyphens", () => {
  it.each([
    // Syllables: the halves are not words of the text.
    ["The Rappa-\nhannock river. Rappahannock County.", "The Rappahannock river. Rappahannock County."],
    ["relies on ef-\nficient retrieval", "relies on efficient retrieval"],
    ["sur l’ex-\n  ploitation des logs", "sur l’exploitation des logs"],
    // The hyphenated form is the text's own.
    ["a well-\nknown result; well-known again", "a well-known result; well-known again"],
    // Both halves are words the text uses: a compound.
    ["a dual-\nencoder; the dual model and the encoder", "a dual-encoder; the dual model and the encoder"],
    // Capitals, acronyms, single letters keep their hyphen.
    ["Jean-\nPierre and Lucene-\nBM25", "Jean-Pierre and Lucene-BM25"],
    ["existing FAA-\napproved MEL", "existing FAA-approved MEL"],
    ["a d-\ndimensional space", "a d-dimensional space"],
    // U+2010 HYPHEN is a hyphen too; a trailing space before the line end is tolerated.
    ["impor\u2010 \ntant", "important"],
  ])("%j", (text, expected) => {
    expect(joinLineEndHyphens(text)).toBe(expected);
  });

  it("joins a soft hyphen's line break and drops soft hyphens elsewhere", () => {
    expect(joinLineEndHyphens("in\u00AD\ncluding hy\u00ADphen\u00ADation")).toBe("including hyphenation");
  });

  it("leaves dashes, list markers and numbers alone", () => {
    const text = "in 9%-19% -\nnext\n- item\nCOVID-\n19 and 3-\n4";
    expect(joinLineEndHyphens(text)).toBe(text);
  });

  it("judges by a vocabulary the caller passes (a whole document's, normalizing a block)", () => {
    const document = wordVocabulary("the encoder is dual");
    expect(joinLineEndHyphens("a dual-\nencoder", document)).toBe("a dual-encoder");
    expect(joinLineEndHyphens("a dual-\nencoder")).toBe("a dualencoder");
  });

  it("is part of normalizeText", () => {
    expect(normalizeText("  ef-\r\nficient\0 ")).toBe("efficient");
  });
});

describe("line-end hyphens in real PDFs", () => {
  it("joins the syllables of a two-column English paper and keeps its compounds", async () => {
    // Karpukhin et al., DPR: about 34 words broken across line ends.
    const text = await extractText("pdf", publicFixture("unstructured-multi-column-2p.pdf"));
    for (const joined of [
      "efficient passage retrieval",
      "implemented using",
      "reasonable strategy",
      "Conversely",
    ]) {
      expect(text).toContain(joined);
    }
    expect(text).toContain("simple dual-encoder framework");
    expect(text).toContain("open-domain");
    expect(text).not.toMatch(/\p{L}-\n\p{Ll}/u);
  });

  it("joins French hyphenation (unstructured-fr_olap.pdf)", async () => {
    const text = await extractText("pdf", publicFixture("unstructured-fr_olap.pdf"));
    for (const word of [
      "l’exploitation",
      "connaissance",
      "recommandations",
      "algorithme glouton",
      "déclarative",
    ]) {
      expect(text).toContain(word);
    }
    expect(text).not.toMatch(/\p{L}-\n\p{Ll}/u);
  });
});

describe("line-end hyphens in tables", () => {
  it("leaves a CSV's rows apart, whatever their values end with", async () => {
    const csv = "code,name\nAB-,north-\nCD-,south\n";
    expect(await extractText("csv", new TextEncoder().encode(csv))).toBe(
      "code | name\nAB- | north-\nCD- | south",
    );
  });
});
