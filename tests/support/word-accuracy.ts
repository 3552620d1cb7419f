/** The words of a text for comparing OCR with its ground truth: lower-cased letters and digits. */
export function words(text: string): string[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

/**
 * Word accuracy of OCR against a ground truth: the share of the truth's words that the OCR text
 * has, in the same order (their longest common subsequence). 1 when every word was read right.
 */
export function wordAccuracy(ocr: string, truth: string): number {
  const a = words(truth);
  const b = words(ocr);
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) {
      row[j] = word === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, row[j - 1] ?? 0);
    }
    previous = row;
  }
  return a.length === 0 ? 1 : (previous[b.length] ?? 0) / a.length;
}
