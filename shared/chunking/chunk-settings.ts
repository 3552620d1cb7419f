import type { DocumentKind } from "../extract/document-kind.js";

/** Chunk size and overlap between consecutive chunks, both in characters (code points). */
export interface ChunkSettings {
  size: number;
  overlap: number;
}

export const defaultChunkSettings: Record<DocumentKind, ChunkSettings> = {
  pdf: { size: 1024, overlap: 100 },
  docx: { size: 800, overlap: 80 },
  txt: { size: 1200, overlap: 120 },
  md: { size: 1200, overlap: 120 },
  html: { size: 900, overlap: 90 },
  // Rows are independent records: overlapping would only duplicate half-rows.
  csv: { size: 1000, overlap: 0 },
};

const minimumSize = 50;
const minimumAdaptedSize = 256;
const mediumFactor = 4;
const mediumTargetChunks = 3;

/**
 * Settings for one document. Per-collection `overrides` replace the defaults for a kind, then the
 * result adapts to the document's length so short documents still give focused chunks:
 * - textLength <= size: a single chunk (size = textLength, no overlap);
 * - textLength < 4 * size: size = max(256, ceil(textLength / 3)) — about three chunks — never above
 *   the configured size; overlap shrinks by the same ratio and stays below half the size;
 * - otherwise: the configured settings unchanged.
 * Throws RangeError for settings that cannot work (size < 50, overlap outside [0, size)).
 */
export function adaptiveChunkSettings(
  kind: DocumentKind,
  textLength: number,
  overrides?: Partial<Record<DocumentKind, Partial<ChunkSettings>>>,
): ChunkSettings {
  const override = overrides?.[kind];
  const base = {
    size: override?.size ?? defaultChunkSettings[kind].size,
    overlap: override?.overlap ?? defaultChunkSettings[kind].overlap,
  };
  validateChunkSettings(base);
  if (!Number.isInteger(textLength) || textLength < 0) {
    throw new RangeError(`text length must be a non-negative integer, got ${textLength}`);
  }

  // size >= 1 keeps the result usable by chunkText even for an empty text.
  if (textLength <= base.size) return { size: Math.max(textLength, 1), overlap: 0 };
  if (textLength >= mediumFactor * base.size) return base;

  const size = Math.min(base.size, Math.max(minimumAdaptedSize, Math.ceil(textLength / mediumTargetChunks)));
  const scaledOverlap = Math.floor((base.overlap * size) / base.size);
  const overlap = Math.min(scaledOverlap, Math.ceil(size / 2) - 1);
  return { size, overlap };
}

/** Throws RangeError unless size is an integer >= 50 and overlap an integer in [0, size). */
export function validateChunkSettings(settings: ChunkSettings): void {
  const { size, overlap } = settings;
  if (!Number.isInteger(size) || size < minimumSize) {
    throw new RangeError(`chunk size must be an integer of at least ${minimumSize}, got ${size}`);
  }
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= size) {
    throw new RangeError(`chunk overlap must be an integer from 0 to ${size - 1}, got ${overlap}`);
  }
}
