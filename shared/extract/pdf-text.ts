import { extractText, getDocumentProxy } from "unpdf";
import { ExtractionError } from "./extraction-error.js";

/** Text of every page, pages separated by a blank line. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  // pdf.js may transfer (detach) the buffer it is given; a copy keeps the caller's bytes usable.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }).catch((error: unknown) => {
    throw new ExtractionError(openFailureReason(error), { cause: error });
  });
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const pages = text.map((page) => page.trim()).filter((page) => page !== "");
    if (pages.length === 0) throw new ExtractionError("PDF has no extractable text (scanned image?)");
    return pages.join("\n\n");
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw new ExtractionError("PDF could not be read (the file may be damaged)", { cause: error });
  } finally {
    await pdf.destroy();
  }
}

// pdf.js signals the cause through the exception's name; its messages are too technical to show.
function openFailureReason(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") return "PDF is password-protected";
  if (name === "InvalidPDFException") return "file is not a valid PDF";
  return "PDF could not be read (the file may be damaged)";
}
