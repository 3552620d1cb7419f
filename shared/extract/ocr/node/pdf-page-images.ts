import { createCanvas } from "@napi-rs/canvas";
import { createIsomorphicCanvasFactory, getDocumentProxy } from "unpdf";
import type { PdfjsAssets } from "../ocr-engine.js";
import { fitScale, greyImage, maxDecodedPixels, renderDpi } from "./page-raster.js";

/**
 * Each given page of a PDF rendered by pdf.js at 300 dpi (scaled down past maxOcrPixels), as a
 * greyscale image for OCR, or undefined for a page that renders blank. One page at a time.
 */
export async function* pdfPageImages(
  bytes: Uint8Array,
  pages: readonly number[],
  assets: PdfjsAssets,
): AsyncGenerator<{ page: number; image: Uint8Array | undefined }> {
  const CanvasFactory = await createIsomorphicCanvasFactory(() => import("@napi-rs/canvas"));
  // A copy: pdf.js may transfer (detach) the buffer it is given.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), {
    verbosity: 0,
    CanvasFactory,
    ...assets,
    // An embedded image larger than this is not decoded (a decompression bomb in pixels).
    maxImageSize: maxDecodedPixels,
  });
  try {
    for (const page of pages) {
      const proxy = await pdf.getPage(page);
      try {
        const natural = proxy.getViewport({ scale: renderDpi / 72 });
        const viewport = proxy.getViewport({
          scale: (renderDpi / 72) * fitScale(natural.width, natural.height),
        });
        const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
        const context = canvas.getContext("2d");
        context.fillStyle = "white";
        context.fillRect(0, 0, canvas.width, canvas.height);
        // pdf.js's types name the DOM's canvas; @napi-rs/canvas implements the part it uses.
        await proxy.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
        yield { page, image: greyImage(canvas) };
      } finally {
        proxy.cleanup();
      }
    }
  } finally {
    await pdf.destroy();
  }
}
