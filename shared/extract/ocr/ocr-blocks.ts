import type { TextBlock } from "../extracted-document.js";
import { ExtractionError } from "../extraction-error.js";
import { textBlocks } from "../text-blocks.js";
import type { OcrPage } from "./ocr-engine.js";

/**
 * The blocks of OCR'd pages, in page order: tesseract separates the text blocks it finds by a
 * blank line, so each becomes a block of its page. Also the pages that gave text. A failure of
 * the engine is reported with the page it was reading (of the `expected` ones, in order).
 */
export async function ocrBlocks(
  pages: AsyncIterable<OcrPage>,
  expected: readonly number[],
): Promise<{ blocks: (TextBlock & { page: number })[]; pages: number[] }> {
  const blocks: (TextBlock & { page: number })[] = [];
  const read: number[] = [];
  let next = 0;
  try {
    for await (const { page, text } of pages) {
      const found = textBlocks(text).filter((block) => block.text.trim() !== "");
      for (const block of found) blocks.push({ text: block.text, page, source: "ocr" });
      if (found.length > 0) read.push(page);
      next++;
    }
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw new ExtractionError(`OCR could not read page ${expected[next] ?? next + 1}`, { cause: error });
  }
  return { blocks, pages: read };
}
