import mammoth from "mammoth";
import type { TextBlock } from "./extracted-document.js";
import { ExtractionError } from "./extraction-error.js";
import { htmlBlocks } from "./html-blocks.js";

// Images are left out of the HTML: their bytes would only be base64-encoded to be dropped.
const noImages = mammoth.images.imgElement(async () => ({ src: "" }));

// mammoth ends each footnote and endnote with a "↑" link back to its reference: not text.
const backLinks = /<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/g;

/**
 * A Word document's blocks: mammoth turns it into HTML (Heading 1-6 styles into h1-h6, tables
 * into tables with their merged cells), which is then read like any HTML, so headings give
 * each block its section path and tables come out row by row with their header.
 */
export async function docxBlocks(bytes: Uint8Array): Promise<TextBlock[]> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: noImages });
    html = result.value.replace(backLinks, "");
  } catch (error) {
    // mammoth fails on non-ZIP input and on ZIPs without word/document.xml; both mean the same
    // thing to the uploader, and its messages mention internals.
    throw new ExtractionError("DOCX is not a valid Word document", { cause: error });
  }
  return htmlBlocks(html);
}
