import type { ImageKind } from "../../document-kind.js";
import type { OcrEngine, OcrPage, PdfjsAssets } from "../ocr-engine.js";
import { imageFilePageCount, imageFilePages } from "./image-file-pages.js";
import { pdfPageImages } from "./pdf-page-images.js";
import { recognizeText } from "./tesseract-in-thread.js";

/**
 * OCR on Node: pages rendered by pdf.js or decoded from image files, read by tesseract.js.
 * tesseract's WebAssembly is loaded when a thread first reads a page.
 */
export function nodeOcrEngine(assets: PdfjsAssets): OcrEngine {
  return {
    pdfPages: (pdf, pages, languages) => read(pdfPageImages(pdf, pages, assets), languages),
    imagePageCount: async (kind: ImageKind, bytes: Uint8Array) => imageFilePageCount(kind, bytes),
    imagePages: (kind, bytes, languages) => read(imageFilePages(kind, bytes), languages),
  };
}

async function* read(
  images: AsyncIterable<{ page: number; image: Uint8Array | undefined }>,
  languages: readonly string[],
): AsyncGenerator<OcrPage> {
  for await (const { page, image } of images) {
    yield { page, text: image === undefined ? "" : await recognizeText(image, languages) };
  }
}
