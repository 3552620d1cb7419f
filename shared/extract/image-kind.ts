import type { ImageKind } from "./document-kind.js";

// Each format's signature at the start of the file.
const signatures: { kind: ImageKind; bytes: readonly number[] }[] = [
  { kind: "png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: "jpeg", bytes: [0xff, 0xd8, 0xff] },
  // Little-endian ("II*\0") and big-endian ("MM\0*") TIFF.
  { kind: "tiff", bytes: [0x49, 0x49, 0x2a, 0x00] },
  { kind: "tiff", bytes: [0x4d, 0x4d, 0x00, 0x2a] },
];

/** The image format a file's first bytes announce, if it is one OCR reads. */
export function imageKindOf(head: Uint8Array): ImageKind | undefined {
  return signatures.find((s) => s.bytes.every((b, k) => head[k] === b))?.kind;
}
