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
  xlsx: { size: 1000, overlap: 0 },
  ods: { size: 1000, overlap: 0 },
  // Slides are short and chunks never cross a slide: a slide is usually one chunk.
  pptx: { size: 900, overlap: 90 },
  odp: { size: 900, overlap: 90 },
  odt: { size: 800, overlap: 80 },
  rtf: { size: 800, overlap: 80 },
  eml: { size: 900, overlap: 90 },
  // OCR'd pages read like PDF pages.
  png: { size: 1024, overlap: 100 },
  jpeg: { size: 1024, overlap: 100 },
  tiff: { size: 1024, overlap: 100 },
};

/** What a collection may set: chunking-overrides.ts and validateChunkSettings both hold to it. */
export const chunkSettingLimits = { minSize: 50, maxSize: 20_000, maxOverlap: 10_000 } as const;

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
 * Throws RangeError for settings that cannot work (chunkSettingsProblem).
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

/** Why these settings cannot work, or undefined: size outside [50, 20000], overlap outside [0, size). */
export function chunkSettingsProblem(settings: ChunkSettings): string | undefined {
  const { size, overlap } = settings;
  const { minSize, maxSize, maxOverlap } = chunkSettingLimits;
  if (!Number.isInteger(size) || size < minSize || size > maxSize) {
    return `chunk size must be an integer from ${minSize} to ${maxSize}, got ${size}`;
  }
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= size || overlap > maxOverlap) {
    return `chunk overlap must be an integer from 0 to ${Math.min(size - 1, maxOverlap)}, got ${overlap}`;
  }
  return undefined;
}

/** Throws RangeError with chunkSettingsProblem's reason when the settings cannot work. */
export function validateChunkSettings(settings: ChunkSettings): void {
  const problem = chunkSettingsProblem(settings);
  if (problem !== undefined) throw new RangeError(problem);
}
