/** The Unicode encodings a byte order mark announces, and the TextDecoder-style names we use. */
export type BomEncoding = "utf-8" | "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

const marks: { encoding: BomEncoding; bytes: readonly number[] }[] = [
  // UTF-32LE first: its mark begins with UTF-16LE's (FF FE).
  { encoding: "utf-32le", bytes: [0xff, 0xfe, 0x00, 0x00] },
  { encoding: "utf-32be", bytes: [0x00, 0x00, 0xfe, 0xff] },
  { encoding: "utf-8", bytes: [0xef, 0xbb, 0xbf] },
  { encoding: "utf-16le", bytes: [0xff, 0xfe] },
  { encoding: "utf-16be", bytes: [0xfe, 0xff] },
];

/** The encoding a leading byte order mark declares, and the mark's length; undefined without one. */
export function byteOrderMark(bytes: Uint8Array): { encoding: BomEncoding; length: number } | undefined {
  const mark = marks.find((m) => m.bytes.every((b, i) => bytes[i] === b));
  return mark === undefined ? undefined : { encoding: mark.encoding, length: mark.bytes.length };
}
