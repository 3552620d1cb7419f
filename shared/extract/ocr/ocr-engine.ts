import type { ImageKind } from "../document-kind.js";

/** The OCR of one document: its collection's languages and the page cap. Plain data. */
export interface OcrSettings {
  /** Tesseract language codes (ocr-languages.ts), most frequent first. */
  languages: readonly string[];
  /** Pages of one document OCR may read (OCR_MAX_PAGES); past it the document fails. */
  maxPages: number;
}

/** One OCR'd page: 1-based, with the text read (empty when the page shows nothing). */
export interface OcrPage {
  page: number;
  text: string;
}

/**
 * OCR where the platform has it: Node's extraction threads (node/node-ocr-engine.ts). Pages are
 * read one at a time, in order, each released before the next, so memory follows one page.
 */
export interface OcrEngine {
  /** The text of the given pages of a PDF, each rendered as an image. */
  pdfPages(pdf: Uint8Array, pages: readonly number[], languages: readonly string[]): AsyncIterable<OcrPage>;
  /** How many pages an image file holds (a TIFF may hold several), read without decoding them. */
  imagePageCount(kind: ImageKind, bytes: Uint8Array): Promise<number>;
  /** The text of every page of an image file. */
  imagePages(kind: ImageKind, bytes: Uint8Array, languages: readonly string[]): AsyncIterable<OcrPage>;
}

/** What pdf.js reads besides the PDF: CMaps (CJK fonts), standard fonts and its image decoders. */
export interface PdfjsAssets {
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl: string;
}

/**
 * What the platform running an extraction offers beyond plain JavaScript. Node's extraction
 * threads have pdf.js's data files and OCR; Workers have neither (a scanned page fails there).
 */
export interface ExtractEnvironment {
  pdfjs?: PdfjsAssets;
  ocr?: OcrEngine & {
    settings: OcrSettings;
    /** Called once, before the first page is read: the pool then allows OCR_TIMEOUT_S. */
    onStart?: () => void;
  };
}
