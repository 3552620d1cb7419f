import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import type { PdfjsAssets } from "../ocr-engine.js";

/**
 * pdf.js's data files, from the pdfjs-dist package of the same version unpdf bundles: CMaps, without
 * which text in CID fonts that are not embedded (Japanese, Chinese, Korean) is lost; the 14
 * standard fonts, to render pages that use them; and the WebAssembly decoders of JBIG2 and JPEG 2000
 * images, common in scans. Read from disk as paths, never fetched.
 */
export function pdfjsAssets(): PdfjsAssets {
  const base = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  const dir = (name: string) => join(base, name) + sep;
  return { cMapUrl: dir("cmaps"), standardFontDataUrl: dir("standard_fonts"), wasmUrl: dir("wasm") };
}
