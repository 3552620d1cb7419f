const replacement = 0xfffd;
// String.fromCodePoint takes its arguments on the stack: decode in slices.
const slice = 8192;

/**
 * UTF-32 text (the WHATWG TextDecoder has no UTF-32). Like TextDecoder without `fatal`, a code
 * unit that is no Unicode scalar value (a surrogate, past U+10FFFF) and a cut-off last unit each
 * become U+FFFD.
 */
export function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const units = Math.floor(bytes.byteLength / 4);
  const parts: string[] = [];
  const codePoints = new Array<number>(Math.min(units, slice));
  for (let start = 0; start < units; start += slice) {
    const end = Math.min(units, start + slice);
    codePoints.length = end - start;
    for (let u = start; u < end; u++) {
      const value = view.getUint32(u * 4, littleEndian);
      const scalar = value <= 0x10ffff && (value < 0xd800 || value > 0xdfff);
      codePoints[u - start] = scalar ? value : replacement;
    }
    parts.push(String.fromCodePoint(...codePoints));
  }
  if (bytes.byteLength % 4 !== 0) parts.push(String.fromCodePoint(replacement));
  return parts.join("");
}
