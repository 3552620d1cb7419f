import { createCanvas, Image, ImageData } from "@napi-rs/canvas";
import { imageSize } from "image-size";
import UTIF from "utif2";
import type { ImageKind } from "../../document-kind.js";
import { ExtractionError } from "../../extraction-error.js";
import { assertDecodable, drawOnWhite, fitScale, greyImage } from "./page-raster.js";

/**
 * The pages of an image file as greyscale images for OCR (undefined for a blank one), each
 * scaled down past maxOcrPixels. PNG and JPEG are decoded by Skia (@napi-rs/canvas, which reads
 * their size without decoding them); TIFF by UTIF (utif2), which reads every compression scanners
 * write, CCITT G3/G4 fax included, and each page of a multi-page file. An image larger than
 * maxDecodedPixels fails before it is decoded.
 */
export async function* imageFilePages(
  kind: ImageKind,
  bytes: Uint8Array,
): AsyncGenerator<{ page: number; image: Uint8Array | undefined }> {
  if (kind !== "tiff") {
    const image = await decoded(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    yield { page: 1, image: greyImage(drawOnWhite(image, fitScale(image.width, image.height))) };
    return;
  }
  const { buffer, pages } = tiffPages(bytes);
  let page = 0;
  for (const ifd of pages) {
    page++;
    const width = tag(ifd, "t256");
    const height = tag(ifd, "t257");
    assertDecodable(width, height);
    UTIF.decodeImage(buffer, ifd);
    const rgba = UTIF.toRGBA8(ifd);
    const canvas = createCanvas(width, height);
    canvas
      .getContext("2d")
      .putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer), width, height), 0, 0);
    // The decoded pixels are the page's largest part: dropped before the next page is decoded.
    ifd.data = new Uint8Array(0);
    yield { page, image: greyImage(drawOnWhite(canvas, fitScale(width, height))) };
  }
}

/**
 * A PNG or JPEG decoded by Skia, once its header (read by image-size) has shown it is not too
 * large to decode: Skia decodes as soon as it is given the bytes.
 */
function decoded(bytes: Buffer): Promise<Image> {
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch (error) {
    throw new ExtractionError("the image could not be read (the file may be damaged)", { cause: error });
  }
  assertDecodable(size.width ?? 0, size.height ?? 0);
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = (error) =>
      reject(new ExtractionError("the image could not be read (the file may be damaged)", { cause: error }));
    image.src = bytes;
  });
}

/** How many pages an image file holds: a TIFF's full-resolution images, 1 for PNG and JPEG. */
export function imageFilePageCount(kind: ImageKind, bytes: Uint8Array): number {
  return kind === "tiff" ? tiffPages(bytes).pages.length : 1;
}

function tiffPages(bytes: Uint8Array): { buffer: ArrayBuffer; pages: UTIF.IFD[] } {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(buffer);
  } catch (error) {
    throw new ExtractionError("the TIFF image could not be read (the file may be damaged)", { cause: error });
  }
  // NewSubfileType bit 0 marks a reduced-resolution copy (a thumbnail) of another page.
  const pages = ifds.filter((ifd) => ((tag(ifd, "t254") || 0) & 1) === 0 && tag(ifd, "t256") > 0);
  if (pages.length === 0) throw new ExtractionError("the TIFF file holds no image");
  return { buffer, pages };
}

/** A numeric tag's (first) value; NaN when absent. */
function tag(ifd: UTIF.IFD, name: string): number {
  const value = ifd[name];
  if (value === undefined) return Number.NaN;
  return typeof value === "number" ? value : Number(value[0]);
}
