import mammoth from "mammoth";
import { ExtractionError } from "./extraction-error.js";

/** Raw text of a Word document; mammoth already separates paragraphs with a blank line. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch (error) {
    // mammoth fails on non-ZIP input and on ZIPs without word/document.xml; both mean the same
    // thing to the uploader, and its messages mention internals.
    throw new ExtractionError("DOCX is not a valid Word document", { cause: error });
  }
}
