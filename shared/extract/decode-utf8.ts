// Non-fatal: upload checks already require UTF-8, and a stray bad byte should cost one U+FFFD,
// not the whole document. TextDecoder drops a leading BOM by default.
const decoder = new TextDecoder("utf-8");

export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
