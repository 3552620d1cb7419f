import { csvText } from "./csv-text.js";
import { decodeText } from "./decode-text.js";
import type { DocumentKind } from "./document-kind.js";
import { docxText } from "./docx-text.js";
import { ExtractionError } from "./extraction-error.js";
import { htmlText } from "./html-text.js";
import { normalizeText } from "./normalize-text.js";
import { pdfText } from "./pdf-text.js";

export { ExtractionError } from "./extraction-error.js";

/**
 * Plain text of a document, normalized (NFC, "\n" line ends, no NUL, trimmed). Every failure,
 * including an empty result, is an ExtractionError whose message can be shown to the uploader.
 */
export async function extractText(kind: DocumentKind, bytes: Uint8Array): Promise<string> {
  return (await extractTextWithEncoding(kind, bytes)).text;
}

/** extractText, with the character encoding a text file (TXT, MD, HTML, CSV) was read in. */
export async function extractTextWithEncoding(
  kind: DocumentKind,
  bytes: Uint8Array,
): Promise<{ text: string; encoding?: string }> {
  let raw: { text: string; encoding?: string };
  try {
    raw = await rawText(kind, bytes);
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    // Keep the library error as `cause` for logs; its message and stack stay out of ours.
    throw new ExtractionError(`the ${kind.toUpperCase()} file could not be read`, { cause: error });
  }
  const text = normalizeText(raw.text);
  if (text === "") throw new ExtractionError("no text could be extracted");
  return raw.encoding === undefined ? { text } : { text, encoding: raw.encoding };
}

async function rawText(kind: DocumentKind, bytes: Uint8Array): Promise<{ text: string; encoding?: string }> {
  switch (kind) {
    case "pdf":
      return { text: await pdfText(bytes) };
    case "docx":
      return { text: await docxText(bytes) };
    case "html": {
      const { text, encoding } = decodeText(bytes, { html: true });
      return { text: htmlText(text), encoding };
    }
    case "csv": {
      const { text, encoding } = decodeText(bytes, { html: false });
      return { text: csvText(text), encoding };
    }
    case "txt":
    case "md":
      return decodeText(bytes, { html: false });
  }
}
