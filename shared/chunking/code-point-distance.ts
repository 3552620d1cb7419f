/**
 * Returns a function giving the number of code points between two UTF-16 offsets of `text`.
 * Pure-BMP text (the common case) needs no table; otherwise one linear pass builds a prefix
 * count so every later measurement is O(1) instead of rescanning the string.
 */
export function codePointDistance(text: string): (from: number, to: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (from, to) => to - from;
  const before = new Int32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    before[i] = count;
    if (!isSecondHalfOfPair(text, i)) count++;
  }
  before[text.length] = count;
  return (from, to) => (before[to] ?? 0) - (before[from] ?? 0);
}

/** UTF-16 offset reached by advancing `count` code points from `from` (or the end of text). */
export function advanceCodePoints(text: string, from: number, count: number): number {
  let i = from;
  for (let k = 0; k < count && i < text.length; k++) i += isFirstHalfOfPair(text, i) ? 2 : 1;
  return i;
}

export function isFirstHalfOfPair(text: string, i: number): boolean {
  return isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1));
}

function isSecondHalfOfPair(text: string, i: number): boolean {
  return i > 0 && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1));
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
