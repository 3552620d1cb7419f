import type { ImageKind } from "../../document-kind.js";
import type { OcrEngine, OcrPage, PdfjsAssets } from "../ocr-engine.js";

/**
 * OCR on Node: pages rendered by pdf.js or decoded from image files, read by tesseract.js. Its
 * modules (Skia's canvas, the TIFF decoder, tesseract's WebAssembly) load when a document first
 * needs them, so a thread that never meets a scan never loads them.
 */
export function nodeOcrEngine(assets: PdfjsAssets): OcrEngine {
  return {
    async *pdfPages(pdf, pages, languages) {
      const { pdfPageImages } = await import("./pdf-page-images.js");
      yield* read(pdfPageImages(pdf, pages, assets), languages);
    },
    async imagePageCount(kind: ImageKind, bytes: Uint8Array) {
      const { imageFilePageCount } = await import("./image-file-pages.js");
      return imageFilePageCount(kind, bytes);
    },
    async *imagePages(kind, bytes, languages) {
      const { imageFilePages } = await import("./image-file-pages.js");
      yield* read(imageFilePages(kind, bytes), languages);
    },
  };
}

async function* read(
  images: AsyncIterable<{ page: number; image: Uint8Array | undefined }>,
  languages: readonly string[],
): AsyncGenerator<OcrPage> {
  const { recognizeText } = await import("./tesseract-in-thread.js");
  for await (const { page, image } of images) {
    yield { page, text: image === undefined ? "" : await recognizeText(image, languages) };
  }
}
