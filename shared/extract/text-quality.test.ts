import { describe, expect, it } from "vitest";
import { layOutBlocks } from "../chunking/lay-out-blocks.js";
import type { DocumentKind } from "./document-kind.js";
import { extractDocument } from "./extract-document.js";
import { ExtractionError } from "./extraction-error.js";

/** The extracted text, blocks laid out as the chunker reads them. */
async function extractText(kind: DocumentKind, bytes: Uint8Array): Promise<string> {
  return layOutBlocks((await extractDocument(kind, bytes)).blocks).text;
}

import { buildDocx } from "./test-fixtures.js";
import { assertReadableText, textVerdict, unreadableShareLimit } from "./text-quality.js";

const privateUse = (n: number) =>
  String.fromCodePoint(...Array.from({ length: n }, (_, i) => 0xe000 + (i % 200)));

describe("textVerdict", () => {
  it.each([
    ["plain prose", "The council meets on Tuesdays.\n\tAgenda\n"],
    [
      "a few symbol-font bullets in private use",
      `${"\uF0B7 item one\n".repeat(3)}and a long paragraph of ordinary words`,
    ],
    ["one undecodable byte", "Stra\uFFFDe und Hausnummer, Postleitzahl und Ort"],
    ["CJK, Arabic, emoji", "東京都に住んでいます مرحبا بكم 👍"],
    ["only blanks", " \n\t "],
  ])("reads %s as text", (_name, text) => {
    expect(textVerdict(text).readable).toBe(true);
  });

  it.each([
    ["control characters", "\u0001\u0002\u0003\u0004ab\u0005\u0006\u0007\u0008\u000e\u000f".repeat(50)],
    ["private-use code points", `${privateUse(400)} page 1`],
    ["replacement characters", "\uFFFD\uFFFD\uFFFD x \uFFFD\uFFFD"],
    ["unassigned code points and lone surrogates", "\u{0378}\u{0379}\uD800\uDFFF ok"],
  ])("refuses %s", (_name, text) => {
    const verdict = textVerdict(text);
    expect(verdict.readable).toBe(false);
    expect(verdict.reason).toMatch(/^the extracted text is not readable text: \d+% of its \d+ characters/);
  });

  it("draws the line at the stated share of non-blank characters", () => {
    const limit = Math.round(unreadableShareLimit * 100);
    const text = (bad: number) => `${privateUse(bad)}${"a".repeat(100 - bad)}      \n\n`;
    expect(textVerdict(text(limit)).readable).toBe(true);
    expect(textVerdict(text(limit + 1))).toMatchObject({
      readable: false,
      characters: 100,
      unreadable: limit + 1,
    });
  });

  it("throws the reason as an ExtractionError", () => {
    expect(() => assertReadableText("\u0001\u0002")).toThrow(ExtractionError);
    expect(() => assertReadableText("fine")).not.toThrow();
  });
});

describe("extractText refuses what is not text", () => {
  it("fails a Word document whose text is private-use code points, with the reason", async () => {
    const docx = await buildDocx([privateUse(3000), privateUse(3000)]);
    await expect(extractText("docx", docx)).rejects.toThrow(
      /^the extracted text is not readable text: 100% of its 6000 characters are control, private-use or unknown characters/,
    );
  });

  it("keeps a Word document with a few private-use bullets", async () => {
    const docx = await buildDocx(["\uF0B7 first point", "\uF0B7 second point", "The rest of the page."]);
    expect(await extractText("docx", docx)).toContain("second point");
  });
});
