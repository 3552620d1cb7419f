import { chunkDocument, type DocumentChunk } from "../chunking/chunk-blocks.js";
import { adaptiveChunkSettings } from "../chunking/chunk-settings.js";
import { assertEmbedderMatches, type Collection } from "../collections/collections.js";
import type { DocumentRow } from "../documents/document-row.js";
import { kindFromContentType } from "../extract/document-kind.js";
import { ExtractionError } from "../extract/extraction-error.js";
import { limitReason } from "../extract/sandbox/extraction-limits.js";
import { chunkSearchTexts } from "../retrieval/search-text.js";
import type { IndexDeps, StageTimings } from "./index-deps.js";

/** A document read and cut into chunks, ready to embed and write. */
export interface PreparedDocument {
  doc: DocumentRow;
  collection: Collection;
  text: string;
  chunks: (DocumentChunk & { search_text: string | null })[];
  encoding: string | null;
  ocrPages: number[] | null;
  /** Bytes it holds from here on: text, chunks and the vectors to come. */
  footprint: number;
}

/**
 * Fetch, extract (in the extraction threads), chunk, and the text keyword search analyses.
 * Past the chunk cap nothing of the document goes further.
 */
export async function prepareDocument(
  deps: Pick<IndexDeps, "objects" | "extractor" | "embedder" | "config">,
  collection: Collection,
  doc: DocumentRow,
  timings: StageTimings,
): Promise<PreparedDocument> {
  assertEmbedderMatches(collection, deps.embedder);
  const kind = kindFromContentType(doc.content_type);
  if (kind === undefined) throw new Error(`unsupported content type ${doc.content_type}`);

  let started = performance.now();
  const bytes = await deps.objects.get(doc.object_name);
  timings.fetch += performance.now() - started;

  started = performance.now();
  const extracted = await deps.extractor.extract(kind, bytes, { ocrLanguages: collection.ocr_languages });
  timings.extract += performance.now() - started;

  started = performance.now();
  const { text, chunks } = chunkDocument(extracted, (length) =>
    adaptiveChunkSettings(kind, length, collection.chunking),
  );
  timings.chunk += performance.now() - started;
  if (chunks.length > deps.config.INDEX_MAX_CHUNKS) {
    throw new ExtractionError(limitReason.chunks(chunks.length, deps.config.INDEX_MAX_CHUNKS));
  }
  // What keyword search analyses where it differs from the text (NFKC, CJK words separated).
  const searchTexts = await chunkSearchTexts(chunks.map((chunk) => chunk.text));
  const chunkChars = chunks.reduce((sum, chunk) => sum + chunk.text.length, 0);
  return {
    doc,
    collection,
    text,
    chunks: chunks.map((chunk, i) => ({ ...chunk, search_text: searchTexts[i] ?? null })),
    encoding: extracted.encoding ?? null,
    ocrPages: extracted.ocrPages ?? null,
    // UTF-16 text twice (the document's and its chunks'), and 8 bytes per vector component.
    footprint: 2 * (text.length + chunkChars) + chunks.length * collection.embedding_dimension * 8,
  };
}
