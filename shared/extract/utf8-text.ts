/**
 * Whether bytes read like a UTF-8 text file: strictly valid UTF-8 (no overlongs, surrogates or
 * code points above U+10FFFF), no NUL bytes, and only a sprinkling of control characters.
 * A multibyte sequence cut off by the end of `bytes` is accepted because callers usually pass
 * only the first few KiB of a file, and that cut can land mid-character.
 */
export function looksLikeUtf8Text(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = hasUtf8Bom(bytes) ? 3 : 0;
  let controls = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      if (b === 0) return false;
      if (isSuspiciousControl(b)) controls++;
      i++;
      continue;
    }
    const rule = leadByteRule(b);
    if (rule === undefined) return false;
    for (let k = 1; k <= rule.continuation; k++) {
      if (i + k >= n) return controlsAreRare(controls, n);
      const c = bytes[i + k] ?? 0;
      const lo = k === 1 ? rule.secondLo : 0x80;
      const hi = k === 1 ? rule.secondHi : 0xbf;
      if (c < lo || c > hi) return false;
    }
    i += rule.continuation + 1;
  }
  return controlsAreRare(controls, n);
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
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

// Tab, LF, FF and CR are ordinary in text files; other C0 controls and DEL are typical of binary.
function isSuspiciousControl(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f;
}

// Up to 2% tolerates e.g. the odd ANSI escape in a log file while rejecting binary formats.
function controlsAreRare(controls: number, total: number): boolean {
  return controls * 50 <= total;
}
