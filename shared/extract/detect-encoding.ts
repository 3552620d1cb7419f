import { chardet } from "jschardet";
import { type Detection, fallbackEncoding } from "./encoding-detection.js";

/**
 * jschardet's names for the encodings Node's TextDecoder can decode (the WHATWG Encoding
 * Standard's, plus UTF-32, which decode-utf32.ts reads), mapped to the name we decode with and
 * record. Only these are offered to the detector: the rest (DOS code pages other than 866,
 * EBCDIC, HZ, ISO-2022-KR) could not be decoded anyway. Where WHATWG defines one decoder for a
 * family (ISO-8859-1 is read as its superset Windows-1252, Shift_JIS as Windows-31J, EUC-KR as
 * code page 949, Big5 with HKSCS), the family's name is the decoder's.
 */
export const decodableEncodings: Readonly<Record<string, string>> = {
  ascii: "utf-8",
  "utf-8": "utf-8",
  "utf-16-le": "utf-16le",
  "utf-16-be": "utf-16be",
  "utf-32-le": "utf-32le",
  "utf-32-be": "utf-32be",
  big5hkscs: "big5",
  cp932: "shift_jis",
  shift_jis_2004: "shift_jis",
  euc_jis_2004: "euc-jp",
  iso2022_jp_2: "iso-2022-jp",
  cp949: "euc-kr",
  euc_kr: "euc-kr",
  gb18030: "gb18030",
  cp874: "windows-874",
  "tis-620": "windows-874",
  cp1250: "windows-1250",
  cp1251: "windows-1251",
  cp1252: "windows-1252",
  cp1253: "windows-1253",
  cp1254: "windows-1254",
  cp1255: "windows-1255",
  cp1256: "windows-1256",
  cp1257: "windows-1257",
  cp1258: "windows-1258",
  cp866: "ibm866",
  "koi8-r": "koi8-r",
  "koi8-u": "koi8-u",
  "mac-cyrillic": "x-mac-cyrillic",
  "mac-roman": "macintosh",
  "iso8859-1": "windows-1252",
  "iso8859-2": "iso-8859-2",
  "iso8859-3": "iso-8859-3",
  "iso8859-4": "iso-8859-4",
  "iso8859-5": "iso-8859-5",
  "iso8859-6": "iso-8859-6",
  "iso8859-7": "iso-8859-7",
  "iso8859-8": "iso-8859-8-i",
  "iso8859-9": "windows-1254",
  "iso8859-10": "iso-8859-10",
  "iso8859-13": "iso-8859-13",
  "iso8859-14": "iso-8859-14",
  "iso8859-15": "iso-8859-15",
  "iso8859-16": "iso-8859-16",
};

const candidates = Object.keys(decodableEncodings);

/**
 * Below this the detector has next to no evidence (a handful of non-ASCII bytes): its own
 * threshold for reporting a candidate (jschardet's MINIMUM_THRESHOLD). Every correct answer on
 * our samples, down to 120-byte paragraphs, scored 0.29 or more.
 */
export const minimumConfidence = 0.2;

export { type Detection, fallbackEncoding } from "./encoding-detection.js";

/**
 * Detects the encoding of bytes that are neither marked (BOM), declared nor UTF-8, with
 * jschardet (a port of Python's chardet 7: byte-pair models per language and encoding). It also
 * recognises binary content (executables, images, archives, compressed or random bytes), for
 * which it names no encoding.
 */
export function detectEncoding(sample: Uint8Array): Exclude<Detection, { kind: "undetected" }> {
  const result = chardet.detect(sample, {
    includeEncodings: candidates,
    compatNames: false,
    maxBytes: Math.max(sample.byteLength, 1),
  });
  if (result.encoding === null) return { kind: "binary" };
  const encoding = decodableEncodings[result.encoding];
  if (encoding === undefined || result.confidence < minimumConfidence) {
    return { kind: "unsure", encoding: fallbackEncoding, confidence: result.confidence };
  }
  return { kind: "text", encoding, confidence: result.confidence };
}
