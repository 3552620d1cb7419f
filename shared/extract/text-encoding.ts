import { detectEncoding } from "#encoding-detector";
import { byteOrderMark } from "./byte-order-mark.js";
import { declaredHtmlEncoding } from "./declared-encoding.js";
import { type Detection, fallbackEncoding } from "./encoding-detection.js";
import { utf8Evidence } from "./utf8-text.js";

// Typed as any runtime's detector: which one `#encoding-detector` is depends on the bundle.
const detect: (sample: Uint8Array) => Detection = detectEncoding;

/** Where a text file's encoding came from, most authoritative first. */
export type EncodingSource = "bom" | "declared" | "utf-8" | "detected" | "fallback" | "undetected";

export interface EncodingChoice {
  /** The WHATWG encoding name (TextDecoder's `encoding`), or "utf-32le"/"utf-32be". */
  encoding: string;
  source: EncodingSource;
  /** Bytes of byte order mark to skip before decoding. */
  skip: number;
}

/** How much the detector reads: more evidence barely changes its answer, and costs ~45 ms a MiB. */
export const detectionSampleBytes = 1024 * 1024;

/**
 * Picks the encoding to read a text file with: a byte order mark, then (HTML) the encoding the
 * markup declares, then UTF-8 if the bytes are UTF-8 (a few bad bytes among many good sequences
 * still count: that is damaged UTF-8, decoded with U+FFFD for each bad byte), then detection.
 * Undefined means the content is not text in any encoding (binary data).
 *
 * A declared legacy encoding yields to UTF-8 when the bytes are UTF-8 with non-ASCII
 * characters (a page converted to UTF-8 that kept its old `<meta>`: real Windows-1252 text is
 * practically never well-formed UTF-8), and a declared UTF-8 that the bytes are not is ignored.
 */
export function chooseEncoding(bytes: Uint8Array, options: { html: boolean }): EncodingChoice | undefined {
  const bom = byteOrderMark(bytes);
  if (bom !== undefined) return { encoding: bom.encoding, source: "bom", skip: bom.length };

  const sample = detectionSample(bytes);
  const utf8 = readsAsUtf8(sample);
  if (options.html) {
    const declared = declaredHtmlEncoding(bytes);
    if (declared !== undefined && declared !== "utf-8" && !(utf8 && hasNonAscii(sample))) {
      return { encoding: declared, source: "declared", skip: 0 };
    }
    if (declared === "utf-8" && utf8) return { encoding: "utf-8", source: "declared", skip: 0 };
  }
  if (utf8) return { encoding: "utf-8", source: "utf-8", skip: 0 };

  const detection = detect(sample);
  switch (detection.kind) {
    case "binary":
      return undefined;
    case "unsure":
      return { encoding: detection.encoding, source: "fallback", skip: 0 };
    case "text":
      return { encoding: detection.encoding, source: "detected", skip: 0 };
    case "undetected":
      // No detector here (Workers): read as the commonest legacy encoding to judge whether it
      // is text at all; its text is read where the detector is (decode-text.ts refuses it).
      return { encoding: fallbackEncoding, source: "undetected", skip: 0 };
  }
}

/**
 * UTF-8, possibly damaged: no NUL (UTF-16 and binary have them; UTF-8 text does not), no
 * ISO-2022 escape designating a multibyte set (ISO-2022-JP is 7-bit, so also valid UTF-8), and
 * at most one bad byte per 20 well-formed multibyte sequences.
 */
function readsAsUtf8(sample: Uint8Array): boolean {
  if (sample.includes(0) || hasIso2022Escape(sample)) return false;
  const { multibyte, invalid } = utf8Evidence(sample);
  return invalid === 0 || invalid * 20 <= multibyte;
}

// ESC $ designates a multibyte character set (ESC $ B: JIS X 0208). Terminal escapes (ESC [,
// ESC ( B) do not use it.
function hasIso2022Escape(sample: Uint8Array): boolean {
  for (let at = sample.indexOf(0x1b); at >= 0; at = sample.indexOf(0x1b, at + 1)) {
    if (sample[at + 1] === 0x24) return true;
  }
  return false;
}

function hasNonAscii(sample: Uint8Array): boolean {
  return sample.some((b) => b >= 0x80);
}

/**
 * The part of a large file the checks read: from a little before its first non-ASCII byte (or
 * NUL), so a long ASCII prologue does not hide the bytes that tell encodings apart. Kept at a
 * multiple of 4 bytes from the start, so UTF-16 and UTF-32 stay aligned.
 */
function detectionSample(bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength <= detectionSampleBytes) return bytes;
  const telling = firstTellingByte(bytes);
  const start = telling < 0 ? 0 : Math.max(0, telling - 4096) & ~3;
  return bytes.subarray(start, start + detectionSampleBytes);
}

// A plain loop: Array.prototype.findIndex with a callback is five times slower on 90 MiB.
function firstTellingByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b >= 0x80 || b === 0) return i;
  }
  return -1;
}
