import { getDocumentProxy } from "unpdf";

/**
 * Pages a PDF declares, read from its page tree without parsing any page; undefined when pdf.js
 * cannot open it (the extractor then reports why). Cheap next to extraction, whose cost grows
 * faster than the page count.
 */
export async function pdfPageCount(bytes: Uint8Array): Promise<number | undefined> {
  // pdf.js may transfer (detach) the buffer it is given; a copy keeps the caller's bytes usable.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }).catch(() => undefined);
  if (pdf === undefined) return undefined;
  try {
    return pdf.numPages;
  } finally {
    await pdf.destroy();
  }
}
