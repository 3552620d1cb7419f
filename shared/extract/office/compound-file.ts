// An OLE compound file (CFB): the container of Office 97-2003 files, and of Office 2007+ files
// encrypted with a password (an EncryptionInfo and an EncryptedPackage stream holding the ZIP).
const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const entrySize = 128;

export type CompoundFileKind = "encrypted" | "word" | "excel" | "powerpoint" | "unknown";

export function isCompoundFile(bytes: Uint8Array): boolean {
  return magic.every((b, k) => bytes[k] === b);
}

// Streams whose presence says what the file is, checked in this order.
const streams: [name: string, kind: Exclude<CompoundFileKind, "unknown">][] = [
  ["EncryptedPackage", "encrypted"],
  ["WordDocument", "word"],
  ["Workbook", "excel"],
  ["Book", "excel"],
  ["PowerPoint Document", "powerpoint"],
];

/**
 * What a compound file holds, from the names in its directory: every directory entry starts on
 * a 128-byte boundary with its name in UTF-16LE, and the name's byte length (terminator
 * included) at offset 64. Reads the bytes it is given; the directory may lie beyond a file's
 * first KiBs, in which case "unknown" only means "not seen".
 */
export function compoundFileKind(bytes: Uint8Array): CompoundFileKind {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [name, kind] of streams) if (hasDirectoryEntry(buffer, name)) return kind;
  return "unknown";
}

function hasDirectoryEntry(buffer: Buffer, name: string): boolean {
  const pattern = Buffer.from(`${name}\u0000`, "utf16le");
  for (let at = buffer.indexOf(pattern); at >= 0; at = buffer.indexOf(pattern, at + 2)) {
    if (at % entrySize === 0 && at + 66 <= buffer.length && buffer.readUInt16LE(at + 64) === pattern.length) {
      return true;
    }
  }
  return false;
}

const saveAs = (what: string, extension: string) =>
  `the file is ${what}, which is not supported; open it in its application (or LibreOffice), save it as ${extension} and upload that`;

/** Why such a file is refused, in words an uploader can act on. */
export function compoundFileReason(kind: CompoundFileKind): string {
  switch (kind) {
    case "encrypted":
      return "the file is password-protected (encrypted by Office); remove the password and upload it again";
    case "word":
      return saveAs("a legacy Word 97-2003 document (.doc)", ".docx");
    case "excel":
      return saveAs("a legacy Excel 97-2003 workbook (.xls)", ".xlsx");
    case "powerpoint":
      return saveAs("a legacy PowerPoint 97-2003 presentation (.ppt)", ".pptx");
    case "unknown":
      return saveAs("a legacy Office file (OLE compound file)", ".docx, .xlsx or .pptx");
  }
}
