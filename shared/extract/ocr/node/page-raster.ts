import { type Canvas, createCanvas, type Image } from "@napi-rs/canvas";
import { ExtractionError } from "../../extraction-error.js";

/** Scans are read best at about 300 dpi: PDF pages are rendered at this resolution. */
export const renderDpi = 300;

/**
 * What one page may have once rendered or scaled for OCR: 12 megapixels holds an A4 or Letter
 * page at 300 dpi (8.7 Mpx) with room to spare; a larger page is scaled down to it. Memory and
 * time of OCR follow the pixel count.
 */
export const maxOcrPixels = 12_000_000;

/**
 * The largest image decoded at all (it is then scaled down to maxOcrPixels): 80 megapixels,
 * 320 MB as RGBA, holds an A3 page scanned at 600 dpi. A larger one fails before it is decoded.
 */
export const maxDecodedPixels = 80_000_000;

export function assertDecodable(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new ExtractionError("the image has no pixels");
  if (width * height > maxDecodedPixels) {
    throw new ExtractionError(
      `the image is ${width}×${height} pixels; OCR reads images up to ${maxDecodedPixels / 1_000_000} megapixels`,
    );
  }
}

/** A factor (at most 1) that brings width × height within maxOcrPixels. */
export function fitScale(width: number, height: number): number {
  return Math.min(1, Math.sqrt(maxOcrPixels / (width * height)));
}

/** An image drawn on white (transparent parts read as paper) at the given scale. */
export function drawOnWhite(image: Image | Canvas, scale: number): Canvas {
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = "white";
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  return canvas;
}

// Below this grey level a pixel is ink; a page without any is blank, and is not sent to OCR.
const inkLevel = 160;

/**
 * The canvas as an 8-bit greyscale PGM (netpbm), which tesseract's image reader (Leptonica) takes
 * as is: cheaper to make than a PNG, and a quarter of RGBA's size. Undefined for a blank page.
 */
export function greyImage(canvas: Canvas): Uint8Array | undefined {
  const { width, height } = canvas;
  const rgba = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const pgm = new Uint8Array(header.length + width * height);
  pgm.set(header);
  let ink = false;
  for (let i = 0, o = header.length; i < rgba.length; i += 4, o++) {
    // ITU-R BT.601 luma, in integers.
    const grey = ((rgba[i] ?? 0) * 77 + (rgba[i + 1] ?? 0) * 150 + (rgba[i + 2] ?? 0) * 29) >> 8;
    pgm[o] = grey;
    if (grey < inkLevel) ink = true;
  }
  return ink ? pgm : undefined;
}
