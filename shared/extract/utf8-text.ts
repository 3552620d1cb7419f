/**
 * How far bytes read as UTF-8: the well-formed multibyte sequences (no overlongs, surrogates or
 * code points above U+10FFFF) and the bytes that start none. A sequence cut off by the end of
 * `bytes` counts as neither, because callers often pass only the first KiB of a file and that
 * cut can land mid-character. Text in a legacy encoding almost never forms multibyte sequences,
 * so many of them with a few bad bytes is damaged UTF-8, not Windows-1252.
 */
export function utf8Evidence(bytes: Uint8Array): { multibyte: number; invalid: number } {
  const n = bytes.length;
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < n) {
    if ((bytes[i] ?? 0) < 0x80) {
      i++;
      continue;
    }
    const length = wellFormedLength(bytes, i);
    if (length === "cut") break;
    if (length === 0) {
      invalid++;
      i++;
    } else {
      multibyte++;
      i += length;
    }
  }
  return { multibyte, invalid };
}

/** The length of the well-formed multibyte sequence at `i`, 0 if none, "cut" if it runs past the end. */
function wellFormedLength(bytes: Uint8Array, i: number): number | "cut" {
  const rule = leadByteRule(bytes[i] ?? 0);
  if (rule === undefined) return 0;
  for (let k = 1; k <= rule.continuation; k++) {
    if (i + k >= bytes.length) return "cut";
    const c = bytes[i + k] ?? 0;
    const lo = k === 1 ? rule.secondLo : 0x80;
    const hi = k === 1 ? rule.secondHi : 0xbf;
    if (c < lo || c > hi) return 0;
  }
  return rule.continuation + 1;
}

interface LeadByteRule {
  continuation: number;
  secondLo: number;
  secondHi: number;
}

// The second-byte ranges come from the Unicode "well-formed UTF-8" table; they are what rules
// out overlong encodings, UTF-16 surrogates and values past U+10FFFF.
function leadByteRule(b: number): LeadByteRule | undefined {
  if (b >= 0xc2 && b <= 0xdf) return { continuation: 1, secondLo: 0x80, secondHi: 0xbf };
  if (b === 0xe0) return { continuation: 2, secondLo: 0xa0, secondHi: 0xbf };
  if (b === 0xed) return { continuation: 2, secondLo: 0x80, secondHi: 0x9f };
  if (b >= 0xe1 && b <= 0xef) return { continuation: 2, secondLo: 0x80, secondHi: 0xbf };
  if (b === 0xf0) return { continuation: 3, secondLo: 0x90, secondHi: 0xbf };
  if (b >= 0xf1 && b <= 0xf3) return { continuation: 3, secondLo: 0x80, secondHi: 0xbf };
  if (b === 0xf4) return { continuation: 3, secondLo: 0x80, secondHi: 0x8f };
  return undefined;
}
