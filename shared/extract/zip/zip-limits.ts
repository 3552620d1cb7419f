// Apart from open-zip.ts, so code that only sizes the limits (every function's startup) does not
// load the ZIP reader.

/** What a ZIP-based upload (DOCX today; XLSX, PPTX, ODF) may cost to open. */
export interface ZipLimits {
  /** Bytes all entries together may inflate to, declared and actual. */
  maxTotalBytes: number;
  /** Entries in the central directory. */
  maxEntries: number;
  /** Inflated/compressed ratio an entry may declare, once it is larger than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** Ratio and entry bounds are fixed: real Office files stay far below them (docs/limits.md). */
export function zipLimits(maxTotalBytes: number): ZipLimits {
  return { maxTotalBytes, maxEntries: 10_000, maxRatio: 200, ratioFloorBytes: 16 * 2 ** 20 };
}
