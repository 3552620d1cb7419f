const localHeader = [0x50, 0x4b, 0x03, 0x04];
const name = "mimetype";

/**
 * The type an OpenDocument package declares in its first entry, "mimetype", which the standard
 * requires to be stored uncompressed at the start of the archive
 * ("application/vnd.oasis.opendocument.spreadsheet"); undefined when `head` does not show it.
 */
export function odfMimetype(head: Uint8Array): string | undefined {
  if (!localHeader.every((b, k) => head[k] === b)) return undefined;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length < 30 || view.getUint16(8, true) !== 0) return undefined;
  const size = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const start = 30 + nameLength + extraLength;
  if (nameLength !== name.length || size > 100 || start + size > head.length) return undefined;
  if (new TextDecoder().decode(head.subarray(30, 30 + nameLength)) !== name) return undefined;
  return new TextDecoder().decode(head.subarray(start, start + size)).trim();
}
