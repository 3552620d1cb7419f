import { csvBlocks } from "./csv-blocks.js";
import { decodeText } from "./decode-text.js";
import type { DocumentKind } from "./document-kind.js";
import { docxBlocks } from "./docx-blocks.js";
import type { ExtractedDocument, TextBlock } from "./extracted-document.js";
import { ExtractionError } from "./extraction-error.js";
import { htmlBlocks } from "./html-blocks.js";
import { imageBlocks } from "./image-blocks.js";
import { wordVocabulary } from "./line-end-hyphens.js";
import { markdownBlocks } from "./markdown-blocks.js";
import { normalizeText } from "./normalize-text.js";
import type { ExtractEnvironment } from "./ocr/ocr-engine.js";
import { pdfBlocks } from "./pdf-blocks.js";
import { textBlocks } from "./text-blocks.js";
import { assertReadableText } from "./text-quality.js";

export { ExtractionError } from "./extraction-error.js";

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
  environment: ExtractEnvironment = {},
): Promise<ExtractedDocument> {
  let raw: RawDocument;
  try {
    raw = await rawBlocks(kind, bytes, environment);
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    // Keep the library error as `cause` for logs; its message and stack stay out of ours.
    throw new ExtractionError(`the ${kind.toUpperCase()} file could not be read`, { cause: error });
  }
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
  environment: ExtractEnvironment,
): Promise<RawDocument> {
  switch (kind) {
    case "pdf":
      return pdfBlocks(bytes, environment);
    case "png":
    case "jpeg":
    case "tiff":
      return imageBlocks(kind, bytes, environment);
    case "docx":
      return { blocks: await docxBlocks(bytes) };
    case "html":
      return decoded(bytes, { html: true }, htmlBlocks);
    case "csv":
      return decoded(bytes, { html: false }, csvBlocks);
    case "md":
      return decoded(bytes, { html: false }, markdownBlocks);
    case "txt":
      return decoded(bytes, { html: false }, textBlocks);
  }
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
