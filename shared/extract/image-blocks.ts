import type { ImageKind } from "./document-kind.js";
import type { TextBlock } from "./extracted-document.js";
import { ExtractionError } from "./extraction-error.js";
import { ocrBlocks } from "./ocr/ocr-blocks.js";
import type { ExtractEnvironment } from "./ocr/ocr-engine.js";
import { ocrLimitReason } from "./ocr/ocr-limits.js";

const label: Record<ImageKind, string> = {
  png: "the PNG image",
  jpeg: "the JPEG image",
  tiff: "the TIFF image",
};

/**
 * The text of a scanned page or photo, by OCR: blocks of page 1, or of each page of a multi-page
 * TIFF, all with `source: "ocr"`. Fails where the environment has no OCR, or past the OCR page cap.
 */
export async function imageBlocks(
  kind: ImageKind,
  bytes: Uint8Array,
  environment: ExtractEnvironment,
): Promise<{ blocks: TextBlock[]; ocrPages: number[] }> {
  const { ocr } = environment;
  if (ocr === undefined) throw new ExtractionError(ocrLimitReason.unavailable(label[kind]));
  const count = await ocr.imagePageCount(kind, bytes);
  if (count > ocr.settings.maxPages) {
    throw new ExtractionError(ocrLimitReason.pages(count, ocr.settings.maxPages, label[kind]));
  }
  ocr.onStart?.();
  const pages = Array.from({ length: count }, (_, i) => i + 1);
  const read = await ocrBlocks(ocr.imagePages(kind, bytes, ocr.settings.languages), pages);
  if (read.blocks.length === 0) throw new ExtractionError(`OCR found no text in ${label[kind]}`);
  return { blocks: read.blocks, ocrPages: read.pages };
}
