import type { DocumentKind } from "../extract/document-kind.js";
import type { ExtractedDocument } from "../extract/extracted-document.js";
import { chunkSearchTexts } from "../retrieval/search-text.js";
import { chunkDocument, type DocumentChunk } from "./chunk-blocks.js";
import { adaptiveChunkSettings } from "./chunk-settings.js";

/** The collection's chunk sizes per kind of document (collections.chunking). */
export type ChunkingOverrides = Partial<Record<DocumentKind, { size?: number; overlap?: number }>>;

/** A document as the index writes it: its text, its chunks with their search forms. Plain data. */
export interface ChunkedExtraction {
  text: string;
  chunks: (DocumentChunk & { search_text: string | null })[];
  encoding: string | null;
  ocrPages: number[] | null;
  /** Milliseconds spent chunking (stage timings). */
  chunkMs: number;
}

/**
 * Chunks an extracted document with the collection's settings and adds what keyword search
 * analyses where it differs from the text (NFKC, CJK words separated). Runs in the extraction
 * thread on Node, beside the extraction, so the serving event loop never does it.
 */
export async function chunkForIndex(
  kind: DocumentKind,
  extracted: ExtractedDocument,
  overrides: ChunkingOverrides,
): Promise<ChunkedExtraction> {
  const started = performance.now();
  const { text, chunks } = chunkDocument(extracted, (length) =>
    adaptiveChunkSettings(kind, length, overrides),
  );
  const searchTexts = await chunkSearchTexts(chunks.map((chunk) => chunk.text));
  return {
    text,
    chunks: chunks.map((chunk, i) => ({ ...chunk, search_text: searchTexts[i] ?? null })),
    encoding: extracted.encoding ?? null,
    ocrPages: extracted.ocrPages ?? null,
    chunkMs: performance.now() - started,
  };
}
