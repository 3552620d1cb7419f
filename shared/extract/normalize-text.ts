/** Canonical form for all extracted text, so chunking and search see one representation. */
export function normalizeText(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n").replaceAll("\0", "").trim();
}
