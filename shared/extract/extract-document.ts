import { csvBlocks } from "./csv-blocks.js";
import { decodeText } from "./decode-text.js";
import type { DocumentKind } from "./document-kind.js";
import { docxBlocks } from "./docx-blocks.js";
import { emlBlocks } from "./eml-blocks.js";
import type { ExtractedDocument, TextBlock } from "./extracted-document.js";
import { ExtractionError } from "./extraction-error.js";
import { htmlBlocks } from "./html-blocks.js";
import { imageBlocks } from "./image-blocks.js";
import { wordVocabulary } from "./line-end-hyphens.js";
import { markdownBlocks } from "./markdown-blocks.js";
import { normalizeText } from "./normalize-text.js";
import type { ExtractEnvironment } from "./ocr/ocr-engine.js";
import { odpBlocks } from "./odp-blocks.js";
import { odsBlocks } from "./ods-blocks.js";
import { odtBlocks } from "./odt-blocks.js";
import { compoundFileKind, compoundFileReason, isCompoundFile } from "./office/compound-file.js";
import { pdfBlocks } from "./pdf-blocks.js";
import { pptxBlocks } from "./pptx-blocks.js";
import { rtfBlocks } from "./rtf-blocks.js";
import { limitReason } from "./sandbox/extraction-limits.js";
import { textBlocks } from "./text-blocks.js";
import { assertReadableText } from "./text-quality.js";
import { xlsxBlocks } from "./xlsx-blocks.js";
import { checkZipExpansion } from "./zip/open-zip.js";
import { type ZipLimits, zipLimits } from "./zip/zip-limits.js";

export { ExtractionError } from "./extraction-error.js";

/**
 * The bounds parsers enforce as they read (the collection's choices, such as OCR languages,
 * travel in the environment). A cap left out is not applied: extractWithinLimits passes the
 * configured ones.
 */
export interface ExtractionCaps {
  /** What a ZIP-based file may expand to (EXTRACT_MAX_UNZIPPED_MB). */
  readonly zip?: ZipLimits;
  /** Cells of a spreadsheet, shapes and table cells of a presentation (EXTRACT_MAX_CELLS). */
  readonly maxCells?: number;
  /**
   * Characters the raw text may have (EXTRACT_MAX_CHARS). Checked as soon as it is known (a
   * text file's decoded length, the blocks a parser returned), before the passes over it that
   * cost time per character: a 90 MiB one-word file fails in a second, not at the time limit.
   */
  readonly maxChars?: number;
}

// With no cap given: the ZIP guard's fixed bounds still hold (ambiguity, ratio, entries).
const unboundedZip = zipLimits(Number.MAX_SAFE_INTEGER);

/**
 * A document's text as blocks in reading order, each with its place (page, row, section path):
 * see extracted-document.ts. Every block's text is normalized (normalize-text.ts) and non-empty.
 * Every failure, including a document without text, is an ExtractionError whose message can be
 * shown to the uploader. A pure function of its arguments returning plain data, so it can run
 * in a worker thread. The environment brings what the platform has beyond JavaScript: pdf.js's
 * data files and OCR, with the collection's OCR languages (ocr/ocr-engine.ts); without OCR, a
 * scanned PDF or an image fails.
 */
export async function extractDocument(
  kind: DocumentKind,
  bytes: Uint8Array,
  caps: ExtractionCaps = {},
  environment: ExtractEnvironment = {},
): Promise<ExtractedDocument> {
  const maxChars = caps.maxChars ?? Number.POSITIVE_INFINITY;
  let raw: RawDocument;
  try {
    raw = await rawBlocks(kind, bytes, caps, environment);
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    // Keep the library error as `cause` for logs; its message and stack stay out of ours.
    throw new ExtractionError(`the ${kind.toUpperCase()} file could not be read`, { cause: error });
  }
  assertWithinChars(
    raw.blocks.reduce((sum, block) => sum + block.text.length, 0),
    maxChars,
  );
  const blocks = normalizeBlocks(raw.blocks);
  if (blocks.length === 0) throw new ExtractionError("no text could be extracted");
  assertReadableText(blocks.map((block) => block.text).join("\n"));
  const extracted: ExtractedDocument = { blocks };
  if (raw.encoding !== undefined) extracted.encoding = raw.encoding;
  if (raw.ocrPages !== undefined) extracted.ocrPages = raw.ocrPages;
  return extracted;
}

