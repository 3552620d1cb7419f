import type { Sniffed } from "./detect-type.js";
import { compoundFileKind, compoundFileReason, isCompoundFile } from "./office/compound-file.js";
import { zipEntryNames } from "./zip-entry-names.js";

// Common formats people upload by mistake, so a rejection can say what the file actually is.
const binarySignatures: { bytes: number[]; label: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], label: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], label: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], label: "a GIF image" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], label: "an executable program" },
  { bytes: [0x4d, 0x5a], label: "a Windows executable" },
  { bytes: [0x1f, 0x8b], label: "a gzip archive" },
];

/** A short human description of what the content looks like; never quotes the bytes themselves. */
export function describeContent(head: Uint8Array, sniffed: Sniffed): string {
  switch (sniffed) {
    case "pdf":
      return "a PDF";
    case "text":
      return "text";
    case "zip":
      return describeZip(zipEntryNames(head));
    case "binary":
      if (isCompoundFile(head))
        return compoundFileReason(compoundFileKind(head)).replace(/^the file is /, "");
      return binarySignatures.find((s) => s.bytes.every((b, k) => head[k] === b))?.label ?? "binary data";
  }
}

/** Classifies a ZIP by its entry names; "word" means an OOXML package that may be a Word file. */
export function classifyZip(
  names: readonly string[],
): "word" | "excel" | "powerpoint" | "opendocument" | "package" | "zip" {
  if (names.some((n) => n.startsWith("word/"))) return "word";
  if (names.some((n) => n.startsWith("xl/"))) return "excel";
  if (names.some((n) => n.startsWith("ppt/"))) return "powerpoint";
  if (names.includes("mimetype")) return "opendocument";
  // Package-level parts only: the document's own parts may simply lie beyond the bytes we were given.
  if (names.some((n) => n === "[Content_Types].xml" || n.startsWith("_rels/") || n.startsWith("docProps/"))) {
    return "package";
  }
  return "zip";
}

function describeZip(names: readonly string[]): string {
  switch (classifyZip(names)) {
    case "word":
      return "a Word document (.docx)";
    case "excel":
      return "an Excel workbook (.xlsx)";
    case "powerpoint":
      return "a PowerPoint presentation (.pptx)";
    case "opendocument":
      return "an OpenDocument or EPUB file";
    case "package":
      return "an Office document";
    case "zip":
      return "a ZIP archive";
  }
}
