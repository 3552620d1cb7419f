const localHeaderSignature = [0x50, 0x4b, 0x03, 0x04];
const localHeaderLength = 30;

/**
 * Names of the ZIP entries whose local headers lie entirely within `head`. Used to tell a Word
 * document from other ZIP-based files without reading the whole archive; entries beyond the
 * head are simply not seen.
 */
export function zipEntryNames(head: Uint8Array): string[] {
  const names: string[] = [];
  const decoder = new TextDecoder("utf-8");
  for (let p = 0; p + localHeaderLength <= head.length; p++) {
    if (!hasSignatureAt(head, p)) continue;
    const nameLength = (head[p + 26] ?? 0) | ((head[p + 27] ?? 0) << 8);
    const nameStart = p + localHeaderLength;
    if (nameLength === 0 || nameStart + nameLength > head.length) continue;
    const name = decoder.decode(head.subarray(nameStart, nameStart + nameLength));
    // A signature can occur by chance inside compressed data; real entry names are printable.
    if (/^[^\p{Cc}\uFFFD]+$/u.test(name)) names.push(name);
    p = nameStart + nameLength - 1;
  }
  return names;
}

function hasSignatureAt(bytes: Uint8Array, p: number): boolean {
  return localHeaderSignature.every((b, k) => bytes[p + k] === b);
}
