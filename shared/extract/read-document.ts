import type { DocumentKind } from "./document-kind.js";
import type { ExtractedDocument, TextBlock } from "./extracted-document.js";
import { ExtractionError } from "./extraction-error.js";
import {
  assertWithinChars,
  type ExtractionCaps,
  type FormatReaders,
  type RawDocument,
} from "./formats/format-reader.js";
import { wordVocabulary } from "./line-end-hyphens.js";
import { NeedsNodeRuntime } from "./needs-node-runtime.js";
import { normalizeText } from "./normalize-text.js";
import type { ExtractEnvironment } from "./ocr/ocr-engine.js";
import { assertReadableText } from "./text-quality.js";

/**
 * A document's text as blocks in reading order, each with its place (page, row, section path):
 * see extracted-document.ts. The reader of its format among `readers` reads it; a format the
 * runtime has no reader for fails with NeedsNodeRuntime. Every block's text is normalized (normalize-text.ts) and non-empty.
 * Every failure, including a document without text, is an ExtractionError whose message can be
 * shown to the uploader. A pure function of its arguments returning plain data, so it can run
 * in a worker thread. The environment brings what the platform has beyond JavaScript: pdf.js's
 * data files and OCR, with the collection's OCR languages (ocr/ocr-engine.ts); without OCR, a
 * scanned PDF or an image fails.
 */
export async function readDocument(
  readers: FormatReaders,
  kind: DocumentKind,
  bytes: Uint8Array,
  caps: ExtractionCaps = {},
  environment: ExtractEnvironment = {},
): Promise<ExtractedDocument> {
  const maxChars = caps.maxChars ?? Number.POSITIVE_INFINITY;
  let raw: RawDocument;
  try {
    const reader = readers[kind];
    if (reader === undefined) {
      throw new NeedsNodeRuntime(
        `${kind.toUpperCase()} files are read by index workers on Node, not on this runtime`,
      );
    }
    raw = await reader(bytes, caps, environment);
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
