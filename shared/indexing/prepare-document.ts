import type { ChunkedExtraction } from "../chunking/chunk-for-index.js";
import { assertEmbedderMatches, type Collection } from "../collections/collections.js";
import type { DocumentRow } from "../documents/document-row.js";
import { kindFromContentType } from "../extract/document-kind.js";
import { ExtractionError } from "../extract/extraction-error.js";
import { limitReason } from "../extract/sandbox/extraction-limits.js";
import type { IndexDeps, StageTimings } from "./index-deps.js";

/** A document read and cut into chunks, ready to embed and write. */
export interface PreparedDocument {
  doc: DocumentRow;
  collection: Collection;
  text: string;
  chunks: ChunkedExtraction["chunks"];
  encoding: string | null;
  ocrPages: number[] | null;
  /** Bytes it holds from here on: text, chunks and the vectors to come. */
  footprint: number;
}

/**
 * Fetch, then extract and chunk (in the extraction threads, with the text keyword search
 * analyses). Past the chunk cap nothing of the document goes further.
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

  // Chunked in the extraction thread too: the serving event loop does neither.
  started = performance.now();
  const chunked = await deps.extractor.extractChunks(kind, bytes, {
    ocrLanguages: collection.ocr_languages,
    chunking: collection.chunking,
  });
  timings.extract += performance.now() - started - chunked.chunkMs;
  timings.chunk += chunked.chunkMs;
  const { text, chunks } = chunked;
  if (chunks.length > deps.config.INDEX_MAX_CHUNKS) {
    throw new ExtractionError(limitReason.chunks(chunks.length, deps.config.INDEX_MAX_CHUNKS));
  }
  const chunkChars = chunks.reduce((sum, chunk) => sum + chunk.text.length, 0);
  return {
    doc,
    collection,
    text,
    chunks,
    encoding: chunked.encoding,
    ocrPages: chunked.ocrPages,
    // UTF-16 text twice (the document's and its chunks'), and 8 bytes per vector component.
    footprint: 2 * (text.length + chunkChars) + chunks.length * collection.embedding_dimension * 8,
  };
}
