import { csvText } from "./csv-text.js";
import { decodeUtf8 } from "./decode-utf8.js";
import type { DocumentKind } from "./document-kind.js";
import { docxText } from "./docx-text.js";
import { ExtractionError } from "./extraction-error.js";
import { htmlText } from "./html-text.js";
import { normalizeText } from "./normalize-text.js";
import { pdfText } from "./pdf-text.js";
import { assertReadableText } from "./text-quality.js";

export { ExtractionError } from "./extraction-error.js";

/**
 * Plain text of a document, normalized (normalize-text.ts). Every failure, including an empty
 * result or one that is not readable text (text-quality.ts), is an ExtractionError whose message
 * can be shown to the uploader.
 */
export async function extractText(kind: DocumentKind, bytes: Uint8Array): Promise<string> {
  let raw: string;
  try {
    raw = await rawText(kind, bytes);
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    // Keep the library error as `cause` for logs; its message and stack stay out of ours.
    throw new ExtractionError(`the ${kind.toUpperCase()} file could not be read`, { cause: error });
  }
  // A CSV's lines are its rows: a value ending in a hyphen is not a word broken at a line end.
  const text = normalizeText(raw, { joinLineEndHyphens: kind !== "csv" });
  if (text === "") throw new ExtractionError("no text could be extracted");
  assertReadableText(text);
  return text;
}

function rawText(kind: DocumentKind, bytes: Uint8Array): Promise<string> | string {
  switch (kind) {
    case "pdf":
      return pdfText(bytes);
    case "docx":
      return docxText(bytes);
    case "html":
      return htmlText(decodeUtf8(bytes));
    case "csv":
      return csvText(decodeUtf8(bytes));
    case "txt":
    case "md":
      return decodeUtf8(bytes);
  }
}
