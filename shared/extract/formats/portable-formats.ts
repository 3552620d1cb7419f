import { csvBlocks } from "../csv-blocks.js";
import { decodeText } from "../decode-text.js";
import { docxBlocks } from "../docx-blocks.js";
import { emlBlocks } from "../eml-blocks.js";
import type { TextBlock } from "../extracted-document.js";
import { ExtractionError } from "../extraction-error.js";
import { htmlBlocks } from "../html-blocks.js";
import { markdownBlocks } from "../markdown-blocks.js";
import { odpBlocks } from "../odp-blocks.js";
import { odsBlocks } from "../ods-blocks.js";
import { odtBlocks } from "../odt-blocks.js";
import { compoundFileKind, compoundFileReason, isCompoundFile } from "../office/compound-file.js";
import { pptxBlocks } from "../pptx-blocks.js";
import { rtfBlocks } from "../rtf-blocks.js";
import { textBlocks } from "../text-blocks.js";
import { xlsxBlocks } from "../xlsx-blocks.js";
import { checkZipExpansion } from "../zip/open-zip.js";
import { zipLimits } from "../zip/zip-limits.js";
import {
  assertWithinChars,
  type ExtractionCaps,
  type FormatReaders,
  type RawDocument,
} from "./format-reader.js";

// With no cap given: the ZIP guard's fixed bounds still hold (ambiguity, ratio, entries).
const unboundedZip = zipLimits(Number.MAX_SAFE_INTEGER);

const zipOf = (caps: ExtractionCaps) => caps.zip ?? unboundedZip;
const cellsOf = (caps: ExtractionCaps) => caps.maxCells ?? Number.POSITIVE_INFINITY;

/**
 * The formats read by plain JavaScript that runs anywhere, Workers included: text, web pages,
 * office documents and e-mail. PDF and images need pdf.js's data files, OCR, and more memory
 * than a Worker has; they are in formats/all-formats.ts, read on Node.
 */
export const portableFormats: FormatReaders = {
  docx: async (bytes, caps) => {
    refuseCompoundFile(bytes);
    // mammoth inflates the parts itself (JSZip) with no bound of its own: measure them first.
    if (caps.zip !== undefined) await checkZipExpansion(bytes, caps.zip);
    return { blocks: await docxBlocks(bytes) };
  },
  html: async (bytes) => decoded(bytes, { html: true }, htmlBlocks),
  csv: async (bytes) => decoded(bytes, { html: false }, csvBlocks),
  md: async (bytes) => decoded(bytes, { html: false }, markdownBlocks),
  // A text file's decoded length is its text's: past the cap, no need to split it.
  txt: async (bytes, caps) =>
    decoded(bytes, { html: false }, (text) => {
      assertWithinChars(text.length, caps.maxChars ?? Number.POSITIVE_INFINITY);
      return textBlocks(text);
    }),
  xlsx: async (bytes, caps) => {
    refuseCompoundFile(bytes);
    return { blocks: await xlsxBlocks(bytes, zipOf(caps), cellsOf(caps)) };
  },
  pptx: async (bytes, caps) => {
    refuseCompoundFile(bytes);
    return { blocks: await pptxBlocks(bytes, zipOf(caps), cellsOf(caps)) };
  },
  ods: async (bytes, caps) => ({ blocks: await odsBlocks(bytes, zipOf(caps), cellsOf(caps)) }),
  odp: async (bytes, caps) => ({ blocks: await odpBlocks(bytes, zipOf(caps), cellsOf(caps)) }),
  odt: async (bytes, caps) => ({ blocks: await odtBlocks(bytes, zipOf(caps)) }),
  rtf: async (bytes) => ({ blocks: await rtfBlocks(bytes) }),
  eml: async (bytes) => ({ blocks: await emlBlocks(bytes) }),
};

/** A password-protected Office file, or a legacy one, is a compound file, not a ZIP. */
function refuseCompoundFile(bytes: Uint8Array): void {
  if (isCompoundFile(bytes)) throw new ExtractionError(compoundFileReason(compoundFileKind(bytes)));
}

/** A text format's blocks, with the character encoding its bytes were read in. */
function decoded(
  bytes: Uint8Array,
  options: { html: boolean },
  blocksOf: (text: string) => TextBlock[],
): RawDocument {
  const { text, encoding } = decodeText(bytes, options);
  return { blocks: blocksOf(text), encoding };
}
