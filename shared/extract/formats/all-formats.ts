import { ExtractionError } from "../extraction-error.js";
import { imageBlocks } from "../image-blocks.js";
import { pdfBlocks } from "../pdf-blocks.js";
import { limitReason } from "../sandbox/extraction-limits.js";
import { pdfPageCount } from "../sandbox/pdf-page-count.js";
import type { FormatReaders } from "./format-reader.js";
import { portableFormats } from "./portable-formats.js";

/** Every format Docstack reads: what Node's extraction threads have. */
export const allFormats: FormatReaders = {
  ...portableFormats,
  pdf: async (bytes, caps, environment) => {
    if (caps.maxPages !== undefined) {
      const pages = await pdfPageCount(bytes);
      if (pages !== undefined && pages > caps.maxPages) {
        throw new ExtractionError(limitReason.pages(pages, caps.maxPages));
      }
    }
    return pdfBlocks(bytes, environment);
  },
  png: async (bytes, _caps, environment) => imageBlocks("png", bytes, environment),
  jpeg: async (bytes, _caps, environment) => imageBlocks("jpeg", bytes, environment),
  tiff: async (bytes, _caps, environment) => imageBlocks("tiff", bytes, environment),
};