type RawDocument = { blocks: TextBlock[]; encoding?: string; ocrPages?: number[] };

async function rawBlocks(
  kind: DocumentKind,
  bytes: Uint8Array,
  caps: ExtractionCaps,
  environment: ExtractEnvironment,
): Promise<RawDocument> {
  const zip = caps.zip ?? unboundedZip;
  const maxCells = caps.maxCells ?? Number.POSITIVE_INFINITY;
  const maxChars = caps.maxChars ?? Number.POSITIVE_INFINITY;
  switch (kind) {
    case "pdf":
      return pdfBlocks(bytes, environment);
    case "png":
    case "jpeg":
    case "tiff":
      return imageBlocks(kind, bytes, environment);
    case "docx":
      refuseCompoundFile(bytes);
      // mammoth inflates the parts itself (JSZip) with no bound of its own: measure them first.
      if (caps.zip !== undefined) await checkZipExpansion(bytes, caps.zip);
      return { blocks: await docxBlocks(bytes) };
    case "html":
      return decoded(bytes, { html: true }, htmlBlocks);
    case "csv":
      return decoded(bytes, { html: false }, csvBlocks);
    case "md":
      return decoded(bytes, { html: false }, markdownBlocks);
    case "txt":
      // A text file's decoded length is its text's: past the cap, no need to split it.
      return decoded(bytes, { html: false }, (text) => {
        assertWithinChars(text.length, maxChars);
        return textBlocks(text);
      });
    case "xlsx":
      refuseCompoundFile(bytes);
      return { blocks: await xlsxBlocks(bytes, zip, maxCells) };
    case "pptx":
      refuseCompoundFile(bytes);
      return { blocks: await pptxBlocks(bytes, zip, maxCells) };
    case "ods":
      return { blocks: await odsBlocks(bytes, zip, maxCells) };
    case "odp":
      return { blocks: await odpBlocks(bytes, zip, maxCells) };
    case "odt":
      return { blocks: await odtBlocks(bytes, zip) };
    case "rtf":
      return { blocks: await rtfBlocks(bytes) };
    case "eml":
      return { blocks: await emlBlocks(bytes) };
  }
}

/** A password-protected Office file, or a legacy one, is a compound file, not a ZIP. */
function refuseCompoundFile(bytes: Uint8Array): void {
  if (isCompoundFile(bytes)) throw new ExtractionError(compoundFileReason(compoundFileKind(bytes)));
}

/** A text format's blocks, with the character encoding its bytes were read in. */
function decoded(
  bytes: Uint8Array,
  options: { html: boolean },
  blocksOf: (text: string) => TextBlock[],
): { blocks: TextBlock[]; encoding: string } {
  const { text, encoding } = decodeText(bytes, options);
  return { blocks: blocksOf(text), encoding };
}

function assertWithinChars(chars: number, maxChars: number): void {
  if (chars > maxChars) throw new ExtractionError(limitReason.chars(chars, maxChars));
}

/**
 * Normalizes each block's texts, dropping blocks with no text left. A section's blocks share
 * one path array and a table's rows one header: each is normalized once.
 */
function normalizeBlocks(blocks: readonly TextBlock[]): TextBlock[] {
  const paths = new Map<string[], string[]>();
  const headers = new Map<string, string>();
  // Line-end hyphens are judged by the words of the whole document, not of one block.
  const vocabulary = wordVocabulary(blocks.map((block) => block.text).join("\n"));
  const out: TextBlock[] = [];
  for (const block of blocks) {
    // A table row's lines are its cells' values: a value ending in a hyphen is no broken word.
    const text = normalizeText(block.text, {
      vocabulary,
      joinLineEndHyphens: block.tableHeader === undefined,
    });
    if (text === "") continue;
    const normalized: TextBlock = { ...block, text };
    if (block.tableHeader !== undefined) {
      normalized.tableHeader = cached(headers, block.tableHeader, () =>
        normalizeText(block.tableHeader ?? ""),
      );
    }
    if (block.headings !== undefined) {
      const path = block.headings;
      normalized.headings = cached(paths, path, () => path.map((heading) => normalizeText(heading)));
    }
    out.push(normalized);
  }
  return out;
}

function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
