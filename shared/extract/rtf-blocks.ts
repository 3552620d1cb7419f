import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Tokenize } from "rtf-stream-parser";
import type { FeatureHandler } from "rtf-stream-parser/dist/src/features/types.js";
import type { ProcessTokensGlobalState } from "rtf-stream-parser/dist/src/ProcessTokens.types.js";
import { ToPlainText } from "rtf-stream-parser/dist/src/ToPlainText.js";
import type { TextBlock } from "./extracted-document.js";

// Between paragraphs; U+2029 never comes out of the decoder for plain text.
const paragraphEnd = "\u2029";

/**
 * Ends of paragraphs and table cells, which the library's plain-text conversion writes as line
 * breaks (or not at all): \par, \sect and \page end a paragraph, \row a table row, whose cells
 * (\cell) are joined by " | ", and \line is a line break within the paragraph.
 */
const structure: FeatureHandler<ProcessTokensGlobalState> = {
  controlHandlers: {
    par: (global) => push(global, paragraphEnd),
    sect: (global) => push(global, paragraphEnd),
    page: (global) => push(global, paragraphEnd),
    row: (global) => push(global, paragraphEnd),
    cell: (global) => push(global, " | "),
    line: (global) => push(global, "\n"),
  },
};

function push(global: ProcessTokensGlobalState, text: string): true {
  global._pushOutput(text);
  return true;
}

class RtfToText extends ToPlainText {
  constructor() {
    super({ decode: decodeCodePage, warn: () => {} });
    // Before the library's own text escapes, so these win for the words they share.
    const escapes = this._featureHandlers.findIndex((feature) => feature.controlHandlers?.tab !== undefined);
    this._featureHandlers.splice(Math.max(escapes, 0), 0, structure);
  }
}

/**
 * An RTF document's paragraphs: rtf-stream-parser tokenizes it and turns it into text, honouring
 * the code page (\ansicpg, a font's \fcharset), \'hh escapes and \uN characters with their
 * fallbacks skipped (\ucN), and leaving out what is not body text (font and style tables,
 * document info, pictures, optional destinations such as fields' instructions). A table row is
 * a paragraph of its cells joined by " | ".
 */
export async function rtfBlocks(bytes: Uint8Array): Promise<TextBlock[]> {
  const parts: string[] = [];
  const converter = new RtfToText();
  converter.on("data", (chunk: string | Buffer) => parts.push(String(chunk)));
  await pipeline(Readable.from([Buffer.from(bytes)]), new Tokenize(), converter);
  return parts
    .join("")
    .split(paragraphEnd)
    .map((paragraph) => ({ text: paragraph.replace(/\r\n?/g, "\n").replace(/(?:\s*\|\s*)+$/, "") }));
}

// Windows code pages by number, as \ansicpg and \cpg give them, to WHATWG encoding labels.
const labels: Record<number, string> = {
  437: "ibm866",
  708: "iso-8859-6",
  866: "ibm866",
  874: "windows-874",
  932: "shift_jis",
  936: "gbk",
  949: "euc-kr",
  950: "big5",
  10000: "macintosh",
  20866: "koi8-r",
  21866: "koi8-u",
  54936: "gb18030",
  65001: "utf-8",
};

/** Decodes text in a code page ("cp1252"), with Node's full-ICU TextDecoder. */
function decodeCodePage(bytes: Buffer, encoding: string): string {
  const number = Number(encoding.replace(/^cp/, ""));
  let label = labels[number];
  if (label === undefined && number >= 1250 && number <= 1258) label = `windows-${number}`;
  if (label === undefined && number >= 28591 && number <= 28606) label = `iso-8859-${number - 28590}`;
  try {
    return new TextDecoder(label ?? encoding).decode(bytes);
  } catch {
    // An unknown code page: Windows-1252 is RTF's own default.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
